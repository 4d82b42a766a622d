import type { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
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
    async takeShared(c: SharedCounter): Promise<'taken' | Full> {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.rate(c.scope, c.who, c.window),
            UpdateExpression: 'ADD n :one, #m :one SET expiresAt = :exp',
            ConditionExpression: roomCondition,
            ExpressionAttributeNames: { '#m': memberField(c.member) },
            ExpressionAttributeValues: { ':one': 1, ...roomValues(c), ':exp': c.expiresAt },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return 'taken';
      } catch (e) {
        if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
        const item = (e as ConditionalCheckFailedException).Item;
        return fullness(item ? unmarshall(item) : null, c) ?? 'shared';
      }
    },

    /** Whether a shared counter has room for one more, as a strongly consistent read; changes nothing. */
    async roomIn(c: SharedCounter): Promise<'room' | Full> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.rate(c.scope, c.who, c.window), ConsistentRead: true }));
      return fullness(out.Item ?? null, c) ?? 'room';
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
 * `roomIn` as one part of a larger transaction: the work commits only while the counter (and the
 * member's share) is below its limit, and the counter is left as it is. Refused with the counter's
 * old image, which `fullness` reads.
 */
export const sharedRoomCheck = (TableName: string, c: SharedCounter): Write => ({
  ConditionCheck: {
    TableName,
    Key: keys.rate(c.scope, c.who, c.window),
    ConditionExpression: roomCondition,
    ExpressionAttributeNames: { '#m': memberField(c.member) },
    ExpressionAttributeValues: roomValues(c),
  },
});

/** Which limit a full shared counter reached: the member's share first, else the whole's. */
export type Full = 'member' | 'shared';

/**
 * Which limit a shared counter's item (as read, null when absent) has reached, the member's share
 * first; null while both have room: `roomCondition` read in JavaScript. A refused write or check
 * saw a full counter, so its callers take null as the whole's (a race emptied it since).
 */
export function fullness(old: Record<string, unknown> | null, c: SharedCounter): Full | null {
  const count = (field: string) => (old?.[field] as number | undefined) ?? 0;
  if (count(memberField(c.member)) >= c.memberLimit) return 'member';
  return count('n') >= c.limit ? 'shared' : null;
}

const roomCondition = '(attribute_not_exists(n) OR n < :limit) AND (attribute_not_exists(#m) OR #m < :mlimit)';
const roomValues = (c: SharedCounter) => ({ ':limit': c.limit, ':mlimit': c.memberLimit });

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
