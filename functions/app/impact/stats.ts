/**
 * The impact figures: the public summary (through a short cache) and the admins' dashboard by
 * day, month, sub-district or provider, with its CSV export.
 */
import { stringify } from 'csv-stringify/sync';
import type { AdminStats, PublicStats, StatsQuery, StatsRow } from '../../contract/impact.js';
import { addCounts, boundedRange, datesIn, monthOf, personTimes, valueFen, zeroCounts, type ImpactCounts } from '../../domain/impact.js';
import { addDays, localMoment } from '../../domain/time.js';
import type { AdminCtx, Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import type { RollUpState } from '../../store/impact.js';
import { areaFigures, providerFigures, type AreaCell } from './figures.js';

const figures = (c: ImpactCounts) => ({ meals: c.meals, blindBoxes: c.blindBoxes, walkIns: c.walkIns, personTimes: personTimes(c), valueFen: valueFen(c) });
const sum = (cells: { counts: ImpactCounts }[]) => cells.reduce((acc, c) => addCounts(acc, c.counts), zeroCounts());

async function districtNames(deps: Deps): Promise<Map<string, string>> {
  return new Map((await deps.listing.districts()).map((d) => [d.id, d.name]));
}

/**
 * Where figures may begin: the roll-up keeps the first day that had any. Until it has seen one,
 * nobody knows: every figure is then in the day items after its mark, or (before its first run)
 * within the days it would look back over.
 */
const figuresStart = (deps: Deps, state: RollUpState, today: string): string =>
  state.since ?? (state.rolledThrough ? addDays(state.rolledThrough, 1) : addDays(today, -deps.config.impact.firstRunLookbackDays));

/**
 * The first day with figures. Kept by the roll-up; until then found among the day items where
 * figures may begin (the days the public figures read too), so distinct recipients are exact on a
 * fresh server as well.
 */
async function firstFiguresDay(deps: Deps, state: RollUpState, today: string): Promise<string | null> {
  if (state.since !== null) return state.since;
  const { cells } = await areaFigures(deps, { from: figuresStart(deps, state, today), to: today }, today);
  return cells.filter((c) => personTimes(c.counts) > 0).reduce<string | null>((first, c) => (first === null || c.key < first ? c.key : first), null);
}

/** Everything from the first day with figures to today. */
async function computePublic(deps: Deps, now: Date): Promise<PublicStats> {
  const today = localMoment(now, deps.config.timeZone).date;
  const state = await deps.store.impact.rollUpState();
  const from = figuresStart(deps, state, today);
  const range = { from: from < today ? from : today, to: today };
  const [{ cells }, providers, names] = await Promise.all([areaFigures(deps, range, today), providerFigures(deps, range, today), districtNames(deps)]);
  const total = sum(cells);
  const byDistrict = new Map<string, ImpactCounts>();
  for (const c of cells) byDistrict.set(c.district!, addCounts(byDistrict.get(c.district!) ?? zeroCounts(), c.counts));
  const served = [...byDistrict].filter(([, c]) => personTimes(c) > 0);
  return {
    asOf: now.toISOString(),
    totals: {
      ...figures(total),
      // Summed over everything since the first day, first-ever servings count each person once.
      recipients: total.recipientsNewEver,
      providers: [...providers.values()].filter((p) => personTimes(p.counts) > 0).length,
      districts: served.length,
    },
    byDistrict: served
      .sort(([a], [b]) => [...names.keys()].indexOf(a) - [...names.keys()].indexOf(b))
      .map(([district, c]) => ({ district, name: names.get(district) ?? district, personTimes: personTimes(c), valueFen: valueFen(c) })),
  };
}

export function publicStats(ctx: Ctx): Promise<PublicStats> {
  return ctx.deps.figuresCache.get('public-stats', () => computePublic(ctx.deps, ctx.now));
}

/**
 * Distinct recipients over the range's cells, and whether that is exact: one day (first servings
 * of the day), a stretch of one month from its 1st (first of the month), or everything since the
 * first day (first ever). Any other range sums those per month: an upper bound.
 */
function recipientsOf(cells: AreaCell[], from: string, to: string, since: string | null): { recipients: number; exact: boolean } {
  const total = sum(cells);
  if (from === to) return { recipients: total.recipients, exact: true };
  if (since !== null && from <= since) return { recipients: total.recipientsNewEver, exact: true };
  if (from.endsWith('-01') && monthOf(from) === monthOf(to)) return { recipients: total.recipientsNewInMonth, exact: true };
  let recipients = 0;
  for (const month of new Set(cells.map((c) => monthOf(c.key)))) {
    const inMonth = cells.filter((c) => monthOf(c.key) === month);
    const fromFirst = from <= `${month}-01`;
    recipients += fromFirst ? sum(inMonth).recipientsNewInMonth : sum(inMonth).recipients;
  }
  return { recipients, exact: false };
}

export async function adminStats(ctx: AdminCtx, q: StatsQuery): Promise<AdminStats> {
  const { deps } = ctx;
  const today = localMoment(ctx.now, deps.config.timeZone).date;
  const from = q.from ?? `${monthOf(today)}-01`;
  const to = q.to ?? today;
  const range = boundedRange(from, to, deps.config.impact.maxRangeDays);
  const [{ cells, state }, names] = await Promise.all([areaFigures(deps, range, today, { dayTotals: q.by === 'day' }), districtNames(deps)]);
  const byArea = cells.filter((c) => c.district !== null);
  const total = sum(byArea);
  const shown = datesIn({ from, to: to < today ? to : today });
  let rows: StatsRow[];
  if (q.by === 'day') {
    const perDay = new Map(cells.filter((c) => c.district === null).map((c) => [c.key, c.counts]));
    rows = shown.map((d) => ({ key: d, label: d, ...figures(perDay.get(d) ?? zeroCounts()) }));
  } else if (q.by === 'month') {
    const months = [...new Set(shown.map(monthOf))];
    rows = months.map((m) => ({ key: m, label: m, ...figures(sum(byArea.filter((c) => monthOf(c.key) === m))) }));
  } else if (q.by === 'district') {
    const ids = [...new Set([...names.keys(), ...byArea.map((c) => c.district!)])];
    rows = ids.map((id) => ({ key: id, label: names.get(id) ?? id, ...figures(sum(byArea.filter((c) => c.district === id))) }));
  } else {
    const providers = await providerFigures(deps, range, today);
    rows = [...providers.values()]
      .map((p) => ({ key: p.providerId, label: p.name, ...figures(p.counts) }))
      .sort((a, b) => b.personTimes - a.personTimes || b.valueFen - a.valueFen || a.key.localeCompare(b.key));
  }
  // One day's distinct recipients need no first day; a longer range may (firstFiguresDay reads days only before the first roll-up).
  const since = from === to ? null : await firstFiguresDay(deps, state, today);
  const { recipients, exact } = recipientsOf(byArea, from, to, since);
  const districts = new Set(byArea.filter((c) => personTimes(c.counts) > 0).map((c) => c.district)).size;
  return { from, to, by: q.by, rows, totals: { ...figures(total), recipients, recipientsExact: exact, districts } };
}

const CSV_COLUMNS = ['key', 'label', 'meals', 'blindBoxes', 'walkIns', 'personTimes', 'valueFen'] as const;

/**
 * The same rows as CSV for Excel: UTF-8 with a BOM (or Excel guesses GBK), CRLF, a header row,
 * and cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, and the full-width
 * `＝＋－＠` Chinese input methods type) prefixed with `'`.
 */
export async function adminStatsCsv(ctx: AdminCtx, q: StatsQuery): Promise<string> {
  const stats = await adminStats(ctx, q);
  return stringify(stats.rows.map((r) => CSV_COLUMNS.map((c) => r[c])), {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    escape_formulas: true,
    // Every text cell in quotes: a spreadsheet then never reads a line break in one as a new row.
    quoted_string: true,
    record_delimiter: 'windows',
  });
}
