import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { addCounts, COUNT_FIELDS, zeroCounts, type ImpactCounts, type Novelty, type PeriodType, type Rolled, type ServedState } from '../domain/impact.js';
import { atQuota, SIGNAL_FIELDS, type ProviderTally, type SignalCounts } from '../domain/integrity.js';
import { byteOrder } from '../domain/order.js';
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

/** A provider's figures over a span, ready to add up. */
export interface ProviderCounts extends ProviderStamp {
  counts: ImpactCounts;
}

/** A period's rolled provider figures as the roll-up packed them: exact as of `through`. */
export interface ProviderPack {
  through: string;
  providers: ProviderCounts[];
}

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

/** The columns of packed rows, written into every part so a later change of fields still reads old parts. */
const PACK_COLUMNS = ['providerId', 'name', 'district', 'joinedAt', ...COUNT_FIELDS] as const;
const AREA_COLUMNS = ['month', 'district', ...COUNT_FIELDS] as const;

/** A sub-district's figures for one month. */
export interface AreaMonth {
  month: string;
  district: string;
  counts: ImpactCounts;
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
 * served and the provider that served them, on the condition that they were as new as the app
 * assumed (`novelty`) and last served where it read (`lastServedBy`). A wrong guess refuses with
 * their record, from which the app learns the truth and tries again; a racing redemption of the
 * same person cannot count them twice.
 */
export function servedClause(date: string, novelty: Novelty, providerId: string, lastServedBy: string | null): { set: string; condition: string; values: Record<string, string> } {
  const condition = {
    'first-ever': 'attribute_not_exists(servedMonth)',
    'first-in-month': 'attribute_exists(servedMonth) AND servedMonth <> :sm',
    'first-in-day': 'servedMonth = :sm AND servedDay <> :sd',
    'again-today': 'servedDay = :sd',
  }[novelty];
  const where = lastServedBy === null ? 'attribute_not_exists(servedProvider)' : 'servedProvider = :last';
  return {
    set: 'servedDay = :sd, servedMonth = :sm, servedProvider = :sp',
    condition: `${condition} AND ${where}`,
    values: { ':sd': date, ':sm': date.slice(0, 7), ':sp': providerId, ...(lastServedBy === null ? {} : { ':last': lastServedBy }) },
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

export function impactStore(ref: TableRef) {
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

  /**
   * Replace a pack: rows as of `through`, a sub-district's in one part (several when they would
   * pass `maxBytes`; an item holds 400 KB at most), then the head naming the parts, then the parts
   * the old head named and this one does not. A pack is a snapshot, not a sum: writing the same
   * rows again writes the same pack.
   */
  async function writeRows(pk: string, through: string, columns: readonly string[], rows: { row: unknown[]; district: string; id: string }[], maxBytes: number): Promise<{ parts: number }> {
    const old = await doc.send(new GetCommand({ TableName, Key: keys.impactPackHead(pk), ConsistentRead: true }));
    const byDistrict = new Map<string, typeof rows>();
    for (const r of rows) byDistrict.set(r.district, [...(byDistrict.get(r.district) ?? []), r]);
    const parts: { Key: { PK: string; SK: string }; rows: string[]; bytes: number }[] = [];
    for (const district of [...byDistrict.keys()].sort()) {
      let part: (typeof parts)[number] | null = null;
      let n = 0;
      for (const r of byDistrict.get(district)!.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        const row = JSON.stringify(r.row);
        const bytes = Buffer.byteLength(row) + 1;
        if (!part || part.bytes + bytes > maxBytes) parts.push((part = { Key: keys.impactPackPart(pk, district, n++), rows: [], bytes: 0 }));
        part.rows.push(row);
        part.bytes += bytes;
      }
    }
    await Promise.all(parts.map((p) => doc.send(new PutCommand({ TableName, Item: { ...p.Key, through, columns: [...columns], rows: `[${p.rows.join(',')}]` } }))));
    const names = parts.map((p) => p.Key.SK);
    await doc.send(new PutCommand({ TableName, Item: { ...keys.impactPackHead(pk), through, parts: names, rows: rows.length } }));
    const stale = ((old.Item?.parts as string[] | undefined) ?? []).filter((sk) => !names.includes(sk));
    await Promise.all(stale.map((SK) => doc.send(new DeleteCommand({ TableName, Key: { PK: pk, SK } }))));
    return { parts: parts.length };
  }

  /**
   * A pack's rows (as objects by the parts' own columns), or null when there is none or it is not
   * whole: a part its head names is missing or holds another day's snapshot (a roll-up rewriting
   * it right now, or stopped half-way).
   */
  async function readRows(pk: string): Promise<{ through: string; rows: Record<string, unknown>[] } | null> {
    const items = await queryAll(doc, { TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk } });
    const head = items.find((i) => i.SK === keys.impactPackHeadSK);
    if (!head) return null;
    const bySK = new Map(items.map((i) => [i.SK as string, i]));
    const rows: Record<string, unknown>[] = [];
    for (const sk of head.parts as string[]) {
      const part = bySK.get(sk);
      if (!part || part.through !== head.through) return null;
      const columns = part.columns as string[];
      for (const row of JSON.parse(part.rows as string) as unknown[][]) rows.push(Object.fromEntries(columns.map((c, i) => [c, row[i]])));
    }
    return { through: head.through as string, rows };
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

    /**
     * Replace a period's provider pack: every provider's figures as of `through`, a sub-district's
     * in one part (several when they would pass `maxBytes`). See `writeRows`.
     */
    writePack(period: PeriodType, key: string, through: string, providers: ProviderCounts[], maxBytes: number): Promise<{ parts: number }> {
      return writeRows(keys.impactPackPK(period, key), through, PACK_COLUMNS, providers.map((p) => ({ row: PACK_COLUMNS.map((c) => (c in p.counts ? p.counts[c as keyof ImpactCounts] : p[c as keyof ProviderStamp])), district: p.district, id: p.providerId })), maxBytes);
    },

    /** A period's provider pack, or null when there is none or it is not whole (see `readRows`). */
    async pack(period: PeriodType, key: string): Promise<ProviderPack | null> {
      const read = await readRows(keys.impactPackPK(period, key));
      return read && { through: read.through, providers: read.rows.map((item) => ({ ...stampOf(item), counts: countsOf(item) })) };
    },

    /** Replace a year's pack of sub-district month figures (the MONTH# area items) as of `through`. */
    writeAreaMonthsPack(year: string, through: string, cells: AreaMonth[], maxBytes: number): Promise<{ parts: number }> {
      return writeRows(keys.impactAreaPackPK(year), through, AREA_COLUMNS, cells.map((c) => ({ row: AREA_COLUMNS.map((f) => (f in c.counts ? c.counts[f as keyof ImpactCounts] : c[f as 'month' | 'district'])), district: c.district, id: c.month })), maxBytes);
    },

    /** A year's pack of sub-district month figures, or null when there is none or it is not whole. */
    async areaMonthsPack(year: string): Promise<{ through: string; cells: AreaMonth[] } | null> {
      const read = await readRows(keys.impactAreaPackPK(year));
      return read && { through: read.through, cells: read.rows.map((item) => ({ month: item.month as string, district: item.district as string, counts: countsOf(item) })) };
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

export type ImpactStore = ReturnType<typeof impactStore>;
