import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import type { TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { keys } from './keys.js';
import { commit } from './transaction.js';
import type { District } from './records.js';

export function districtStore(ref: TableRef, config: Config) {
  const { doc, tableName } = ref;
  return {
    async list(): Promise<District[]> {
      const out = await doc.send(
        new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.districts() } }),
      );
      const items = (out.Items ?? []).sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9) || String(a.id).localeCompare(String(b.id)));
      return items.map((i) => ({ id: i.id as string, name: i.name as string, ...(i.nameEn ? { nameEn: i.nameEn as string } : {}) }));
    },

    /** `position` orders the list as people there know it; districts without one come last. */
    async put(d: District & { position?: number }, intents: Intents = {}) {
      return commit(ref, withIntents(tableName, { district: { Put: { TableName: tableName, Item: { ...keys.district(d.id), ...d } } } }, intents), config.contention);
    },
  };
}
