import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { invalid } from '../domain/errors.js';

/** One page of a list that grows: its items and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

type Key = Record<string, string>;

/**
 * Cursors are opaque to clients: the partition they belong to and DynamoDB's LastEvaluatedKey,
 * base64url JSON. A cursor is checked against the partition being read before DynamoDB sees
 * it, so one provider's cursor can never start a read in another's partition.
 */
export function encodeCursor(partition: string, key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ p: partition, k: key })).toString('base64url');
}

const badCursor = (): never => invalid([{ in: 'query', field: 'cursor', message: 'not a cursor from this list' }]);

export function decodeCursor(cursor: string): { partition: string; key: Key } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return badCursor();
  }
  const c = parsed as { p?: unknown; k?: unknown };
  if (typeof c?.p !== 'string' || typeof c.k !== 'object' || c.k === null || Array.isArray(c.k)) return badCursor();
  const entries = Object.entries(c.k as Record<string, unknown>);
  if (entries.length === 0 || entries.length > 4 || entries.some(([k, v]) => !/^(PK|SK|GSI\dPK|GSI\dSK)$/.test(k) || typeof v !== 'string')) return badCursor();
  return { partition: c.p, key: c.k as Key };
}

const keyAttrs = (index: string | undefined): string[] => (index ? ['PK', 'SK', `${index}PK`, `${index}SK`] : ['PK', 'SK']);

/**
 * One page of a list that spans one or more partitions, read in the order given (e.g. the
 * months of an audit range, newest first), resuming after the cursor. The page is filled up to
 * `limit` even when a filter drops items, and its cursor is the key of its last item — so no
 * item is skipped or repeated between pages, whatever DynamoDB's own page boundaries were.
 */
export async function queryPage(
  doc: DynamoDBDocumentClient,
  partitions: readonly string[],
  input: (partition: string) => Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  page: PageRequest,
): Promise<Page<Record<string, unknown>>> {
  let at = 0;
  let start: Key | undefined;
  if (page.cursor) {
    const c = decodeCursor(page.cursor);
    at = partitions.indexOf(c.partition);
    if (at < 0) badCursor();
    start = c.key;
  }
  const items: Record<string, unknown>[] = [];
  for (; at < partitions.length; at++, start = undefined) {
    const partition = partitions[at]!;
    const q = input(partition);
    const attrs = keyAttrs(q.IndexName);
    // A cursor must point into the partition it names, or DynamoDB would start a read elsewhere.
    if (start && start[q.IndexName ? `${q.IndexName}PK` : 'PK'] !== partition) badCursor();
    for (;;) {
      const out = await doc.send(new QueryCommand({ ...q, Limit: page.limit, ExclusiveStartKey: start }));
      for (const item of out.Items ?? []) {
        items.push(item);
        if (items.length === page.limit) {
          const key = Object.fromEntries(attrs.filter((a) => item[a] !== undefined).map((a) => [a, item[a]]));
          const more = at < partitions.length - 1 || out.LastEvaluatedKey !== undefined || item !== out.Items![out.Items!.length - 1];
          return { items, next: more ? encodeCursor(partition, key) : null };
        }
      }
      if (!out.LastEvaluatedKey) break;
      start = out.LastEvaluatedKey as Key;
    }
  }
  return { items, next: null };
}
