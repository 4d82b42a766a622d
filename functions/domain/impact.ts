/**
 * Impact arithmetic: what one redemption or handout adds to its day's figures, how counts add up,
 * and how a date range splits into the rolled-up periods that answer it. Pure: no clock, no AWS.
 */
import type { OfferingKind } from '../contract/providers.js';
import { invalid } from './errors.js';
import { addDays, daysBetween } from './time.js';

/**
 * The figures kept per provider and day (and, rolled up, per month, quarter, year, sub-district).
 * Distinct recipients are counted where a recipient is first served: `recipients` on the first
 * redemption of their day, `recipientsNewInMonth` on the first of their calendar month,
 * `recipientsNewInQuarter` and `recipientsNewInYear` likewise, `recipientsNewEver` on their first
 * ever. Summed over all providers, each is exact for its span (and from the span's first day to
 * any day within it).
 */
export interface ImpactCounts {
  meals: number;
  blindBoxes: number;
  walkIns: number;
  /** Value of redeemed bookings (meals and blind boxes), as booked: a later price change never rewrites it. */
  bookedValueFen: number;
  /** Value of no-app handouts, at the offering's value when handed out. */
  walkInValueFen: number;
  recipients: number;
  recipientsNewInMonth: number;
  recipientsNewEver: number;
  recipientsNewInQuarter: number;
  recipientsNewInYear: number;
}

// New fields go last: a packed period stores its rows positionally in this order.
export const COUNT_FIELDS = [
  'meals',
  'blindBoxes',
  'walkIns',
  'bookedValueFen',
  'walkInValueFen',
  'recipients',
  'recipientsNewInMonth',
  'recipientsNewEver',
  'recipientsNewInQuarter',
  'recipientsNewInYear',
] as const satisfies readonly (keyof ImpactCounts)[];

export const zeroCounts = (): ImpactCounts => ({
  meals: 0,
  blindBoxes: 0,
  walkIns: 0,
  bookedValueFen: 0,
  walkInValueFen: 0,
  recipients: 0,
  recipientsNewInMonth: 0,
  recipientsNewEver: 0,
  recipientsNewInQuarter: 0,
  recipientsNewInYear: 0,
});

export function addCounts(a: ImpactCounts, b: Partial<ImpactCounts>): ImpactCounts {
  const out = { ...a };
  for (const f of COUNT_FIELDS) out[f] += b[f] ?? 0;
  return out;
}

export function subCounts(a: ImpactCounts, b: Partial<ImpactCounts>): ImpactCounts {
  const out = { ...a };
  for (const f of COUNT_FIELDS) out[f] -= b[f] ?? 0;
  return out;
}

export const personTimes = (c: ImpactCounts): number => c.meals + c.blindBoxes + c.walkIns;
export const valueFen = (c: ImpactCounts): number => c.bookedValueFen + c.walkInValueFen;
/** The leaderboard's score: redeemed bookings (meals and blind boxes), not no-app handouts. */
export const redeemedBookings = (c: ImpactCounts): number => c.meals + c.blindBoxes;

/**
 * How new a recipient is when served on `date`, from what their record says they were last
 * served. The redemption transaction conditions on exactly this, so a racing redemption of the
 * same person cannot count them twice.
 */
export type Novelty = 'first-ever' | 'first-in-year' | 'first-in-quarter' | 'first-in-month' | 'first-in-day' | 'again-today';

export interface ServedState {
  servedDay: string | null;
  servedMonth: string | null;
  /** The provider that served their last meal (null: never, or before this was recorded). */
  servedProvider: string | null;
}

/** The first month of the year and of the quarter `date` is in (YYYY-MM): the served month's bounds. */
export function periodStarts(date: string): { year: string; quarter: string; month: string } {
  const m = Number(date.slice(5, 7));
  return { year: `${date.slice(0, 4)}-01`, quarter: `${date.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}`, month: date.slice(0, 7) };
}

/** Servings come in date order, so a last-served month before the year's (quarter's) first is a first in the year (quarter). */
export function noveltyOf(s: ServedState, date: string): Novelty {
  if (s.servedMonth === null) return 'first-ever';
  const starts = periodStarts(date);
  if (s.servedMonth < starts.year) return 'first-in-year';
  if (s.servedMonth < starts.quarter) return 'first-in-quarter';
  if (s.servedMonth !== starts.month) return 'first-in-month';
  if (s.servedDay !== date) return 'first-in-day';
  return 'again-today';
}

/** What one redeemed booking adds to its provider's day. */
export function redemptionDelta(kind: OfferingKind, valueFenAsBooked: number, novelty: Novelty): Partial<ImpactCounts> {
  const n = { 'first-ever': 5, 'first-in-year': 4, 'first-in-quarter': 3, 'first-in-month': 2, 'first-in-day': 1, 'again-today': 0 }[novelty];
  return {
    ...(kind === 'meal' ? { meals: 1 } : { blindBoxes: 1 }),
    bookedValueFen: valueFenAsBooked,
    recipients: n >= 1 ? 1 : 0,
    recipientsNewInMonth: n >= 2 ? 1 : 0,
    recipientsNewInQuarter: n >= 3 ? 1 : 0,
    recipientsNewInYear: n >= 4 ? 1 : 0,
    recipientsNewEver: n >= 5 ? 1 : 0,
  };
}

/** What a no-app handout of `count` meals adds: no recipient, so no distinct-recipient counts. */
export const handoutDelta = (count: number, valueFenEach: number): Partial<ImpactCounts> => ({ walkIns: count, walkInValueFen: count * valueFenEach });

/**
 * A rolled-up figure as readers may use it. The roll-up adds closed days in date order and
 * marks each target with the day it last added (`through`) and what that day added (`last`);
 * readers read days after the roll-up's finished mark raw. A target that already took the day
 * being rolled (the job stopped half-way through it) gives that day back here, so it is never
 * counted twice.
 */
export interface Rolled {
  counts: ImpactCounts;
  through: string;
  last: Partial<ImpactCounts>;
}

export const effective = (t: Rolled, rolledThrough: string | null): ImpactCounts =>
  rolledThrough !== null && t.through <= rolledThrough ? t.counts : subCounts(t.counts, t.last);

// ---- periods ----

export type PeriodType = 'month' | 'quarter' | 'year';

export interface DateRange {
  from: string;
  to: string;
}

const lastDayOfMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
};

export const monthOf = (date: string): string => date.slice(0, 7);
export const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
export const yearOf = (date: string): string => date.slice(0, 4);

/** The dates of a period key: `2026-11`, `2026-Q4`, `2026`. Null when the key does not name a period of that type. */
export function periodRange(period: PeriodType, key: string): DateRange | null {
  if (period === 'month') {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
    return m ? { from: `${key}-01`, to: lastDayOfMonth(key) } : null;
  }
  if (period === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(key);
    if (!m) return null;
    const first = (Number(m[2]) - 1) * 3 + 1;
    return { from: `${m[1]}-${String(first).padStart(2, '0')}-01`, to: lastDayOfMonth(`${m[1]}-${String(first + 2).padStart(2, '0')}`) };
  }
  return /^\d{4}$/.test(key) ? { from: `${key}-01-01`, to: `${key}-12-31` } : null;
}

/** The period of that type containing `date`. */
export const periodKeyOf = (period: PeriodType, date: string): string =>
  period === 'month' ? monthOf(date) : period === 'quarter' ? quarterOf(date) : yearOf(date);

/**
 * A date range as whole calendar periods (largest first) plus the loose days at its edges: the
 * pieces rolled-up items answer. Every day of the range lies in exactly one piece.
 */
export type Piece = { type: PeriodType; key: string } | { type: 'day'; key: string };

export function decompose(r: DateRange, types: readonly PeriodType[] = ['year', 'quarter', 'month']): Piece[] {
  const pieces: Piece[] = [];
  let d = r.from;
  while (d <= r.to) {
    const whole = types
      .map((type) => ({ type, key: periodKeyOf(type, d) }))
      .find(({ type, key }) => {
        const span = periodRange(type, key)!;
        return span.from === d && span.to <= r.to;
      });
    if (whole) {
      pieces.push(whole);
      d = addDays(periodRange(whole.type, whole.key)!.to, 1);
    } else {
      pieces.push({ type: 'day', key: d });
      d = addDays(d, 1);
    }
  }
  return pieces;
}

/**
 * A query's date range as asked: `from` not after `to`, and at most `maxDays` days counting both
 * ends — or a 422 naming the field, before any work that grows with the range is started.
 */
export function boundedRange(from: string, to: string, maxDays: number): DateRange {
  if (from > to) invalid([{ in: 'query', field: 'from', message: 'must not be after to' }]);
  if (daysBetween(from, to) >= maxDays) invalid([{ in: 'query', field: 'to', message: `at most ${maxDays} days in one request` }]);
  return { from, to };
}

/** Every date from `from` to `to`, inclusive. */
export function datesIn(r: DateRange): string[] {
  const out: string[] = [];
  for (let d = r.from; d <= r.to; d = addDays(d, 1)) out.push(d);
  return out;
}
