import type { Config } from '../config.js';
import { batchGetAll, type TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { commit } from './transaction.js';
import { keys } from './keys.js';
import type { Slot } from './records.js';
import { redeemedField } from './impact.js';

export interface SlotRef {
  providerId: string;
  offeringId: string;
  date: string;
}

export function slotStore(ref: TableRef, config: Config) {
  const { doc, tableName } = ref;
  return {
    /**
     * Live counts for many slots in as few round trips as DynamoDB allows (100 keys a call).
     * A slot nobody has touched yet does not exist and counts as empty. `redeemed` (the counter's
     * own view; listings leave it 0) is read from the providers' day figures, where the
     * redemption counts it per offering.
     */
    async getMany(refs: SlotRef[], opts: { redeemed?: boolean } = {}): Promise<Map<string, Slot>> {
      const days = opts.redeemed ? [...new Map(refs.map((r) => [`${r.providerId}|${r.date}`, keys.impactDay(r.date, r.providerId)])).values()] : [];
      const items = await batchGetAll(doc, tableName, [...refs.map((r) => keys.slot(r.providerId, r.date, r.offeringId)), ...days]);
      const isDay = (i: Record<string, unknown>) => String(i.PK).startsWith(keys.impactDayPK(''));
      const dayItem = new Map(items.filter(isDay).map((i) => [`${String(i.providerId)}|${String(i.date)}`, i]));
      const found = new Map<string, Slot>();
      for (const item of items.filter((i) => !isDay(i))) {
        const ref = { providerId: item.providerId as string, offeringId: item.offeringId as string, date: item.date as string };
        const day = dayItem.get(`${ref.providerId}|${ref.date}`);
        const count = (v: unknown) => (v as number | undefined) ?? 0;
        const slot: Slot = { ...ref, booked: count(item.booked), redeemed: count(day?.[redeemedField(ref.offeringId)]), walkIns: count(item.walkIns) };
        found.set(slotId(slot), slot);
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
