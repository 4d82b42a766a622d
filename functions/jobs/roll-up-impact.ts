import type { Deps } from '../app/deps.js';
import { addCounts, datesIn, effective, monthOf, periodRange, quarterOf, yearOf, zeroCounts, type ImpactCounts, type PeriodType } from '../domain/impact.js';
import { addDays, daysBetween, localMoment } from '../domain/time.js';
import { splitPoints, type RolledTarget } from '../store/impact.js';

/** Updates in flight at once while rolling a day up. */
const PARALLEL = 32;

async function inParallel<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** The last day whose transactions have surely landed: yesterday, once `rollUpAfterMinutes` of today have passed. */
export function lastClosedDay(now: Date, deps: Pick<Deps, 'config'>): string {
  const { timeZone, impact } = deps.config;
  return addDays(localMoment(new Date(now.getTime() - impact.rollUpAfterMinutes * 60_000), timeZone).date, -1);
}

/**
 * Pack a period's rolled provider items as they stand after the roll-up of `through` (readers take
 * the pack when its day is their mark's, and the items otherwise): read back consistently, then
 * written whole, so running it again writes the same pack.
 */
export async function packPeriod(deps: Deps, period: PeriodType, key: string, through: string): Promise<{ providers: number; parts: number }> {
  const store = deps.store.impact;
  const rolled = await store.providerPeriod(period, key, { consistent: true });
  const providers = rolled.map((t) => ({ providerId: t.providerId, name: t.name, district: t.district, joinedAt: t.joinedAt, counts: effective(t, through) }));
  const { parts } = await store.writePack(period, key, through, providers, deps.config.impact.packMaxBytes);
  return { providers: providers.length, parts };
}

/** Pack a year's sub-district months (the MONTH# area items) as they stand after the roll-up of `through`: likewise. */
export async function packAreaMonths(deps: Deps, year: string, through: string): Promise<{ cells: number; parts: number }> {
  const store = deps.store.impact;
  const rolled = await store.areaMonths(year, { consistent: true });
  const cells = rolled.filter((t) => t.month && t.district).map((t) => ({ month: t.month!, district: t.district!, counts: effective(t, through) }));
  const { parts } = await store.writeAreaMonthsPack(year, through, cells, deps.config.impact.packMaxBytes);
  return { cells: cells.length, parts };
}

/** The day-read hint kept with the roll-up's mark (RollUpState.daySplits), from the providers of the last span. */
export const daySplitsOf = (deps: Pick<Deps, 'config'>, providerIds: readonly string[]): string[] =>
  splitPoints(providerIds, deps.config.impact.dayReadSegments, deps.config.impact.dayReadSegmentMinItems);

/**
 * Roll closed days `from`…`to` (inside one calendar month) into the items readers use for longer
 * spans: each provider's month, quarter and year, and per sub-district its days and month, plus
 * each day's total. A closed day never changes, so this happens once, off the hot path. A span of
 * days is added to each month, quarter or year item in one update (a catch-up after downtime, or
 * loading history, costs one write per item, not one per item and day); per-day items take their
 * day. Every update is conditioned on its item not holding those days yet, so a re-run after a
 * crash adds nothing twice. Then the month's, quarter's and year's provider items and the year's
 * sub-district months are packed as of `to`.
 */
export async function rollUpSpan(deps: Deps, from: string, to: string): Promise<{ providers: number; providerIds: string[]; providerDays: number; writes: number; firstDay: string | null }> {
  const store = deps.store.impact;
  const dates = datesIn({ from, to });
  const figures = await Promise.all(dates.map((d) => store.day(d)));
  const month = monthOf(from);
  const year = yearOf(from);
  type Span = { target: RolledTarget; days: [string, ImpactCounts][]; attrs: Record<string, string> };
  const spans = new Map<string, Span>();
  const span = (target: RolledTarget, attrs: Record<string, string>): Span => {
    const id = Object.values(target).join('|');
    let s = spans.get(id);
    if (!s) spans.set(id, (s = { target, days: [], attrs }));
    s.attrs = attrs; // the newest stamp wins: a renamed provider shows its current name
    return s;
  };
  const writes: (() => Promise<boolean>)[] = [];
  const providers = new Set<string>();
  let providerDays = 0;
  let firstDay: string | null = null;
  dates.forEach((date, i) => {
    const byDistrict = new Map<string, ImpactCounts>();
    let total = zeroCounts();
    for (const f of figures[i]!) {
      providers.add(f.providerId);
      providerDays++;
      byDistrict.set(f.district, addCounts(byDistrict.get(f.district) ?? zeroCounts(), f.counts));
      total = addCounts(total, f.counts);
      const stamp = { providerId: f.providerId, name: f.name, district: f.district, joinedAt: f.joinedAt };
      for (const [period, key] of [['month', month], ['quarter', quarterOf(from)], ['year', year]] as [PeriodType, string][]) {
        span({ of: 'provider', period, key, providerId: f.providerId }, stamp).days.push([date, f.counts]);
      }
    }
    if (figures[i]!.length === 0) return;
    firstDay ??= date;
    writes.push(() => store.addRolledSpan({ of: 'day-total', date }, [[date, total]], { date }));
    for (const [district, c] of byDistrict) {
      writes.push(() => store.addRolledSpan({ of: 'district-day', date, district }, [[date, c]], { date, district }));
      span({ of: 'district-month', month, district }, { month, district }).days.push([date, c]);
    }
  });
  for (const s of spans.values()) writes.push(() => store.addRolledSpan(s.target, s.days, s.attrs));
  await inParallel(writes, (w) => w());
  // Only once every item holds the span: a pack is a snapshot of all of them.
  await Promise.all([
    ...([['month', month], ['quarter', quarterOf(from)], ['year', year]] as [PeriodType, string][]).map(([period, key]) => packPeriod(deps, period, key, to)),
    packAreaMonths(deps, year, to),
  ]);
  return { providers: providers.size, providerIds: [...providers], providerDays, writes: writes.length, firstDay };
}

/** One closed day: a span of one. */
export const rollUpDay = (deps: Deps, date: string) => rollUpSpan(deps, date, date);

/**
 * The scheduled job: roll every closed day not yet rolled up, oldest first, a calendar month (at
 * most `rollUpSpanDays`) at a time, advancing the finished mark after each span. The first run
 * looks back `firstRunLookbackDays` for figures.
 */
export async function rollUpImpact(deps: Deps, now: Date): Promise<{ days: number; providerDays: number; rolledThrough: string | null }> {
  const store = deps.store.impact;
  const state = await store.rollUpState();
  const until = lastClosedDay(now, deps);
  let date = state.rolledThrough ? addDays(state.rolledThrough, 1) : addDays(until, -deps.config.impact.firstRunLookbackDays);
  let since = state.since;
  let days = 0;
  let providerDays = 0;
  while (date <= until) {
    const monthEnd = periodRange('month', monthOf(date))!.to;
    const longest = addDays(date, deps.config.impact.rollUpSpanDays - 1);
    const end = [until, monthEnd, longest].sort()[0]!;
    const r = await rollUpSpan(deps, date, end);
    since ??= r.firstDay;
    await store.setRollUpState({ rolledThrough: end, since, ...(r.providerIds.length > 0 ? { daySplits: daySplitsOf(deps, r.providerIds) } : {}) });
    days += daysBetween(date, end) + 1;
    providerDays += r.providerDays;
    date = addDays(end, 1);
  }
  return { days, providerDays, rolledThrough: days > 0 ? until : state.rolledThrough };
}

