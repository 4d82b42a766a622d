import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { addCounts, COUNT_FIELDS, zeroCounts, type ImpactCounts, type Novelty, type PeriodType, type Rolled, type ServedState } from '../domain/impact.js';
import { SIGNAL_FIELDS, type ProviderTally, type SignalCounts } from '../domain/integrity.js';
import { queryAll, type TableRef } from './client.js';
import { keys } from './keys.js';
import type { Write } from './transaction.js';

/** Who a figure belongs to, copied into every impact item so readers never join with profiles. */
export interface ProviderStamp {
  providerId: string;
  name: string;
  district: string;
  /** When the provider joined (its createdAt): the leaderboard's last tie-break. */
  joinedAt: string;
}

export interface DayFigures extends ProviderStamp {
  date: string;
  counts: ImpactCounts;
}

export interface RolledProvider extends ProviderStamp, Rolled {}

export interface RolledArea extends Rolled {
  /** `TOTAL#<date>` (all districts), `DAY#<date>#<district>` or `MONTH#<month>#<district>`. */
  sk: string;
  date?: string;
  month?: string;
  district?: string;
}

export interface RollUpState {
  /** The last day whose figures every rolled item holds; null before the first roll-up. */
  rolledThrough: string | null;
  /** The first day that had any figures. */
  since: string | null;
}

const countsOf = (item: Record<string, unknown>): ImpactCounts => {
  const c = zeroCounts();
  for (const f of COUNT_FIELDS) c[f] = (item[f] as number | undefined) ?? 0;
  return c;
};

const stampOf = (item: Record<string, unknown>): ProviderStamp => ({
  providerId: item.providerId as string,
  name: item.name as string,
  district: item.district as string,
  joinedAt: item.joinedAt as string,
});

const rolledOf = (item: Record<string, unknown>): Rolled => ({
  counts: countsOf(item),
  through: item.through as string,
  last: (item.last as Partial<ImpactCounts> | undefined) ?? {},
});

/** `ADD meals :meals, …` for the non-zero fields of a delta. */
function addClause(delta: Partial<ImpactCounts>, signals: Partial<SignalCounts> = {}): { expr: string; values: Record<string, number> } {
  const all: Record<string, number | undefined> = { ...delta, ...signals };
  const fields = [...COUNT_FIELDS, ...SIGNAL_FIELDS].filter((f) => (all[f] ?? 0) !== 0);
  return { expr: fields.map((f) => `${f} :${f}`).join(', '), values: Object.fromEntries(fields.map((f) => [`:${f}`, all[f]!])) };
}

/**
 * What the redemption adds to the recipient's own update: the day and month they were last
 * served, on the condition that they were as new as the app assumed (`novelty`). A wrong guess
 * refuses with their record, from which the app learns the truth and tries again; a racing
 * redemption of the same person cannot count them twice.
 */
export function servedClause(date: string, novelty: Novelty): { set: string; condition: string; values: Record<string, string> } {
  const condition = {
    'first-ever': 'attribute_not_exists(servedMonth)',
    'first-in-month': 'attribute_exists(servedMonth) AND servedMonth <> :sm',
    'first-in-day': 'servedMonth = :sm AND servedDay <> :sd',
    'again-today': 'servedDay = :sd',
  }[novelty];
  return { set: 'servedDay = :sd, servedMonth = :sm', condition, values: { ':sd': date, ':sm': date.slice(0, 7) } };
}

export const servedStateOf = (item: Record<string, unknown> | null): ServedState => ({
  servedDay: (item?.servedDay as string | undefined) ?? null,
  servedMonth: (item?.servedMonth as string | undefined) ?? null,
});

/** What a redemption or handout adds to its provider's figures for `date`. */
export interface ImpactIntent {
  date: string;
  stamp: ProviderStamp;
  delta: Partial<ImpactCounts>;
  /** The integrity signals it adds (domain/integrity.ts), kept on the same day item. */
  signals?: Partial<SignalCounts>;
}

/** The day item's update, as a transaction part: the stamp (re)set, the counts and signals added. */
export function impactWrite(TableName: string, i: ImpactIntent): Write {
  const add = addClause(i.delta, i.signals);
  const p = i.stamp;
  return {
    Update: {
      TableName,
      Key: keys.impactDay(i.date, p.providerId),
      UpdateExpression: `SET providerId = :pid, #name = :name, district = :district, joinedAt = :joined, #date = :date${add.expr ? ` ADD ${add.expr}` : ''}`,
      ExpressionAttributeNames: { '#name': 'name', '#date': 'date' },
      ExpressionAttributeValues: { ':pid': p.providerId, ':name': p.name, ':district': p.district, ':joined': p.joinedAt, ':date': i.date, ...add.values },
    },
  };
}

export function impactStore(ref: TableRef) {
  const { doc, tableName: TableName } = ref;

  return {
    /** Every provider's figures for one day (today's are live). */
    async day(date: string): Promise<DayFigures[]> {
      // Only the figures and the stamp: day items are read by the thousand at province scale.
      const items = await queryAll(doc, {
        TableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.impactDayPK(date) },
        ProjectionExpression: ['providerId', '#name', 'district', 'joinedAt', ...COUNT_FIELDS].join(', '),
        ExpressionAttributeNames: { '#name': 'name' },
      });
      return items.map((i) => ({ ...stampOf(i), date, counts: countsOf(i) }));
    },

    /** Every provider's integrity tallies for one day: the day items' redemption counts and signals. */
    async signalsDay(date: string): Promise<(ProviderStamp & ProviderTally)[]> {
      const items = await queryAll(doc, {
        TableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.impactDayPK(date) },
        ProjectionExpression: ['providerId', '#name', 'district', 'joinedAt', 'meals', 'blindBoxes', 'walkIns', 'recipientsNewEver', ...SIGNAL_FIELDS].join(', '),
        ExpressionAttributeNames: { '#name': 'name' },
      });
      const n = (v: unknown) => (v as number | undefined) ?? 0;
      return items.map((i) => ({
        ...stampOf(i),
        redemptions: n(i.meals) + n(i.blindBoxes),
        firstTimers: n(i.recipientsNewEver),
        quickRedemptions: n(i.quickRedemptions),
        posterRedemptions: n(i.posterRedemptions),
        walkIns: n(i.walkIns),
      }));
    },

    async rollUpState(): Promise<RollUpState> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.rollUpState(), ConsistentRead: true }));
      return { rolledThrough: (out.Item?.rolledThrough as string | undefined) ?? null, since: (out.Item?.since as string | undefined) ?? null };
    },

    /** Advance the roll-up's finished mark; never backwards. */
    async setRollUpState(s: { rolledThrough: string; since: string | null }): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName,
          Key: keys.rollUpState(),
          UpdateExpression: s.since ? 'SET rolledThrough = :d, since = if_not_exists(since, :s)' : 'SET rolledThrough = :d',
          ConditionExpression: 'attribute_not_exists(rolledThrough) OR rolledThrough < :d',
          ExpressionAttributeValues: { ':d': s.rolledThrough, ...(s.since ? { ':s': s.since } : {}) },
        }),
      ).catch((e: Error) => {
        if (e.name !== 'ConditionalCheckFailedException') throw e;
      });
    },

    /** Every provider's rolled figures for one month, quarter or year. */
    async providerPeriod(period: PeriodType, key: string): Promise<RolledProvider[]> {
      // The stamp, the counts and the roll-up's marks; not the keys: thousands of items per period.
      const items = await queryAll(doc, {
        TableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.impactProviderPK(period, key) },
        ProjectionExpression: ['providerId', '#name', 'district', 'joinedAt', 'through', '#last', ...COUNT_FIELDS].join(', '),
        ExpressionAttributeNames: { '#name': 'name', '#last': 'last' },
      });
      return items.map((i) => ({ ...stampOf(i), ...rolledOf(i) }));
    },

    /** Rolled area items of one year whose sort key lies between `fromSK` and `toSK`. */
    async area(year: string, fromSK: string, toSK: string): Promise<RolledArea[]> {
      const items = await queryAll(doc, {
        TableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':pk': keys.impactAreaPK(year), ':a': fromSK, ':b': toSK },
      });
      return items.map((i) => ({ sk: i.SK as string, date: i.date as string | undefined, month: i.month as string | undefined, district: i.district as string | undefined, ...rolledOf(i) }));
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

    /**
     * Add a span of closed days (one calendar month at most) to a rolled item, once, in one update:
     * the item records the span's last day (`through`) and what the span added (`last`), so a reader
     * whose finished mark is before the span gives the span back (see domain/impact.ts `effective`).
     * An item that already took part of the span (a run stopped half-way, then resumed with more
     * days closed) takes the rest: `last` then covers all it took since the mark. Returns false when
     * the item already held the whole span.
     */
    async addRolledSpan(target: { PK: string; SK: string }, days: [date: string, delta: ImpactCounts][], attrs: Record<string, string>): Promise<boolean> {
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

    /**
     * Add one closed day to a rolled item, once: the update is conditioned on the item not yet
     * holding that day, and records the day and what it added (see domain/impact.ts `effective`).
     * Returns false when the item already held it (a re-run after an interrupted roll-up).
     */
    async addRolled(target: { PK: string; SK: string }, date: string, delta: Partial<ImpactCounts>, attrs: Record<string, string>): Promise<boolean> {
      const add = addClause(delta);
      const names = Object.keys(attrs);
      try {
        await doc.send(
          new UpdateCommand({
            TableName,
            Key: target,
            UpdateExpression: `SET through = :date, #last = :last${names.map((n, i) => `, #a${i} = :a${i}`).join('')}${add.expr ? ` ADD ${add.expr}` : ''}`,
            ConditionExpression: 'attribute_not_exists(through) OR through < :date',
            ExpressionAttributeNames: { '#last': 'last', ...Object.fromEntries(names.map((n, i) => [`#a${i}`, n])) },
            ExpressionAttributeValues: { ':date': date, ':last': delta, ...Object.fromEntries(names.map((n, i) => [`:a${i}`, attrs[n]])), ...add.values },
          }),
        );
        return true;
      } catch (e) {
        if ((e as Error).name === 'ConditionalCheckFailedException') return false;
        throw e;
      }
    },
  };
}

export type ImpactStore = ReturnType<typeof impactStore>;
