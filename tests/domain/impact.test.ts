import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import {
  addCounts,
  datesIn,
  decompose,
  effective,
  noveltyOf,
  periodKeyOf,
  periodRange,
  redemptionDelta,
  zeroCounts,
  type ImpactCounts,
  type PeriodType,
  type ServedState,
} from '../../functions/domain/impact.js';
import { badgeFor, periodClosed, rankLeaderboard, type Contender } from '../../functions/domain/leaderboard.js';
import { addDays } from '../../functions/domain/time.js';

const START = '2024-12-20';
/** A date within a few years of START. */
const date = fc.integer({ min: 0, max: 800 }).map((n) => addDays(START, n));
const range = fc.tuple(date, fc.integer({ min: 0, max: 500 })).map(([from, n]) => ({ from, to: addDays(from, n) }));
const periodType = fc.constantFrom<PeriodType>('month', 'quarter', 'year');

describe('periods', () => {
  it('the period of a date contains it and is named by a key that parses back (property)', () => {
    fc.assert(
      fc.property(date, periodType, (d, type) => {
        const r = periodRange(type, periodKeyOf(type, d))!;
        expect(r.from <= d && d <= r.to).toBe(true);
        expect(periodKeyOf(type, r.from)).toBe(periodKeyOf(type, d));
        expect(periodKeyOf(type, addDays(r.to, 1))).not.toBe(periodKeyOf(type, d));
        expect(periodKeyOf(type, addDays(r.from, -1))).not.toBe(periodKeyOf(type, d));
      }),
    );
  });

  it('parses month, quarter and year keys and refuses the rest', () => {
    expect(periodRange('month', '2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('quarter', '2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('year', '2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    for (const [t, k] of [['month', '2026-13'], ['month', '2026-Q1'], ['quarter', '2026-Q5'], ['year', '26'], ['year', '2026-11']] as const) expect(periodRange(t, k)).toBeNull();
  });

  it('a range splits into whole periods and loose days covering every day exactly once, in order (property)', () => {
    fc.assert(
      fc.property(range, (r) => {
        const days = decompose(r).flatMap((p) => (p.type === 'day' ? [p.key] : datesIn(periodRange(p.type, p.key)!)));
        expect(days).toEqual(datesIn(r));
        // Never a loose day where its whole month fits the range.
        for (const p of decompose(r)) {
          if (p.type !== 'day') continue;
          const m = periodRange('month', p.key.slice(0, 7))!;
          expect(m.from >= r.from && m.to <= r.to).toBe(false);
        }
      }),
    );
  });
});

describe('distinct recipients, counted where each is first served', () => {
  it('summed over any day, month, quarter, year or everything, the counts equal the distinct people served (property)', () => {
    const serving = fc.record({ who: fc.integer({ min: 0, max: 6 }), day: fc.integer({ min: 0, max: 120 }) });
    fc.assert(
      fc.property(fc.array(serving, { maxLength: 60 }), (raw) => {
        const servings = [...raw].sort((a, b) => a.day - b.day).map((s) => ({ who: s.who, date: addDays('2026-10-20', s.day) }));
        const state = new Map<number, ServedState>();
        const perDay = new Map<string, ImpactCounts>();
        for (const s of servings) {
          const was = state.get(s.who) ?? { servedDay: null, servedMonth: null, servedProvider: null };
          perDay.set(s.date, addCounts(perDay.get(s.date) ?? zeroCounts(), redemptionDelta('meal', 2500, noveltyOf(was, s.date))));
          state.set(s.who, { servedDay: s.date, servedMonth: s.date.slice(0, 7), servedProvider: null });
        }
        const distinct = (pred: (d: string) => boolean) => new Set(servings.filter((s) => pred(s.date)).map((s) => s.who)).size;
        const total = (pred: (d: string) => boolean) => [...perDay].filter(([d]) => pred(d)).reduce((a, [, c]) => addCounts(a, c), zeroCounts());
        for (const d of perDay.keys()) expect(total((x) => x === d).recipients).toBe(distinct((x) => x === d));
        for (const m of ['2026-10', '2026-11', '2026-12', '2027-01']) expect(total((x) => x.startsWith(m)).recipientsNewInMonth).toBe(distinct((x) => x.startsWith(m)));
        // A quarter or year, and any stretch from its first day (the year to date), likewise.
        for (const [q, from] of [['2026-Q4', '2026-10-01'], ['2027-Q1', '2027-01-01']] as const) {
          for (const to of [periodRange('quarter', q)!.to, ...perDay.keys()].filter((d) => d >= from && d <= periodRange('quarter', q)!.to)) {
            expect(total((x) => x >= from && x <= to).recipientsNewInQuarter).toBe(distinct((x) => x >= from && x <= to));
          }
        }
        for (const y of ['2026', '2027']) {
          for (const to of [...perDay.keys(), `${y}-12-31`].filter((d) => d.startsWith(y))) {
            expect(total((x) => x >= `${y}-01-01` && x <= to).recipientsNewInYear).toBe(distinct((x) => x >= `${y}-01-01` && x <= to));
          }
        }
        expect(total(() => true).recipientsNewEver).toBe(distinct(() => true));
        expect(total(() => true).meals).toBe(servings.length);
      }),
    );
  });
});

describe('rolled-up figures', () => {
  it('read with the raw days after the finished mark, they add up to every day exactly once, even when a roll-up stopped half-way (property)', () => {
    const dayCounts = fc.array(fc.record({ meals: fc.nat(50), walkIns: fc.nat(5) }).map((d) => addCounts(zeroCounts(), d)), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(dayCounts, fc.nat(), fc.boolean(), (days, cut, crashed) => {
        const dates = days.map((_, i) => addDays('2026-11-01', i));
        // The job finished `done` days; with `crashed`, this item also took the next one before the job stopped.
        const done = cut % (days.length + 1);
        const taken = crashed && done < days.length ? done + 1 : done;
        let counts = zeroCounts();
        let last: Partial<ImpactCounts> = {};
        for (let i = 0; i < taken; i++) {
          counts = addCounts(counts, days[i]!);
          last = days[i]!;
        }
        const rolledThrough = done > 0 ? dates[done - 1]! : null;
        const rolled = taken > 0 ? effective({ counts, through: dates[taken - 1]!, last }, rolledThrough) : zeroCounts();
        const raw = days.slice(done).reduce((a, d) => addCounts(a, d), zeroCounts());
        const all = days.reduce((a, d) => addCounts(a, d), zeroCounts());
        expect(addCounts(rolled, raw)).toEqual(all);
      }),
    );
  });
});

describe('the leaderboard', () => {
  const contender = fc.record({
    providerId: fc.stringMatching(/^p_[a-z0-9]{1,6}$/),
    name: fc.constant('店'),
    district: fc.constantFrom('futian', 'meilin'),
    joinedAt: fc.integer({ min: 0, max: 5 }).map((n) => `2026-0${n + 1}-01T00:00:00.000Z`),
    meals: fc.nat(700),
    valueFen: fc.nat(5).map((n) => n * 1000),
    likes: fc.nat(9),
  });
  const uniqueContenders = fc.uniqueArray(contender, { selector: (c) => c.providerId, maxLength: 30 });

  it('ranks 1…n by meals, then value, then earliest join; badges at 100 and 500; input order never matters (property)', () => {
    fc.assert(
      fc.property(uniqueContenders, fc.infiniteStream(fc.nat()), (cs: Contender[], shuffle) => {
        const ranked = rankLeaderboard(cs, config.badges);
        expect(ranked.map((e) => e.rank)).toEqual(ranked.map((_, i) => i + 1));
        expect(ranked.length).toBe(cs.filter((c) => c.meals > 0).length);
        const joined = new Map(cs.map((c) => [c.providerId, c.joinedAt]));
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          const before = a.meals > b.meals || (a.meals === b.meals && (a.valueFen > b.valueFen || (a.valueFen === b.valueFen && joined.get(a.providerId)! <= joined.get(b.providerId)!)));
          expect(before).toBe(true);
        }
        for (const e of ranked) expect(e.badge).toBe(e.meals >= 500 ? 'gold' : e.meals >= 100 ? 'caring' : null);
        const it = shuffle[Symbol.iterator]();
        const shuffled = [...cs].sort(() => (it.next().value as number) % 3 - 1);
        expect(rankLeaderboard(shuffled, config.badges)).toEqual(ranked);
      }),
    );
  });

  it('a tie on meals, value and joining instant goes to the smaller id in byte order, not in locale order', () => {
    const tied = (providerId: string): Contender => ({ providerId, name: '店', district: 'futian', joinedAt: '2026-01-01T00:00:00.000Z', meals: 5, valueFen: 5000, likes: 0 });
    // localeCompare puts a before B and skips punctuation; bytes put B (0x42) before a (0x61), and - (0x2d) before _ (0x5f).
    expect(rankLeaderboard([tied('p_a'), tied('p_B')], config.badges).map((e) => e.providerId)).toEqual(['p_B', 'p_a']);
    expect(rankLeaderboard([tied('p__x'), tied('p_-y')], config.badges).map((e) => e.providerId)).toEqual(['p_-y', 'p__x']);
  });

  it('a period is closed only once its last day is rolled up, and the roll-up waits out the redemption grace', () => {
    expect(periodClosed('2026-11-30', null)).toBe(false);
    expect(periodClosed('2026-11-30', '2026-11-29')).toBe(false);
    expect(periodClosed('2026-11-30', '2026-11-30')).toBe(true);
    // A window may end at 23:59 and be redeemed for graceMinutes after: the roll-up must not close the day before that.
    expect(config.impact.rollUpAfterMinutes).toBeGreaterThanOrEqual(config.redemption.graceMinutes);
  });

  it('badge thresholds are inclusive', () => {
    expect([99, 100, 499, 500].map((m) => badgeFor(m, config.badges))).toEqual([null, 'caring', 'caring', 'gold']);
  });
});
