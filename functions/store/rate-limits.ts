import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.js';
import { keys } from './keys.js';
import type { Write } from './transaction.js';

/** One more count in a fixed window, refused when the window already holds `limit`. */
export interface RateIntent {
  scope: string;
  who: string;
  window: string;
  limit: number;
  expiresAt: number;
}

/** The same counting as `take`, as one part of a larger transaction. */
export const rateWrite = (TableName: string, r: RateIntent): Write => ({
  Update: {
    TableName,
    Key: keys.rate(r.scope, r.who, r.window),
    UpdateExpression: 'ADD n :one SET expiresAt = :exp',
    ConditionExpression: 'attribute_not_exists(n) OR n < :limit',
    ExpressionAttributeValues: { ':one': 1, ':limit': r.limit, ':exp': r.expiresAt },
  },
});

/**
 * Fixed-window counters, one item per subject and window, e.g. a recipient's bookings this
 * minute. Keyed by who (recipient, device key hash, staff member), never by IP address.
 */
export function rateLimitStore({ doc, tableName }: TableRef) {
  return {
    /** Count one more; false when the window already holds `limit`. */
    async take(scope: string, who: string, window: string, limit: number, expiresAt: number): Promise<boolean> {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.rate(scope, who, window),
            UpdateExpression: 'ADD n :one SET expiresAt = :exp',
            ConditionExpression: 'attribute_not_exists(n) OR n < :limit',
            ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':exp': expiresAt },
          }),
        );
        return true;
      } catch (e) {
        if ((e as Error).name === 'ConditionalCheckFailedException') return false;
        throw e;
      }
    },

    /** Gives reserved attempts back (they were not failures). Never below zero. */
    async release(counters: Pick<Counter, 'scope' | 'who' | 'window'>[]): Promise<void> {
      await Promise.all(
        counters.map((c) =>
          doc
            .send(
              new UpdateCommand({
                TableName: tableName,
                Key: keys.rate(c.scope, c.who, c.window),
                UpdateExpression: 'ADD n :minus',
                ConditionExpression: 'n > :zero',
                ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
              }),
            )
            .catch((e: Error) => {
              if (e.name !== 'ConditionalCheckFailedException') throw e;
            }),
        ),
      );
    },
  };
}

export interface Counter {
  scope: string;
  who: string;
  window: string;
  limit: number;
  expiresAt: number;
}
