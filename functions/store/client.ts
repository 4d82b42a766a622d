import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery, paginateScan, QueryCommand, type QueryCommandInput, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { Agent } from 'node:http';
import { invalid } from '../domain/errors.js';

export interface TableRef {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/** Local mode and tests pass an endpoint and dummy credentials; on Lambda the defaults apply. */
export function documentClient(config: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

export const localClientConfig = (endpoint: string): DynamoDBClientConfig => ({
  endpoint,
  region: 'local',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  // One process serves every request locally; the SDK's default of 50 sockets queues a lunch burst.
  requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 256 }) },
});

export const isConditionFailure = (e: unknown): boolean =>
  e instanceof Error && (e.name === 'ConditionalCheckFailedException' || e.name === 'TransactionCanceledException');

/** Every item a Query matches, following LastEvaluatedKey through all pages. */
export async function queryAll(doc: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client: doc }, input)) items.push(...(page.Items ?? []));
  return items;
}

/** One page of a list and where the next one starts (null: there is none). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

type Key = Record<string, string>;

/** A cursor is the last item's key, base64url JSON: opaque to clients, checked when it comes back. */
const encodeCursor = (key: Key): string => Buffer.from(JSON.stringify(key)).toString('base64url');

function decodeCursor(cursor: string, attributes: readonly string[], partition: Key): Key {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  const ok =
    typeof key === 'object' &&
    key !== null &&
    Object.keys(key).length === attributes.length &&
    attributes.every((a) => typeof (key as Key)[a] === 'string') &&
    // A cursor from another list (another partition) would make DynamoDB refuse the query.
    Object.entries(partition).every(([a, v]) => (key as Key)[a] === v);
  return ok ? (key as Key) : invalid([{ in: 'query', field: 'cursor', message: 'not a cursor this list gave out' }]);
}

/**
 * One page of a Query, `limit` items at most, with a FilterExpression allowed: DynamoDB applies
 * Limit before the filter, so it reads on until the page is full or the partition ends, and when it
 * has to cut a read short the cursor is the last item kept — never a silent gap or repeat.
 * `keyAttributes` are the table's and the index's key names; `partition` the key condition's
 * equality part (a cursor must carry it).
 */
export async function queryPage(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
  page: PageRequest,
  keyAttributes: readonly string[],
  partition: Key,
): Promise<Page<Record<string, unknown>>> {
  const items: Record<string, unknown>[] = [];
  let start: Key | undefined = page.cursor ? decodeCursor(page.cursor, keyAttributes, partition) : undefined;
  const keyOf = (item: Record<string, unknown>): Key => Object.fromEntries(keyAttributes.map((a) => [a, String(item[a])]));
  for (;;) {
    const out = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start, Limit: Math.max(page.limit - items.length, 25) }));
    const found = out.Items ?? [];
    const room = page.limit - items.length;
    if (found.length > room) {
      items.push(...found.slice(0, room));
      return { items, next: encodeCursor(keyOf(items[items.length - 1]!)) };
    }
    items.push(...found);
    start = out.LastEvaluatedKey as Key | undefined;
    if (!start) return { items, next: null };
    if (items.length === page.limit) return { items, next: encodeCursor(keyOf(items[items.length - 1]!)) };
  }
}

/** Every item a Scan matches, through all pages. For sparse indexes, whose size is what they hold. */
export async function scanAll(doc: DynamoDBDocumentClient, input: ScanCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client: doc }, input)) items.push(...(page.Items ?? []));
  return items;
}
