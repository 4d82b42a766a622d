/**
 * Loading the demo history (history.ts plays it out): the 46 restaurants that joined during the
 * year, each provider-day's figures written as the counter's transactions write them, the real
 * roll-up job over the year, and the last month's, quarter's and this year's leaderboards
 * published through the admin use case. Skipped when already loaded (a --data folder).
 */
import { ADMIN_USERNAME } from './seed.js';
import type { Deps } from '../app/deps.js';
import { publishLeaderboard } from '../app/impact/leaderboards.js';
import type { OfferingContract } from '../contract/admin.js';
import type { Period } from '../contract/impact.js';
import { monthOf, periodKeyOf, periodRange } from '../domain/impact.js';
import { periodClosed } from '../domain/leaderboard.js';
import { addDays, daysBetween, localMoment } from '../domain/time.js';
import { rollUpImpact } from '../jobs/roll-up-impact.js';
import { demoProviders } from './demo.js';
import { futianDistricts } from './futian.js';
import { historySummary, simulateHistory, type HistoryProvider } from './history.js';

const CUISINES: [zh: string, en: string][] = [
  ['粤式茶餐厅', 'Cantonese Café'],
  ['家常小炒', 'Home Stir-fry'],
  ['牛肉面馆', 'Beef Noodles'],
  ['砂锅粥铺', 'Claypot Congee'],
  ['烧腊饭店', 'Roast Meat Rice'],
];
const STREETS = ['幸福路', '新洲路', '福民路', '景田路', '红荔路'];
/** The programme's other 46 restaurants (56 with the 10 demo ones) join over its first seven months. */
const EXTRA_RESTAURANTS = 46;
const RAMP_DAYS = 210;
const VALUES_FEN = [1800, 1900, 2100, 2300];

export interface HistoryRestaurant {
  id: string;
  name: string;
  nameEn: string;
  district: string;
  address: string;
  location: { lat: number; lng: number };
  joinOffset: number;
  offering: { id: string; contract: OfferingContract };
}

export function historyRestaurants(): HistoryRestaurant[] {
  return Array.from({ length: EXTRA_RESTAURANTS }, (_, k) => {
    const d = futianDistricts[k % futianDistricts.length]!;
    const [zh, en] = CUISINES[Math.floor(k / futianDistricts.length)]!;
    const home = demoProviders.find((p) => p.input.district === d.id && p.input.kind === 'restaurant')!.input.location!;
    const id = `demo-${d.id}-${Math.floor(k / futianDistricts.length) + 2}`;
    return {
      id,
      name: `${d.name}${zh}`,
      nameEn: `${d.nameEn} ${en}`,
      district: d.id,
      address: `${d.name}街道${STREETS[k % STREETS.length]} ${100 + k * 7} 号`,
      location: { lat: Math.round((home.lat + ((k % 5) - 2) * 0.002) * 10_000) / 10_000, lng: Math.round((home.lng + ((k % 3) - 1) * 0.003) * 10_000) / 10_000 },
      joinOffset: Math.floor(((k + 1) * RAMP_DAYS) / EXTRA_RESTAURANTS),
      offering: {
        id: `${id}-lunch`,
        contract: {
          name: '午餐套餐',
          kind: 'meal',
          dailyQuota: 10 + (k % 3) * 5,
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          windows: [{ id: 'lunch', start: '11:30', end: '13:30' }],
          standard: '一荤两素 + 米饭',
          valueFen: VALUES_FEN[k % VALUES_FEN.length]!,
          active: true,
        },
      },
    };
  });
}

/** When `days` of history ending yesterday begin: the demo providers joined then, at 09:00. */
export function historyStart(now: Date, timeZone: string, days: number): { date: string; joinedAt: string } {
  const date = addDays(localMoment(now, timeZone).date, -days);
  return { date, joinedAt: morningOf(date) };
}

/** 09:00 in Shanghai on `date`, as an instant. */
const morningOf = (date: string): string => new Date(`${date}T09:00:00+08:00`).toISOString();

export interface HistoryReport {
  loaded: boolean;
  meals?: number;
  personTimes?: number;
  yuan?: number;
  people?: number;
  providerDays?: number;
  ms: number;
  /** Where the time went (ms): creating providers, simulating, writing days, rolling up, publishing. */
  phases?: Record<string, number>;
}

/** What the history is played over: every provider with its join day, and the days `from`…`to` (yesterday). */
export function planHistory(now: Date, timeZone: string, days: number): { from: string; to: string; restaurants: (HistoryRestaurant & { joinDay: string; joinedAt: string })[]; providers: HistoryProvider[] } {
  const { date: from, joinedAt } = historyStart(now, timeZone, days);
  const to = addDays(localMoment(now, timeZone).date, -1);
  const providers: HistoryProvider[] = demoProviders.map((p, i) => {
    const o = p.offerings[0]!.contract;
    return {
      providerId: p.id, name: p.input.name, district: p.input.district, joinDay: from, joinedAt,
      kind: o.kind, valueFen: o.valueFen, dailyQuota: o.dailyQuota, weekdays: o.weekdays, pull: 0.8 + (i % 5) * 0.1,
    };
  });
  const restaurants = historyRestaurants().map((r, k) => {
    const joinDay = addDays(from, Math.min(r.joinOffset, daysBetween(from, to)));
    const c = r.offering.contract;
    providers.push({ providerId: r.id, name: r.name, district: r.district, joinDay, joinedAt: morningOf(joinDay), kind: c.kind, valueFen: c.valueFen, dailyQuota: c.dailyQuota, weekdays: c.weekdays, pull: 0.6 + ((k * 7) % 9) * 0.1 });
    return { ...r, joinDay, joinedAt: morningOf(joinDay) };
  });
  return { from, to, restaurants, providers };
}

/**
 * Load `days` of history ending yesterday. The demo providers must already exist (seedDemo, with
 * the history's start as their join date).
 */
export async function seedHistory(deps: Deps, now: Date, days: number): Promise<HistoryReport> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    phases[name] = Math.round(performance.now() - mark);
    mark = performance.now();
  };
  const { from, to, restaurants, providers } = planHistory(now, deps.config.timeZone, days);
  if (await deps.store.providers.get(restaurants[0]!.id)) return { loaded: false, ms: 0 };
  const today = localMoment(now, deps.config.timeZone).date;
  for (const [k, r] of restaurants.entries()) {
    await deps.store.providers.create({
      id: r.id, name: r.name, nameEn: r.nameEn, location: r.location, kind: 'restaurant', district: r.district, address: r.address,
      businessLicence: { number: `91440300DEMO${String(k + 100).padStart(4, '0')}`, expiresOn: '2028-12-31' },
      hygienePermit: { number: `JY14403040DEMO${String(k + 10).padStart(2, '0')}`, expiresOn: '2028-06-30' },
      status: 'ACTIVE', createdAt: r.joinedAt, updatedAt: r.joinedAt, offerings: {},
    });
    await deps.store.providers.putOffering({ ...r.offering.contract, id: r.offering.id, providerId: r.id, updatedAt: r.joinedAt });
  }
  deps.listing.invalidate();
  phase('providers');

  const history = simulateHistory(providers, from, to);
  phase('simulate');
  await deps.store.impact.recordMany(history.days, 8);
  phase('days');
  await rollUpImpact(deps, now);
  phase('rollUp');

  // Last month's, last quarter's and last year's boards, as an admin would publish them: ended
  // periods only (in the first minutes of a month its last day is not rolled up yet).
  const admin = { deps, now, principal: { role: 'admin' as const, id: 'a_admin', name: '管理员', username: ADMIN_USERNAME, office: { role: 'owner' as const, districts: [], totpOn: false, mustChangePassword: false } }, requestId: 'seed-history', client: 'seed', route: 'publishLeaderboard', idempotencyKey: null };
  const lastMonth = monthOf(addDays(`${monthOf(today)}-01`, -1));
  const lastQuarter = periodKeyOf('quarter', addDays(periodRange('quarter', periodKeyOf('quarter', today))!.from, -1));
  const lastYear = String(Number(periodKeyOf('year', today)) - 1);
  const { rolledThrough } = await deps.store.impact.rollUpState();
  for (const [period, key] of [['month', lastMonth], ['quarter', lastQuarter], ['year', lastYear]] as [Period, string][]) {
    if (periodClosed(periodRange(period, key)!.to, rolledThrough)) await publishLeaderboard(admin, { period, key });
  }
  phase('publish');
  deps.figuresCache.clear();
  deps.liveDays.clear();
  return { loaded: true, ...historySummary(history), ms: Math.round(performance.now() - started), phases };
}
