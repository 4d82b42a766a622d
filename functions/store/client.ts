import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, paginateQuery, paginateScan, QueryCommand, type QueryCommandInput, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import { Agent } from 'node:http';
import type { Page } from '../contract/common.js';
import { invalid } from '../domain/errors.js';
import { tableDefinition } from './table.js';

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

type Item = Record<string, unknown>;

const BATCH_GET = 100;

/** The items under `keys`, in as few round trips as DynamoDB allows (100 keys a call); absent ones are left out, in no order. */
export async function batchGetAll(doc: DynamoDBDocumentClient, tableName: string, keys: readonly Item[]): Promise<Item[]> {
  const items: Item[] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET) {
    let request: Record<string, { Keys: Item[] }> | undefined = { [tableName]: { Keys: keys.slice(i, i + BATCH_GET) } };
    while (request && Object.keys(request).length > 0) {
      const out = await doc.send(new BatchGetCommand({ RequestItems: request }));
      items.push(...(out.Responses?.[tableName] ?? []));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return items;
}

/**
 * The indexes project keys only (store/table.ts): an index says which items, the table what they
 * hold, so what a function may read is decided by its grant on the table alone. These are the
 * items one page of index entries names, read from the table and aligned with the entries; null
 * where the item is gone or has moved in the index since (a decided application, a hidden note, a
 * redeemed booking), as the index itself soon will be.
 */
async function itemsOf(doc: DynamoDBDocumentClient, tableName: string, indexName: string, entries: readonly Item[]): Promise<(Item | null)[]> {
  const index = tableDefinition.indexes.find((i) => i.name === indexName);
  if (!index) throw new Error(`no index ${indexName} in the table definition`);
  const { partitionKey: pk, sortKey: sk } = tableDefinition;
  const id = (i: Item) => `${String(i[pk])}\u0000${String(i[sk])}`;
  const found = new Map((await batchGetAll(doc, tableName, entries.map((e) => ({ [pk]: e[pk], [sk]: e[sk] })))).map((i) => [id(i), i]));
  return entries.map((e) => {
    const item = found.get(id(e));
    return item && item[index.partitionKey] === e[index.partitionKey] && item[index.sortKey] === e[index.sortKey] ? item : null;
  });
}

/** One page of Query results as items: an index's entries are read from the table; `keep` drops items (null: keep all). */
async function itemsOfPage(doc: DynamoDBDocumentClient, input: QueryCommandInput | ScanCommandInput, found: Item[], keep: ((item: Item) => boolean) | null): Promise<(Item | null)[]> {
  const items = input.IndexName ? await itemsOf(doc, input.TableName!, input.IndexName, found) : found;
  return keep ? items.map((i) => (i && keep(i) ? i : null)) : items;
}

/**
 * Every item a Query matches, following LastEvaluatedKey through all pages. On an index, the
 * items are read from the table; an index holds only keys, so a filter on anything else is `keep`,
 * not a FilterExpression.
 */
export async function queryAll(doc: DynamoDBDocumentClient, input: QueryCommandInput, keep: ((item: Item) => boolean) | null = null): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of paginateQuery({ client: doc }, input)) items.push(...(await itemsOfPage(doc, input, page.Items ?? [], keep)).filter((i) => i !== null));
  return items;
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
 * One page of a Query, `limit` items at most, narrowed by a FilterExpression or `keep`: DynamoDB
 * applies Limit before either, so it reads on until the page is full or the partition ends, and
 * when it has to cut a read short the cursor is the last entry kept — never a silent gap or
 * repeat. On an index the items are read from the table (see queryAll). `keyAttributes` are the
 * table's and the index's key names; `partition` the key condition's equality part (a cursor
 * must carry it).
 */
export async function queryPage(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
  page: PageRequest,
  keyAttributes: readonly string[],
  partition: Key,
  keep: ((item: Item) => boolean) | null = null,
): Promise<Page<Item>> {
  const items: Item[] = [];
  let start: Key | undefined = page.cursor ? decodeCursor(page.cursor, keyAttributes, partition) : undefined;
  const keyOf = (entry: Item): Key => Object.fromEntries(keyAttributes.map((a) => [a, String(entry[a])]));
  for (;;) {
    const out = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start, Limit: Math.max(page.limit - items.length, 25) }));
    const found = out.Items ?? [];
    const kept = await itemsOfPage(doc, input, found, keep);
    for (const [i, item] of kept.entries()) {
      if (!item) continue;
      items.push(item);
      // The entry, not the item, marks the place: the item may have moved in the index since.
      if (items.length === page.limit) return { items, next: i < found.length - 1 || out.LastEvaluatedKey ? encodeCursor(keyOf(found[i]!)) : null };
    }
    start = out.LastEvaluatedKey as Key | undefined;
    if (!start) return { items, next: null };
  }
}

/** Every item a Scan matches, through all pages; on an index, read from the table (see queryAll). For sparse indexes, whose size is what they hold. */
export async function scanAll(doc: DynamoDBDocumentClient, input: ScanCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of paginateScan({ client: doc }, input)) items.push(...(await itemsOfPage(doc, input, page.Items ?? [], null)).filter((i) => i !== null));
  return items;
}
