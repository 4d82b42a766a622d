/**
 * The impact figures: the public summary (through a short cache) and the admins' dashboard by
 * day, month, sub-district or provider, with its CSV export.
 */
import { STATS_MAX_RANGE_DAYS, type AdminStats, type PublicStats, type StatsCsvQuery, type StatsQuery, type StatsRow } from '../../contract/impact.js';
import { addCounts, boundedRange, datesIn, monthOf, periodKeyOf, periodRange, personTimes, valueFen, zeroCounts, type ImpactCounts } from '../../domain/impact.js';
import { addDays, localMoment } from '../../domain/time.js';
import type { AdminCtx, Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import type { RollUpState } from '../../store/impact.js';
import { excelCsv } from '../csv.js';
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

/** The counter that counts each person once from a period's first day on. */
const firstIn = { year: 'recipientsNewInYear', quarter: 'recipientsNewInQuarter', month: 'recipientsNewInMonth' } as const;
const PERIODS = ['year', 'quarter', 'month'] as const;

/** The first day a cell covers (a month cell: its 1st). */
const cellStart = (c: AreaCell) => (c.span === 'month' ? `${c.key}-01` : c.key);

/**
 * Distinct recipients over the range's cells, and whether that is exact. Exact for one day (first
 * servings of the day); for a stretch from a year's, quarter's or month's first day to a day within
 * it (first servings of that period: a whole month, quarter or year, or one to date); and for
 * everything since the first day (first ever). Any other range is cut where those periods begin,
 * and the pieces' counts are added: a person served in two pieces counts twice, so the sum is an
 * upper bound (`recipientsExact: false`, which the desk says in words).
 */
function recipientsOf(cells: AreaCell[], from: string, to: string, since: string | null, firstsSince: string | null): { recipients: number; exact: boolean } {
  if (from === to) return { recipients: sum(cells).recipients, exact: true };
  if (since !== null && from <= since) return { recipients: sum(cells).recipientsNewEver, exact: true };
  const pieces: number[] = [];
  let byDay = false;
  for (let d = from; d <= to; ) {
    // Quarters and years only where their counts were recorded from their first day (config.impact.periodFirstsSince).
    const period = PERIODS.find((p) => periodRange(p, periodKeyOf(p, d))!.from === d && (p === 'month' || firstsSince === null || d >= firstsSince));
    const end = periodRange(period ?? 'month', periodKeyOf(period ?? 'month', d))!.to;
    const last = end < to ? end : to;
    const inPiece = sum(cells.filter((c) => cellStart(c) >= d && cellStart(c) <= last));
    // A piece not from a period's first day is counted by the day: a bound already within itself.
    if (!period) byDay = true;
    pieces.push(period ? inPiece[firstIn[period]] : inPiece.recipients);
    d = addDays(last, 1);
  }
  return { recipients: pieces.reduce((a, b) => a + b, 0), exact: pieces.length === 1 && !byDay };
}

export async function adminStats(ctx: AdminCtx, q: StatsQuery): Promise<AdminStats> {
  const { deps } = ctx;
  const today = localMoment(ctx.now, deps.config.timeZone).date;
  const from = q.from ?? `${monthOf(today)}-01`;
  const to = q.to ?? today;
  const range = boundedRange(from, to, STATS_MAX_RANGE_DAYS);
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
  const { recipients, exact } = recipientsOf(byArea, from, to, since, deps.config.impact.periodFirstsSince);
  const districts = new Set(byArea.filter((c) => personTimes(c.counts) > 0).map((c) => c.district)).size;
  return { from, to, by: q.by, rows, totals: { ...figures(total), recipients, recipientsExact: exact, districts } };
}

/** The CSV's words, as the desk's impact page says them: the first column by grouping, the figures, and the totals row. */
const CSV_WORDS = {
  'zh-CN': { by: { day: '日期', month: '月份', district: '街道', provider: '服务点' }, id: '编号', figures: ['餐食', '盲盒', '现场领取', '服务人次', '价值（元）'], total: '合计' },
  en: { by: { day: 'Date', month: 'Month', district: 'Sub-district', provider: 'Provider' }, id: 'ID', figures: ['Meals', 'Blind boxes', 'Walk-ins', 'Person-times', 'Value (yuan)'], total: 'Total' },
} as const;

const yuan = (fen: number) => (fen / 100).toFixed(2);
const figureCells = (f: { meals: number; blindBoxes: number; walkIns: number; personTimes: number; valueFen: number }) => [f.meals, f.blindBoxes, f.walkIns, f.personTimes, yuan(f.valueFen)];

/**
 * The same rows as CSV for Excel (functions/app/csv.ts): headed in Chinese unless `lang=en`, money
 * in yuan with two decimals, a sub-district's or provider's id beside its name, and a totals row.
 */
export async function adminStatsCsv(ctx: AdminCtx, q: StatsCsvQuery): Promise<string> {
  const stats = await adminStats(ctx, q);
  const words = CSV_WORDS[q.lang];
  const withId = q.by === 'district' || q.by === 'provider';
  const header = [words.by[q.by], ...(withId ? [words.id] : []), ...words.figures];
  const rows = stats.rows.map((r) => [r.label, ...(withId ? [r.key] : []), ...figureCells(r)]);
  const total = [words.total, ...(withId ? [''] : []), ...figureCells(stats.totals)];
  return excelCsv(header, [...rows, total]);
}
