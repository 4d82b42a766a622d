/**
 * The live day items: one per provider and day, added to inside each redemption and handout
 * transaction (`impactWrite`, with the recipient's served marks that make a first serving count
 * once), so today's figures are exact the moment a meal is handed over. The roll-up job reads the
 * closed days from here into impact-roll-ups.ts's items.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { addCounts, COUNT_FIELDS, periodStarts, zeroCounts, type ImpactCounts, type Novelty, type ServedState } from '../domain/impact.js';
import { atQuota, type ProviderTally, type SignalCounts } from '../domain/integrity.js';
import { byteOrder } from '../domain/order.js';
import { queryAll, type TableRef } from './client.js';
import { addClause, countsOf, stampOf, type ProviderStamp } from './impact-items.js';
import { keys } from './keys.js';
import type { Write } from './transaction.js';

export interface DayFigures extends ProviderStamp {
  date: string;
  counts: ImpactCounts;
}

/** Distinct strings in DynamoDB's order for keys (UTF-8 bytes, which JavaScript's UTF-16 sort can differ from). */
const distinctInKeyOrder = (xs: readonly string[]): string[] => [...new Set(xs)].sort(byteOrder);

/**
 * At most `segments - 1` ids cutting `ids` into about equal runs, each at least `minPerSegment`
 * long; none when there are too few ids to be worth more than one request.
 */
export function splitPoints(ids: readonly string[], segments: number, minPerSegment: number): string[] {
  const sorted = distinctInKeyOrder(ids);
  const n = Math.min(segments, Math.floor(sorted.length / minPerSegment));
  if (n < 2) return [];
  return [...new Set(Array.from({ length: n - 1 }, (_, k) => sorted[Math.floor(((k + 1) * sorted.length) / n)]!))];
}

/**
 * What the redemption adds to the recipient's own update: the day and month they were last
 * served and the provider that served them, on the condition that they were as new as the app
 * assumed (`novelty`) and last served where it read (`lastServedBy`). A wrong guess refuses with
 * their record, from which the app learns the truth and tries again; a racing redemption of the
 * same person cannot count them twice.
 */
export function servedClause(date: string, novelty: Novelty, providerId: string, lastServedBy: string | null): { set: string; condition: string; values: Record<string, string> } {
  // Exactly noveltyOf's cases, on the month they were last served.
  const starts = periodStarts(date);
  const condition = {
    'first-ever': 'attribute_not_exists(servedMonth)',
    'first-in-year': 'servedMonth < :ys',
    'first-in-quarter': 'servedMonth >= :ys AND servedMonth < :qs',
    'first-in-month': 'servedMonth >= :qs AND servedMonth <> :sm',
    'first-in-day': 'servedMonth = :sm AND servedDay <> :sd',
    'again-today': 'servedDay = :sd',
  }[novelty];
  const bounds: Record<string, string> = novelty === 'first-in-year' ? { ':ys': starts.year } : novelty === 'first-in-quarter' ? { ':ys': starts.year, ':qs': starts.quarter } : novelty === 'first-in-month' ? { ':qs': starts.quarter } : {};
  const where = lastServedBy === null ? 'attribute_not_exists(servedProvider)' : 'servedProvider = :last';
  return {
    set: 'servedDay = :sd, servedMonth = :sm, servedProvider = :sp',
    condition: `${condition} AND ${where}`,
    values: { ':sd': date, ':sm': starts.month, ':sp': providerId, ...bounds, ...(lastServedBy === null ? {} : { ':last': lastServedBy }) },
  };
}

export const servedStateOf = (item: Record<string, unknown> | null): ServedState => ({
  servedDay: (item?.servedDay as string | undefined) ?? null,
  servedMonth: (item?.servedMonth as string | undefined) ?? null,
  servedProvider: (item?.servedProvider as string | undefined) ?? null,
});

/** What a redemption or handout adds to its provider's figures for `date`. */
export interface ImpactIntent {
  date: string;
  stamp: ProviderStamp;
  delta: Partial<ImpactCounts>;
  /** The integrity signals it adds (domain/integrity.ts), kept on the same day item. */
  signals?: Partial<SignalCounts>;
  /**
   * A redemption of this offering: counted on the day item per offering for the counter's own
   * view (`redeemedField`), so the redemption need not also write the slot bookings contend on;
   * with the day's capacity as the contract stands (`capacityField`), so a reader can tell a day
   * redeemed to its last meal (the integrity signal quota_days).
   */
  redeemedOffering?: { offeringId: string; capacity: number };
}

/** The day item's count of one offering's redemptions (the staff view's "redeemed"). */
export const redeemedField = (offeringId: string) => `redeemed:${offeringId}`;
/** The day item's capacity of one offering, as its last redemption that day saw it. */
export const capacityField = (offeringId: string) => `capacity:${offeringId}`;

/** The day item's update, as a transaction part: the stamp (re)set, the counts and signals added. */
export function impactWrite(TableName: string, i: ImpactIntent): Write {
  const add = addClause(i.delta, i.signals);
  const o = i.redeemedOffering;
  const adds = [add.expr, o ? '#redeemed :one' : ''].filter(Boolean).join(', ');
  const p = i.stamp;
  return {
    Update: {
      TableName,
      Key: keys.impactDay(i.date, p.providerId),
      UpdateExpression: `SET providerId = :pid, #name = :name, district = :district, joinedAt = :joined, #date = :date${o ? ', #capacity = :cap' : ''}${adds ? ` ADD ${adds}` : ''}`,
      ExpressionAttributeNames: { '#name': 'name', '#date': 'date', ...(o ? { '#redeemed': redeemedField(o.offeringId), '#capacity': capacityField(o.offeringId) } : {}) },
      ExpressionAttributeValues: {
        ':pid': p.providerId, ':name': p.name, ':district': p.district, ':joined': p.joinedAt, ':date': i.date, ...add.values, ...(o ? { ':one': 1, ':cap': o.capacity } : {}),
      },
    },
  };
}

export function impactDays(ref: TableRef) {
  const { doc, tableName: TableName } = ref;

  /** A day's provider items (`fields`, with providerId), as key ranges cut at `splits` read in parallel. */
  async function dayItems(date: string, splits: readonly string[], fields: readonly string[], names?: Record<string, string>): Promise<Record<string, unknown>[]> {
    const bounds = [null, ...distinctInKeyOrder(splits), null];
    const ranges = bounds.slice(0, -1).map((from, i) => keys.impactDayRange(from, bounds[i + 1]!));
    const parts = await Promise.all(ranges.map((r) => queryAll(doc, {
      TableName,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.impactDayPK(date), ':from': r.from, ':to': r.to },
      ProjectionExpression: fields.join(', '),
      ...(names ? { ExpressionAttributeNames: names } : {}),
    })));
    if (parts.length === 1) return parts[0]!;
    // Ranges meet at their bounds (BETWEEN includes both ends): the provider at a split comes twice.
    const byProvider = new Map<string, Record<string, unknown>>();
    for (const i of parts.flat()) byProvider.set(i.providerId as string, i);
    return [...byProvider.values()];
  }

  return {
    /**
     * Every provider's figures for one day (today's are live). `splits` (provider ids, see
     * RollUpState.daySplits) cut the partition into key ranges read in parallel: thousands of
     * items come back in a fraction of the time one paged Query takes.
     */
    async day(date: string, splits: readonly string[] = []): Promise<DayFigures[]> {
      // Only the figures and the stamp: day items are read by the thousand at province scale.
      const items = await dayItems(date, splits, ['providerId', '#name', 'district', 'joinedAt', ...COUNT_FIELDS], { '#name': 'name' });
      return items.map((i) => ({ ...stampOf(i), date, counts: countsOf(i) }));
    },

    /** One day's figures summed by sub-district: `day` without the names, for views by area. */
    async dayByDistrict(date: string, splits: readonly string[] = []): Promise<{ district: string; counts: ImpactCounts }[]> {
      const byDistrict = new Map<string, ImpactCounts>();
      for (const i of await dayItems(date, splits, ['providerId', 'district', ...COUNT_FIELDS])) {
        const d = i.district as string;
        byDistrict.set(d, addCounts(byDistrict.get(d) ?? zeroCounts(), countsOf(i)));
      }
      return [...byDistrict].map(([district, counts]) => ({ district, counts }));
    },

    /**
     * Every provider's integrity tallies for one day: the day items' redemption counts and
     * signals, and per offering whether the day was redeemed to its capacity. Whole items: the
     * per-offering fields have ids in their names (a day item holds a few dozen attributes).
     */
    async signalsDay(date: string): Promise<(ProviderStamp & { tally: ProviderTally })[]> {
      const items = await queryAll(doc, { TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.impactDayPK(date) } });
      const n = (v: unknown) => (v as number | undefined) ?? 0;
      return items.map((i) => {
        const days = Object.keys(i)
          .filter((k) => k.startsWith(redeemedField('')))
          .map((k) => atQuota({ redeemed: n(i[k]), capacity: (i[capacityField(k.slice(redeemedField('').length))] as number | undefined) ?? null }))
          .filter((full): full is boolean => full !== null);
        return {
          ...stampOf(i),
          tally: {
            redemptions: n(i.meals) + n(i.blindBoxes),
            firstTimers: n(i.recipientsNewEver),
            quickRedemptions: n(i.quickRedemptions),
            posterRedemptions: n(i.posterRedemptions),
            repeatRedemptions: n(i.repeatRedemptions),
            servingDays: days.length,
            quotaDays: days.filter(Boolean).length,
            walkIns: n(i.walkIns),
          },
        };
      });
    },

    /**
     * Days' figures as the redemption and handout transactions add them (the same `impactWrite`),
     * 100 to a transaction and a few transactions at once: for loading history, never the hot
     * path. Each intent must name a different provider-day.
     */
    async recordMany(intents: ImpactIntent[], inFlight = 4): Promise<void> {
      const chunks: ImpactIntent[][] = [];
      for (let i = 0; i < intents.length; i += 100) chunks.push(intents.slice(i, i + 100));
      let next = 0;
      await Promise.all(Array.from({ length: Math.min(inFlight, chunks.length) }, async () => {
        while (next < chunks.length) {
          const chunk = chunks[next++]!;
          await doc.send(new TransactWriteCommand({ TransactItems: chunk.map((i) => impactWrite(TableName, i)) }));
        }
      }));
    },
  };
}
