import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.js';
import { keys } from './keys.js';
import type { IdempotencyRecord } from './records.js';
import type { TransactItem } from './transact.js';

/**
 * Idempotency records ride inside the transaction that does the work: the first request to
 * commit writes its answer; a repeat fails that item's condition and reads the stored answer.
 * Timeline protected: two requests with one key racing → exactly one transaction commits.
 */
export function idempotencyStore({ doc, tableName }: TableRef) {
  return {
    async get(caller: string, key: string, nowEpoch: number): Promise<IdempotencyRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.idempotency(caller, key), ConsistentRead: true }));
      // TTL deletion is lazy (days on AWS, never locally): an expired record is treated as absent.
      if (!out.Item || (out.Item.expiresAt as number) <= nowEpoch) return null;
      return { requestHash: out.Item.requestHash, status: out.Item.status, response: out.Item.response };
    },

    record(caller: string, key: string, rec: IdempotencyRecord, nowEpoch: number, ttlSeconds: number): TransactItem {
      return {
        Put: {
          TableName: tableName,
          Item: { ...keys.idempotency(caller, key), ...rec, expiresAt: nowEpoch + ttlSeconds },
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': nowEpoch },
        },
      };
    },
  };
}
