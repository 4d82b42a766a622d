/**
 * A year of demo history at the reference programme's scale: 56 restaurants in the 10 Futian
 * sub-districts (the 10 demo restaurants and 46 more that join over the first seven months), the
 * M餐 base and a youth station handing out blind boxes — about 48,000 meals, 58,000 person-times
 * and 1.23 million yuan.
 *
 * Nothing here writes an aggregate by hand. A year of servings is played out against a population
 * of people with the domain's own rules — one claim a person a day and 20 a month, how new each
 * person is on the day (`noveltyOf`), what each redemption and handout adds (`redemptionDelta`,
 * `handoutDelta`) — and each provider's day is written with the very update the redemption and
 * handout transactions carry (`impactWrite`). The roll-up job then makes the months, quarters,
 * years and sub-district figures, and the leaderboards are published by the admin use case.
 * Deterministic: the same dates give the same history.
 */
import type { OfferingKind } from '../contract/providers.js';
import { addCounts, handoutDelta, monthOf, noveltyOf, personTimes, redemptionDelta, valueFen, zeroCounts, type ImpactCounts, type ServedState } from '../domain/impact.js';
import { addDays, daysBetween } from '../domain/time.js';
import type { ImpactIntent } from '../store/impact.js';
import { seededRandom } from './random.js';

export interface HistoryProvider {
  providerId: string;
  name: string;
  district: string;
  /** The day it joined (its first day of figures) and the instant, as its createdAt. */
  joinDay: string;
  joinedAt: string;
  kind: OfferingKind;
  valueFen: number;
  dailyQuota: number;
  /** ISO weekdays its offering runs. */
  weekdays: number[];
  /** How busy it is, relative to the others of its kind (about 0.6–1.4). */
  pull: number;
}

/** The programme's reported year, which the simulation aims at. */
export const HISTORY_TARGETS = { meals: 48_000, blindBoxes: 3_000, walkIns: 7_000 } as const;

/** How long a person keeps coming (days) and the share of open days a restaurant records a no-app handout. */
const STAY_DAYS = { min: 10, max: 60 };
const HANDOUT_CHANCE = 0.2;
const MONTHLY_CLAIMS = 20;

const isoWeekday = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Successes in `n` tries of chance `p`. */
function binomial(rand: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
}

interface Person {
  served: ServedState;
  until: string;
  month: string;
  inMonth: number;
}

export interface History {
  /** One per provider and day with any figures: what its redemptions and handouts added. */
  days: ImpactIntent[];
  totals: ImpactCounts;
  /** Distinct people served over the whole history. */
  people: number;
}

/**
 * Play the days `from`…`to` (inclusive) out. Each provider's expected servings are spread so the
 * year totals land near HISTORY_TARGETS; who is served is drawn from the people around that day.
 */
export function simulateHistory(providers: HistoryProvider[], from: string, to: string, seed = 20_240_601): History {
  const rand = seededRandom(seed);
  const opens = (p: HistoryProvider, d: string) => p.joinDay <= d && p.weekdays.includes(isoWeekday(d));
  // Open days per kind, to turn the year's targets into a rate per open day.
  const openDays = { meal: 0, blind_box: 0 };
  for (let d = from; d <= to; d = addDays(d, 1)) for (const p of providers) if (opens(p, d)) openDays[p.kind] += p.pull;
  const perOpenDay = { meal: HISTORY_TARGETS.meals / Math.max(1, openDays.meal), blind_box: HISTORY_TARGETS.blindBoxes / Math.max(1, openDays.blind_box) };
  const restaurantDays = providers.filter((p) => p.kind === 'meal').reduce((n, p) => n + Math.max(0, daysBetween(p.joinDay > from ? p.joinDay : from, to) + 1), 0);
  const handoutsEach = HISTORY_TARGETS.walkIns / Math.max(1, restaurantDays * HANDOUT_CHANCE);

  const people: Person[] = [];
  let everServed = 0;
  const days: ImpactIntent[] = [];
  let totals = zeroCounts();
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const open = providers.filter((p) => opens(p, d));
    const expected = open.reduce((n, p) => n + perOpenDay[p.kind] * p.pull, 0);
    // People come while they are in a gap, then leave: about three around for each meal of the day.
    for (let i = people.length - 1; i >= 0; i--) if (people[i]!.until < d) people.splice(i, 1);
    const arrivals = Math.floor(Math.max(expected / 12, (expected * 3 - people.length) / 4) + rand());
    for (let i = 0; i < arrivals; i++) {
      const stay = STAY_DAYS.min + Math.floor(rand() * (STAY_DAYS.max - STAY_DAYS.min));
      people.push({ served: { servedDay: null, servedMonth: null, servedProvider: null }, until: addDays(d, stay), month: monthOf(d), inMonth: 0 });
    }
    // Today's queue: everyone around, in random order; each person claims at most once a day.
    const queue = people.map((_, i) => i);
    for (let i = queue.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [queue[i], queue[j]] = [queue[j]!, queue[i]!];
    }
    let next = 0;
    for (const p of open) {
      const want = binomial(rand, p.dailyQuota, Math.min(1, (perOpenDay[p.kind] * p.pull) / p.dailyQuota));
      let delta: Partial<ImpactCounts> = {};
      let served = 0;
      while (served < want && next < queue.length) {
        const person = people[queue[next++]!]!;
        if (person.month !== monthOf(d)) {
          person.month = monthOf(d);
          person.inMonth = 0;
        }
        if (person.inMonth >= MONTHLY_CLAIMS) continue;
        const novelty = noveltyOf(person.served, d);
        if (novelty === 'first-ever') everServed++;
        delta = addCounts({ ...zeroCounts(), ...delta }, redemptionDelta(p.kind, p.valueFen, novelty));
        person.served = { servedDay: d, servedMonth: monthOf(d), servedProvider: null };
        person.inMonth++;
        served++;
      }
      if (p.kind === 'meal' && served < p.dailyQuota && rand() < HANDOUT_CHANCE) {
        const count = Math.min(p.dailyQuota - served, Math.max(1, Math.round(handoutsEach * (0.5 + rand()))));
        delta = addCounts({ ...zeroCounts(), ...delta }, handoutDelta(count, p.valueFen));
      }
      const counts = addCounts(zeroCounts(), delta);
      if (personTimes(counts) === 0) continue;
      days.push({ date: d, stamp: { providerId: p.providerId, name: p.name, district: p.district, joinedAt: p.joinedAt }, delta: counts });
      totals = addCounts(totals, counts);
    }
  }
  return { days, totals, people: everServed };
}

export const historySummary = (h: History) => ({
  meals: h.totals.meals,
  personTimes: personTimes(h.totals),
  yuan: Math.round(valueFen(h.totals) / 100),
  people: h.people,
  providerDays: h.days.length,
});
