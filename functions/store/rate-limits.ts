import type { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
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
        await doc.send(new UpdateCommand(rateWrite(tableName, { scope, who, window, limit, expiresAt }).Update!));
        return true;
      } catch (e) {
        if ((e as Error).name === 'ConditionalCheckFailedException') return false;
        throw e;
      }
    },

    /**
     * One more in a shared counter and in one member's share of it — a provider's and one of its
     * staff's, say — as one conditional write to one item: each stays below its own limit.
     * Refused: which of the two was full (the member's first).
     */
    async takeShared(c: SharedCounter): Promise<'taken' | 'member' | 'shared'> {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.rate(c.scope, c.who, c.window),
            UpdateExpression: 'ADD n :one, #m :one SET expiresAt = :exp',
            ConditionExpression: '(attribute_not_exists(n) OR n < :limit) AND (attribute_not_exists(#m) OR #m < :mlimit)',
            ExpressionAttributeNames: { '#m': memberField(c.member) },
            ExpressionAttributeValues: { ':one': 1, ':limit': c.limit, ':mlimit': c.memberLimit, ':exp': c.expiresAt },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return 'taken';
      } catch (e) {
        if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
        const item = (e as ConditionalCheckFailedException).Item;
        const old = item ? unmarshall(item) : {};
        return ((old[memberField(c.member)] as number | undefined) ?? 0) >= c.memberLimit ? 'member' : 'shared';
      }
    },

    /** Gives a shared reservation back, to the whole and the member's share. Never below zero. */
    async releaseShared(c: SharedCounterRef): Promise<void> {
      const { Update } = sharedReleaseWrite(tableName, c);
      await doc
        .send(new UpdateCommand({ ...Update!, ConditionExpression: 'n > :zero AND #m > :zero', ExpressionAttributeValues: { ...Update!.ExpressionAttributeValues, ':zero': 0 } }))
        .catch((e: Error) => {
          if (e.name !== 'ConditionalCheckFailedException') throw e;
        });
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

/**
 * `releaseShared` as one part of a larger transaction (the work that proved the attempt genuine),
 * saving its own round trip. Unconditional: a transaction must not fail over a counter, and the
 * reservation it returns was taken moments before in the same window.
 */
export const sharedReleaseWrite = (TableName: string, c: SharedCounterRef): Write => ({
  Update: {
    TableName,
    Key: keys.rate(c.scope, c.who, c.window),
    UpdateExpression: 'ADD n :minus, #m :minus',
    ExpressionAttributeNames: { '#m': memberField(c.member) },
    ExpressionAttributeValues: { ':minus': -1 },
  },
});

export type SharedCounterRef = Pick<SharedCounter, 'scope' | 'who' | 'window' | 'member'>;

/** A counter for a whole (`who`) with each member's share of it on the same item. */
export interface SharedCounter {
  scope: string;
  who: string;
  window: string;
  limit: number;
  member: string;
  memberLimit: number;
  expiresAt: number;
}

const memberField = (member: string) => `n:${member}`;

export interface Counter {
  scope: string;
  who: string;
  window: string;
  limit: number;
  expiresAt: number;
}
