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
      return (out.Items ?? []).map((i) => ({ id: i.id as string, name: i.name as string }));
    },

    async put(d: District): Promise<void> {
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.district(d.id), ...d } }));
    },
  };
}
