import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.js';
import { keys } from './keys.js';
import type { IdempotencyRecord } from './records.js';
import type { Write } from './transaction.js';

/** The first answer to a caller's key, to be kept `ttlSeconds` from `nowEpoch`. */
export interface IdempotencyIntent {
  caller: string;
  key: string;
  record: IdempotencyRecord;
  nowEpoch: number;
  ttlSeconds: number;
}

/**
 * Idempotency records ride inside the transaction that does the work: the first request to
 * commit writes its answer; a repeat fails this part's condition and reads the stored answer.
 * Timeline protected: two requests with one key racing → exactly one transaction commits.
 */
export const idempotencyWrite = (TableName: string, i: IdempotencyIntent): Write => ({
  Put: {
    TableName,
    Item: { ...keys.idempotency(i.caller, i.key), ...i.record, expiresAt: i.nowEpoch + i.ttlSeconds },
    ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
    ExpressionAttributeValues: { ':now': i.nowEpoch },
  },
});

export function idempotencyStore({ doc, tableName }: TableRef) {
  return {
    async get(caller: string, key: string, nowEpoch: number): Promise<IdempotencyRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.idempotency(caller, key), ConsistentRead: true }));
      // TTL deletion is lazy (days on AWS, never locally): an expired record is treated as absent.
      if (!out.Item || (out.Item.expiresAt as number) <= nowEpoch) return null;
      return { requestHash: out.Item.requestHash, status: out.Item.status, response: out.Item.response };
    },
  };
}
