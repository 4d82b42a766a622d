import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import type { TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { commit } from './transaction.js';
import { keys } from './keys.js';
import type { Slot } from './records.js';

export interface SlotRef {
  providerId: string;
  offeringId: string;
  date: string;
}

const BATCH = 100;

export function slotStore(ref: TableRef, config: Config) {
  const { doc, tableName } = ref;
  return {
    /**
     * Live counts for many slots in as few round trips as DynamoDB allows (100 keys a call).
     * A slot nobody has touched yet does not exist and counts as empty.
     */
    async getMany(refs: SlotRef[]): Promise<Map<string, Slot>> {
      const found = new Map<string, Slot>();
      for (let i = 0; i < refs.length; i += BATCH) {
        let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
          [tableName]: { Keys: refs.slice(i, i + BATCH).map((r) => keys.slot(r.providerId, r.date, r.offeringId)) },
        };
        while (request && Object.keys(request).length > 0) {
          const out = await doc.send(new BatchGetCommand({ RequestItems: request }));
          for (const item of out.Responses?.[tableName] ?? []) {
            const slot: Slot = {
              providerId: item.providerId,
              offeringId: item.offeringId,
              date: item.date,
              booked: item.booked ?? 0,
              redeemed: item.redeemed ?? 0,
              walkIns: item.walkIns ?? 0,
            };
            found.set(slotId(slot), slot);
          }
          request = out.UnprocessedKeys as typeof request;
        }
      }
      return found;
    },

    /**
     * A no-app handout of `count` meals from the same slot bookings draw on, within capacity.
     * Refused by `slot` when fewer than `count` meals are left.
     */
    async walkIn(r: SlotRef, capacity: number, count: number, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(tableName, {
          slot: {
            Update: {
              TableName: tableName,
              Key: keys.slot(r.providerId, r.date, r.offeringId),
              UpdateExpression: 'SET providerId = :pid, offeringId = :oid, #date = :date, #capacity = :cap ADD taken :n, walkIns :n',
              ConditionExpression: 'attribute_not_exists(taken) OR taken <= :limit',
              ExpressionAttributeNames: { '#date': 'date', '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':pid': r.providerId, ':oid': r.offeringId, ':date': r.date, ':cap': capacity, ':n': count, ':limit': capacity - count },
            },
          },
        }, intents),
        config.contention,
      );
    },
  };
}

export const slotId = (r: SlotRef): string => `${r.providerId}|${r.date}|${r.offeringId}`;
