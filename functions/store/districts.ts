import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.js';
import { keys } from './keys.js';
import type { District } from './records.js';

export function districtStore({ doc, tableName }: TableRef) {
  return {
    async list(): Promise<District[]> {
      const out = await doc.send(
        new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.districts() } }),
      );
      const items = (out.Items ?? []).sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9) || String(a.id).localeCompare(String(b.id)));
      return items.map((i) => ({ id: i.id as string, name: i.name as string, ...(i.nameEn ? { nameEn: i.nameEn as string } : {}) }));
    },

    /** `position` orders the list as people there know it; districts without one come last. */
    async put(d: District & { position?: number }): Promise<void> {
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.district(d.id), ...d } }));
    },
  };
}
