import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import type { ExchangeStatus } from '../contract/catalog.js';
import type { Page } from '../contract/common.js';
import { returnStockWrite, takeStockWrite, toCatalogItem } from './catalog.js';
import { queryPage, type PageRequest, type TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { keys } from './keys.js';
import { availableWrite, entryWrite } from './points.js';
import type { ExchangeRecord, LedgerRecord } from './records.js';
import { commit } from './transaction.js';

const FIELDS = ['id', 'providerId', 'providerName', 'itemId', 'itemName', 'unit', 'quantity', 'points', 'status', 'createdAt', 'decidedAt', 'reason'] as const;
export const toExchange = (i: Record<string, unknown>): ExchangeRecord => Object.fromEntries(FIELDS.map((f) => [f, i[f] ?? null])) as unknown as ExchangeRecord;

const decoders = { stock: toCatalogItem, exchange: toExchange };

/**
 * Exchanges: points and stock traded for an order, and the admins' decision on it. Every change
 * is one transaction with its ledger entry and audit entry, so the balance, the stock and the
 * order never disagree.
 */
export function exchangeStore(ref: TableRef, config: Config) {
  const { doc, tableName: TableName } = ref;
  const key = (x: ExchangeRecord) => keys.exchange(x.providerId, x.createdAt, x.id);

  /** PENDING → `status`, once: a second decision is refused by `exchange` (with the exchange as it is). */
  const decideWrite = (x: ExchangeRecord, status: ExchangeStatus, at: string, reason: string | null) => ({
    Update: {
      TableName,
      Key: key(x),
      UpdateExpression: 'SET #s = :s, decidedAt = :at, reason = :reason, GSI1PK = :pk, GSI1SK = :sk',
      ConditionExpression: '#s = :pending',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status, ':at': at, ':reason': reason, ':pending': 'PENDING', ...prefixed(keys.exchangeIndex(status, x.createdAt, x.id)) },
    },
  });

  return {
    /** An exchange by id (through its pointer). */
    async get(id: string): Promise<ExchangeRecord | null> {
      const pointer = await doc.send(new GetCommand({ TableName, Key: keys.exchangePointer(id) }));
      if (!pointer.Item) return null;
      const out = await doc.send(new GetCommand({ TableName, Key: keys.exchange(pointer.Item.providerId as string, pointer.Item.createdAt as string, id), ConsistentRead: true }));
      return out.Item ? toExchange(out.Item) : null;
    },

    /**
     * A new exchange in one transaction: the provider still ACTIVE (`provider`), the stock taken
     * at the price the caller saw (`stock`, with the item's image), the points taken from what is
     * spendable (`points`), the ledger entry, the order and its pointer.
     */
    async create(x: ExchangeRecord, pointsEach: number, debit: LedgerRecord, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(TableName, {
          provider: {
            ConditionCheck: {
              TableName,
              Key: keys.provider(x.providerId),
              ConditionExpression: '#s = :active',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':active': 'ACTIVE' },
            },
          },
          stock: takeStockWrite(TableName, x.itemId, x.quantity, pointsEach),
          points: availableWrite(TableName, x.providerId, -x.points),
          ledger: entryWrite(TableName, debit),
          exchange: { Put: { TableName, Item: { ...key(x), ...keys.exchangeIndex(x.status, x.createdAt, x.id), ...x }, ConditionExpression: 'attribute_not_exists(PK)' } },
          pointer: { Put: { TableName, Item: { ...keys.exchangePointer(x.id), providerId: x.providerId, createdAt: x.createdAt }, ConditionExpression: 'attribute_not_exists(PK)' } },
        }, intents),
        config.contention,
        decoders,
      );
    },

    async fulfil(x: ExchangeRecord, at: string, intents: Intents = {}) {
      return commit(ref, withIntents(TableName, { exchange: decideWrite(x, 'FULFILLED', at, null) }, intents), config.contention, decoders);
    },

    /** The decision, the stock given back, the points given back (spendable at once) and the refund's entry: exactly once. */
    async reject(x: ExchangeRecord, at: string, reason: string, refund: LedgerRecord, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(TableName, {
          exchange: decideWrite(x, 'REJECTED', at, reason),
          stock: returnStockWrite(TableName, x.itemId, x.quantity),
          points: availableWrite(TableName, x.providerId, x.points),
          ledger: entryWrite(TableName, refund),
        }, intents),
        config.contention,
        decoders,
      );
    },

    /** A provider's exchanges, newest first. */
    async listOf(providerId: string, page: PageRequest, status?: ExchangeStatus): Promise<Page<ExchangeRecord>> {
      const pk = keys.providerPK(providerId);
      const out = await queryPage(
        doc,
        {
          TableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ...(status ? { FilterExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' } } : {}),
          ExpressionAttributeValues: { ':pk': pk, ':p': keys.exchangePrefix, ...(status ? { ':s': status } : {}) },
          ScanIndexForward: false,
        },
        page,
        ['PK', 'SK'],
        { PK: pk },
      );
      return { items: out.items.map(toExchange), next: out.next };
    },

    /** Every provider's exchanges in one status, newest first. */
    async listIn(status: ExchangeStatus, page: PageRequest): Promise<Page<ExchangeRecord>> {
      const pk = keys.exchangesIn(status);
      const out = await queryPage(
        doc,
        { TableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false },
        page,
        ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
        { GSI1PK: pk },
      );
      return { items: out.items.map(toExchange), next: out.next };
    },
  };
}

const prefixed = (index: { GSI1PK: string; GSI1SK: string }) => ({ ':pk': index.GSI1PK, ':sk': index.GSI1SK });
