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
  /** One update of an item with its intents, refused by `item` (with the item as it is now). */
  const updateItem = (id: string, u: Omit<NonNullable<Write['Update']>, 'TableName' | 'Key'>, intents: Intents) =>
    commit(ref, withIntents(TableName, { item: { Update: { TableName, Key: keys.catalogItem(id), ...u } } }, intents), config.contention, { item: toCatalogItem });
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

    /** A new item (refused by `item` when one with its id exists already). */
    async create(item: CatalogItemRecord, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(TableName, {
          item: { Put: { TableName, Item: { ...keys.catalogItem(item.id), ...item }, ConditionExpression: 'attribute_not_exists(PK)' } },
        }, intents),
        config.contention,
        { item: toCatalogItem },
      );
    },

    /**
     * An admin's edit of everything but the stock, made from `version`: refused by `item` (with
     * the item as it is now) when anything changed it since, an exchange's stock included. Stock
     * is never written here, so no edit can put back a stock it read earlier.
     */
    async edit(item: Pick<CatalogItemRecord, 'id' | 'name' | 'unit' | 'points' | 'active' | 'updatedAt'>, version: number, intents: Intents = {}) {
      return updateItem(
        item.id,
        {
          UpdateExpression: 'SET #name = :name, #unit = :unit, points = :points, active = :active, updatedAt = :at, version = :next',
          ConditionExpression: 'version = :v',
          ExpressionAttributeNames: { '#name': 'name', '#unit': 'unit' },
          ExpressionAttributeValues: { ':name': item.name, ':unit': item.unit, ':points': item.points, ':active': item.active, ':at': item.updatedAt, ':v': version, ':next': version + 1 },
        },
        intents,
      );
    },

    /**
     * Stock added or taken out by an admin, atomically (`ADD`, no read-modify-write): refused by
     * `item` (with the item as it is, or null when there is none) when it would go below zero.
     */
    async adjustStock(id: string, delta: number, at: string, intents: Intents = {}) {
      return updateItem(
        id,
        {
          UpdateExpression: 'ADD stock :d, version :one SET updatedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND stock >= :need',
          ExpressionAttributeValues: { ':d': delta, ':one': 1, ':at': at, ':need': Math.max(0, -delta) },
        },
        intents,
      );
    },
  };
}
