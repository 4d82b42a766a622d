/**
 * The roll-up's items: closed days added up per provider by month, quarter and year, and per
 * sub-district by day and month (the area items, a year to a partition), with the roll-up's own
 * finished mark. Each rolled item records the span it last took, so a reader can give back what
 * the mark does not yet cover (domain/impact.ts `effective`).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { addCounts, COUNT_FIELDS, zeroCounts, type ImpactCounts, type PeriodType, type Rolled } from '../domain/impact.js';
import { queryAll, type TableRef } from './client.js';
import { addClause, countsOf, stampOf, type ProviderStamp } from './impact-items.js';
import { keys } from './keys.js';

export interface RolledProvider extends ProviderStamp, Rolled {}

/** A rolled area item: all sub-districts' day (`date`), a sub-district's day (`date`, `district`) or month (`month`, `district`). */
export interface RolledArea extends Rolled {
  date?: string;
  month?: string;
  district?: string;
}

/**
 * A rolled item the roll-up adds days to, named by what it sums; the store spells its key. Area
 * items are kept a year to a partition, the year of their date or month.
 */
export type RolledTarget =
  | { of: 'provider'; period: PeriodType; key: string; providerId: string }
  | { of: 'day-total'; date: string }
  | { of: 'district-day'; date: string; district: string }
  | { of: 'district-month'; month: string; district: string };

function rolledKey(t: RolledTarget): { PK: string; SK: string } {
  switch (t.of) {
    case 'provider':
      return keys.impactProvider(t.period, t.key, t.providerId);
    case 'day-total':
      return keys.impactArea(t.date.slice(0, 4), keys.areaTotal(t.date));
    case 'district-day':
      return keys.impactArea(t.date.slice(0, 4), keys.areaDistrictDay(t.date, t.district));
    case 'district-month':
      return keys.impactArea(t.month.slice(0, 4), keys.areaDistrictMonth(t.month, t.district));
  }
}

/** The years from the year of `from` to the year of `to` (dates or months), as YYYY. */
function yearsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(String(y));
  return out;
}

export interface RollUpState {
  /** The last day whose figures every rolled item holds; null before the first roll-up. */
  rolledThrough: string | null;
  /** The first day that had any figures. */
  since: string | null;
  /**
   * Provider ids that cut a day's items into about equal key ranges, from the last day rolled up:
   * readers query the ranges in parallel. A hint only: the ranges always cover every id.
   */
  daySplits: string[];
}

const rolledOf = (item: Record<string, unknown>): Rolled => ({
  counts: countsOf(item),
  through: item.through as string,
  last: (item.last as Partial<ImpactCounts> | undefined) ?? {},
});

export function impactRollUps(ref: TableRef) {
  const { doc, tableName: TableName } = ref;

  /** Rolled area items of one year whose sort key lies between `fromSK` and `toSK`. */
  async function areaRange(year: string, fromSK: string, toSK: string, opts: { consistent?: boolean } = {}): Promise<RolledArea[]> {
    const items = await queryAll(doc, {
      TableName,
      ...(opts.consistent ? { ConsistentRead: true } : {}),
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':pk': keys.impactAreaPK(year), ':a': fromSK, ':b': toSK },
    });
    return items.map((i) => ({ date: i.date as string | undefined, month: i.month as string | undefined, district: i.district as string | undefined, ...rolledOf(i) }));
  }

  return {
    async rollUpState(): Promise<RollUpState> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.rollUpState(), ConsistentRead: true }));
      return {
        rolledThrough: (out.Item?.rolledThrough as string | undefined) ?? null,
        since: (out.Item?.since as string | undefined) ?? null,
        daySplits: (out.Item?.daySplits as string[] | undefined) ?? [],
      };
    },

    /** Advance the roll-up's finished mark (with the day-read hint); never backwards. */
    async setRollUpState(s: { rolledThrough: string; since: string | null; daySplits?: string[] }): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: keys.rollUpState(),
          UpdateExpression: `SET rolledThrough = :d${s.since ? ', since = if_not_exists(since, :s)' : ''}${s.daySplits ? ', daySplits = :splits' : ''}`,
          ConditionExpression: 'attribute_not_exists(rolledThrough) OR rolledThrough < :d',
          ExpressionAttributeValues: { ':d': s.rolledThrough, ...(s.since ? { ':s': s.since } : {}), ...(s.daySplits ? { ':splits': s.daySplits } : {}) },
        }),
      ).catch((e: Error) => {
        if (e.name !== 'ConditionalCheckFailedException') throw e;
      });
    },

    /** Every provider's rolled figures for one month, quarter or year (`consistent`: as just written). */
    async providerPeriod(period: PeriodType, key: string, opts: { consistent?: boolean } = {}): Promise<RolledProvider[]> {
      // The stamp, the counts and the roll-up's marks; not the keys: thousands of items per period.
      const items = await queryAll(doc, {
        TableName,
        ...(opts.consistent ? { ConsistentRead: true } : {}),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.impactProviderPK(period, key) },
        ProjectionExpression: ['providerId', '#name', 'district', 'joinedAt', 'through', '#last', ...COUNT_FIELDS].join(', '),
        ExpressionAttributeNames: { '#name': 'name', '#last': 'last' },
      });
      return items.map((i) => ({ ...stampOf(i), ...rolledOf(i) }));
    },

    /** Every sub-district's rolled months of `year` (the MONTH# area items; `consistent`: as just written). */
    areaMonths(year: string, opts: { consistent?: boolean } = {}): Promise<RolledArea[]> {
      return areaRange(year, `${keys.areaMonthPrefix}${year}`, `${keys.areaMonthPrefix}${year}~`, opts);
    },

    /** Rolled sub-district days from `from` to `to`, every sub-district's. */
    async areaDistrictDays(from: string, to: string): Promise<RolledArea[]> {
      if (from > to) return [];
      const years = yearsBetween(from, to);
      return (await Promise.all(years.map((y) => areaRange(y, `${keys.areaDayPrefix}${from}`, `${keys.areaDayPrefix}${to}~`)))).flat();
    },

    /** Rolled all-district day totals from `from` to `to`. */
    async areaDayTotals(from: string, to: string): Promise<RolledArea[]> {
      if (from > to) return [];
      const years = yearsBetween(from, to);
      return (await Promise.all(years.map((y) => areaRange(y, keys.areaTotal(from), keys.areaTotal(to))))).flat();
    },

    /**
     * Add a span of closed days (one day, or one calendar month at most) to a rolled item, once, in
     * one update: the item records the span's last day (`through`) and what the span added (`last`),
     * so a reader whose finished mark is before the span gives the span back (see domain/impact.ts
     * `effective`). An item that already took part of the span (a run stopped half-way, then resumed
     * with more days closed) takes the rest: `last` then covers all it took since the mark. Returns
     * false when the item already held the whole span (a re-run after an interrupted roll-up).
     */
    async addRolledSpan(to: RolledTarget, days: [date: string, delta: ImpactCounts][], attrs: Record<string, string>): Promise<boolean> {
      const target = rolledKey(to);
      const sorted = [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const from = sorted[0]![0];
      const sumAfter = (after: string | null) => sorted.filter(([d]) => after === null || d > after).reduce((acc, [, c]) => addCounts(acc, c), zeroCounts());
      let held: { through: string; last: Partial<ImpactCounts> } | null = null;
      for (let attempt = 0; attempt < 3; attempt++) {
        const take = sumAfter(held?.through ?? null);
        const last = held ? addCounts(addCounts(zeroCounts(), held.last), take) : take;
        const add = addClause(take);
        const names = Object.keys(attrs);
        try {
          await doc.send(
            new UpdateCommand({
              TableName,
              Key: target,
              UpdateExpression: `SET through = :to, #last = :last${names.map((n, i) => `, #a${i} = :a${i}`).join('')}${add.expr ? ` ADD ${add.expr}` : ''}`,
              ConditionExpression: held ? 'through = :held' : 'attribute_not_exists(through) OR through < :from',
              ExpressionAttributeNames: { '#last': 'last', ...Object.fromEntries(names.map((n, i) => [`#a${i}`, n])) },
              ExpressionAttributeValues: {
                ':to': sorted[sorted.length - 1]![0], ':last': last, ...(held ? { ':held': held.through } : { ':from': from }),
                ...Object.fromEntries(names.map((n, i) => [`:a${i}`, attrs[n]])), ...add.values,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          );
          return true;
        } catch (e) {
          if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
          // The old image comes raw (DynamoDB JSON), as with every condition failure.
          const raw = (e as { Item?: Record<string, AttributeValue> }).Item;
          const old = raw ? unmarshall(raw) : null;
          const through = old?.through as string | undefined;
          if (!old || through === undefined || through >= sorted[sorted.length - 1]![0]) return false;
          held = { through, last: (old.last as Partial<ImpactCounts> | undefined) ?? {} };
        }
      }
      throw new Error('roll-up: a rolled item kept changing under the span being added');
    },
  };
}
