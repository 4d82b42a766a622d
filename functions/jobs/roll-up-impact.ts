import type { Deps } from '../app/deps.js';
import { addCounts, monthOf, quarterOf, yearOf, zeroCounts, type ImpactCounts, type PeriodType } from '../domain/impact.js';
import { addDays, localMoment } from '../domain/time.js';
import { keys } from '../store/keys.js';

/** Updates in flight at once while rolling a day up. */
const PARALLEL = 16;

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
 * Roll one closed day into the items readers use for longer spans: each provider's month,
 * quarter and year, and per sub-district its day and month, plus the day's total. A day never
 * changes once closed, so this happens once per day, off the hot path. Every update is
 * conditioned on its item not holding the day yet, so a re-run after a crash adds nothing twice.
 */
export async function rollUpDay(deps: Deps, date: string): Promise<{ providers: number; writes: number }> {
  const store = deps.store.impact;
  const figures = await store.day(date);
  const byDistrict = new Map<string, ImpactCounts>();
  let total = zeroCounts();
  const writes: (() => Promise<boolean>)[] = [];
  for (const f of figures) {
    byDistrict.set(f.district, addCounts(byDistrict.get(f.district) ?? zeroCounts(), f.counts));
    total = addCounts(total, f.counts);
    const stamp = { providerId: f.providerId, name: f.name, district: f.district, joinedAt: f.joinedAt };
    for (const [period, key] of [['month', monthOf(date)], ['quarter', quarterOf(date)], ['year', yearOf(date)]] as [PeriodType, string][]) {
      writes.push(() => store.addRolled(keys.impactProvider(period, key, f.providerId), date, f.counts, stamp));
    }
  }
  if (figures.length > 0) {
    const year = yearOf(date);
    writes.push(() => store.addRolled(keys.impactArea(year, keys.areaTotal(date)), date, total, { date }));
    for (const [district, c] of byDistrict) {
      writes.push(() => store.addRolled(keys.impactArea(year, keys.areaDistrictDay(date, district)), date, c, { date, district }));
      writes.push(() => store.addRolled(keys.impactArea(year, keys.areaDistrictMonth(monthOf(date), district)), date, c, { month: monthOf(date), district }));
    }
  }
  await inParallel(writes, (w) => w());
  return { providers: figures.length, writes: writes.length };
}

/**
 * The scheduled job: roll every closed day not yet rolled up, oldest first, advancing the
 * finished mark after each. The first run looks back `firstRunLookbackDays` for figures.
 */
export async function rollUpImpact(deps: Deps, now: Date): Promise<{ days: number; providerDays: number; rolledThrough: string | null }> {
  const store = deps.store.impact;
  const state = await store.rollUpState();
  const until = lastClosedDay(now, deps);
  let date = state.rolledThrough ? addDays(state.rolledThrough, 1) : addDays(until, -deps.config.impact.firstRunLookbackDays);
  let since = state.since;
  let days = 0;
  let providerDays = 0;
  for (; date <= until; date = addDays(date, 1)) {
    const r = await rollUpDay(deps, date);
    if (r.providers > 0 && !since) since = date;
    await store.setRollUpState({ rolledThrough: date, since });
    days++;
    providerDays += r.providers;
  }
  return { days, providerDays, rolledThrough: days > 0 ? until : state.rolledThrough };
}
