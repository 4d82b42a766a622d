/**
 * Reading impact figures for any date range: rolled-up items for whole closed periods, day items
 * for loose days and for the days not rolled up yet (normally just today, which stays live).
 * Never a Scan, never one item per provider and day for a whole year.
 */
import { addCounts, decompose, effective, periodRange, yearOf, zeroCounts, type DateRange, type ImpactCounts, type PeriodType } from '../../domain/impact.js';
import { addDays } from '../../domain/time.js';
import type { AreaMonth, ProviderCounts, ProviderStamp, RollUpState } from '../../store/impact.js';
import type { Deps } from '../deps.js';

export type ProviderFigures = ProviderCounts;

/** One cell of figures: a sub-district's day or month, or all sub-districts' day (`district` null). */
export interface AreaCell {
  span: 'day' | 'month';
  key: string;
  district: string | null;
  counts: ImpactCounts;
}

const clampTo = (r: DateRange, today: string): DateRange | null => (r.from > today ? null : { from: r.from, to: r.to < today ? r.to : today });

/** Days of `r` after the roll-up's mark, up to today: the days read from day items. */
function unrolledDays(r: DateRange, state: RollUpState, today: string): string[] {
  const out: string[] = [];
  const start = state.rolledThrough && state.rolledThrough >= r.from ? addDays(state.rolledThrough, 1) : r.from;
  for (let d = start; d <= r.to && d <= today; d = addDays(d, 1)) out.push(d);
  return out;
}

const periodRangeOf = (p: { type: PeriodType; key: string }): DateRange => periodRange(p.type, p.key)!;

/**
 * A day's provider items, read through a cache of `impact.liveDayTtlMs`: at province scale a day
 * is thousands of items, and a dashboard, the public figures and a leaderboard preview opened
 * together read today's once. This process's own redemptions and handouts clear it at once. The
 * roll-up's hint splits the read into key ranges queried in parallel.
 */
const rawDay = (deps: Deps, date: string, state: RollUpState) => deps.liveDays.get(date, () => deps.store.impact.day(date, state.daySplits));
/** The same summed by sub-district, for views by area: without the names, a third less to read. */
const rawDistricts = (deps: Deps, date: string, state: RollUpState) => deps.liveDays.get(`${date}:districts`, () => deps.store.impact.dayByDistrict(date, state.daySplits));

/**
 * The day a pack of `span` must have been made at to be read at the roll-up's mark: the mark, or
 * the span's last day once the mark has passed it (the job packs after every span of days it
 * rolls). Null when none of the span is rolled up yet.
 */
const packDayFor = (span: DateRange, R: string | null): string | null => (R === null || R < span.from ? null : R < span.to ? R : span.to);

/**
 * Every provider's rolled figures for a period as of the roll-up's mark: its pack when made at
 * that mark, otherwise the provider items themselves (a pack being rewritten, or periods rolled
 * before packs existed). Either way exact.
 */
async function rolledProviders(deps: Deps, p: { type: PeriodType; key: string }, state: RollUpState): Promise<ProviderCounts[]> {
  const store = deps.store.impact;
  const R = state.rolledThrough;
  const packDay = packDayFor(periodRangeOf(p), R);
  const pack = packDay === null ? null : await store.pack(p.type, p.key);
  if (pack && pack.through === packDay) return pack.providers;
  return (await store.providerPeriod(p.type, p.key)).map((t) => ({ providerId: t.providerId, name: t.name, district: t.district, joinedAt: t.joinedAt, counts: effective(t, R) }));
}

/** Each provider's figures over a range (providers with none are absent). */
export async function providerFigures(deps: Deps, range: DateRange, today: string): Promise<Map<string, ProviderFigures>> {
  const store = deps.store.impact;
  const out = new Map<string, ProviderFigures>();
  if (range.from > today) return out;
  const state = await store.rollUpState();
  const add = (stamp: ProviderStamp, c: ImpactCounts) => {
    const prev = out.get(stamp.providerId);
    // The newest stamp wins: a renamed provider shows its current name.
    out.set(stamp.providerId, { ...stamp, counts: addCounts(prev?.counts ?? zeroCounts(), c) });
  };
  const rawDays = new Set<string>();
  const periods: { type: PeriodType; key: string }[] = [];
  // Whole periods even where they run past today (a year in progress is still one item: it holds
  // the rolled days, and the days since come raw); nothing exists after today.
  for (const piece of decompose(range)) {
    if (piece.type === 'day') {
      if (piece.key <= today) rawDays.add(piece.key);
    } else if (periodRangeOf(piece).from <= today) {
      periods.push(piece);
      for (const d of unrolledDays(periodRangeOf(piece), state, today)) rawDays.add(d);
    }
  }
  const [rolled, days] = await Promise.all([
    // Rolled items change only when the roll-up writes, and are read against the mark they were
    // read with: cached per mark, a new mark reads afresh (and a read taken mid-roll-up stays
    // consistent with its own mark: see `effective`).
    Promise.all(periods.map((p) => deps.rolledCache.get(`${p.type}:${p.key}:${state.rolledThrough}`, () => rolledProviders(deps, p, state)))),
    Promise.all([...rawDays].sort().map((d) => rawDay(deps, d, state))),
  ]);
  for (const list of rolled) for (const t of list) add(t, t.counts);
  for (const list of days) for (const f of list) add(f, f.counts);
  return out;
}

/**
 * A year's sub-district months as of the roll-up's mark: its pack when made at that mark (as for
 * provider periods above), otherwise the MONTH# area items themselves. Either way exact.
 */
async function areaMonths(deps: Deps, year: string, state: RollUpState): Promise<AreaMonth[]> {
  const store = deps.store.impact;
  const R = state.rolledThrough;
  const packDay = packDayFor(periodRange('year', year)!, R);
  const pack = packDay === null ? null : await store.areaMonthsPack(year);
  if (pack && pack.through === packDay) return pack.cells;
  const items = await store.areaMonths(year);
  return items.filter((t) => t.month && t.district).map((t) => ({ month: t.month!, district: t.district!, counts: effective(t, R) }));
}

/**
 * Figures by sub-district over a range, as month cells (whole months) and day cells (loose days),
 * plus — with `dayTotals` — one all-district cell per day for day-by-day views.
 */
export async function areaFigures(deps: Deps, range: DateRange, today: string, opts: { dayTotals?: boolean } = {}): Promise<{ cells: AreaCell[]; state: RollUpState }> {
  const store = deps.store.impact;
  const state = await store.rollUpState();
  const r = clampTo(range, today);
  if (!r) return { cells: [], state };
  const R = state.rolledThrough;
  const rolledDay = (d: string) => R !== null && d <= R;
  const cells: AreaCell[] = [];
  const months = new Set<string>();
  const rolledLooseDays: string[] = [];
  const rawDays: string[] = [];
  for (const piece of decompose(r, ['month'])) {
    if (piece.type === 'day') (rolledDay(piece.key) ? rolledLooseDays : rawDays).push(piece.key);
    else {
      months.add(piece.key);
      rawDays.push(...unrolledDays(periodRangeOf(piece), state, today));
    }
  }
  const years = [...new Set([...months].map((m) => m.slice(0, 4)))];
  const looseYears = [...new Set(rolledLooseDays.map(yearOf))];
  const [monthCells, dayItems, raw] = await Promise.all([
    Promise.all(years.map((y) => deps.rolledCache.get(`area:${y}:${R}`, () => areaMonths(deps, y, state)))),
    Promise.all(looseYears.map((y) => {
      const ds = rolledLooseDays.filter((d) => d.startsWith(y));
      return store.areaDistrictDays(ds[0]!, ds[ds.length - 1]!);
    })),
    Promise.all(rawDays.map((d) => rawDistricts(deps, d, state))),
  ]);
  for (const t of monthCells.flat()) {
    if (months.has(t.month)) cells.push({ span: 'month', key: t.month, district: t.district, counts: t.counts });
  }
  const loose = new Set(rolledLooseDays);
  for (const t of dayItems.flat()) {
    if (t.date && t.district && loose.has(t.date)) cells.push({ span: 'day', key: t.date, district: t.district, counts: effective(t, R) });
  }
  rawDays.forEach((d, i) => {
    for (const { district, counts } of raw[i]!) cells.push({ span: 'day', key: d, district, counts });
  });
  if (opts.dayTotals) cells.push(...(await dayTotals(deps, r, state, today)));
  return { cells, state };
}

/** One all-district cell per day: rolled totals for rolled days, day items for the rest. */
async function dayTotals(deps: Deps, r: DateRange, state: RollUpState, today: string): Promise<AreaCell[]> {
  const store = deps.store.impact;
  const R = state.rolledThrough;
  const rolledTo = R !== null && R < r.to ? R : r.to;
  const rawDays = unrolledDays(r, state, today);
  const [rolled, raw] = await Promise.all([
    R !== null && r.from <= R ? store.areaDayTotals(r.from, rolledTo) : Promise.resolve([]),
    Promise.all(rawDays.map((d) => rawDistricts(deps, d, state))),
  ]);
  const cells: AreaCell[] = rolled.filter((t) => t.date && R !== null && t.date <= R).map((t) => ({ span: 'day', key: t.date!, district: null, counts: effective(t, R) }));
  rawDays.forEach((d, i) => cells.push({ span: 'day', key: d, district: null, counts: raw[i]!.reduce((c, f) => addCounts(c, f.counts), zeroCounts()) }));
  return cells;
}
