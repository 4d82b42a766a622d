import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import { queryAll, type TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { keys } from './keys.js';
import type { CatalogItemRecord } from './records.js';
import { commit, type Write } from './transaction.js';

const FIELDS = ['id', 'name', 'unit', 'points', 'stock', 'active', 'updatedAt', 'version'] as const;
export const toCatalogItem = (i: Record<string, unknown>): CatalogItemRecord => Object.fromEntries(FIELDS.map((f) => [f, i[f]])) as unknown as CatalogItemRecord;

/**
 * Units of an item taken by an exchange: refused unless it exists, is active, still costs
 * `pointsEach` and has `quantity` left — so stock never goes below zero under any concurrency.
 */
export const takeStockWrite = (TableName: string, itemId: string, quantity: number, pointsEach: number): Write => ({
  Update: {
    TableName,
    Key: keys.catalogItem(itemId),
    UpdateExpression: 'ADD stock :minus, version :one',
    ConditionExpression: 'attribute_exists(PK) AND active = :true AND points = :pts AND stock >= :q',
    ExpressionAttributeValues: { ':minus': -quantity, ':one': 1, ':true': true, ':pts': pointsEach, ':q': quantity },
  },
});

/** Units given back by a rejected exchange. */
export const returnStockWrite = (TableName: string, itemId: string, quantity: number): Write => ({
  Update: {
    TableName,
    Key: keys.catalogItem(itemId),
    UpdateExpression: 'ADD stock :q, version :one',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeValues: { ':q': quantity, ':one': 1 },
  },
});

export function catalogStore(ref: TableRef, config: Config) {
  const { doc, tableName: TableName } = ref;
  return {
    async get(id: string): Promise<CatalogItemRecord | null> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.catalogItem(id), ConsistentRead: true }));
      return out.Item ? toCatalogItem(out.Item) : null;
    },

    /** Every item, by id. */
    async list(): Promise<CatalogItemRecord[]> {
      const items = await queryAll(doc, {
        TableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': keys.catalogPK, ':p': keys.catalogItemPrefix },
      });
      return items.map(toCatalogItem);
    },

    /**
     * An item as an admin sets it, replacing exactly `before` (null: it must not exist yet).
     * Refused by `item` when something changed it meanwhile (an exchange took stock): the caller reads again.
     */
    async put(item: CatalogItemRecord, before: CatalogItemRecord | null, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(TableName, {
          item: {
            Put: {
              TableName,
              Item: { ...keys.catalogItem(item.id), ...item },
              ConditionExpression: before ? 'version = :v' : 'attribute_not_exists(PK)',
              ...(before ? { ExpressionAttributeValues: { ':v': before.version } } : {}),
            },
          },
        }, intents),
        config.contention,
      );
    },
  };
}
