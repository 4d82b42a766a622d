/**
 * The demo history plays a year out at the reference programme's scale, by the domain's own rules
 * (functions/seed/history.ts); the database side is tests/api/demo-history.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import { personTimes, valueFen } from '../../functions/domain/impact.js';
import { planHistory } from '../../functions/seed/history-seed.js';
import { simulateHistory } from '../../functions/seed/history.js';

const near = (actual: number, target: number, share: number) => expect(Math.abs(actual - target) / target).toBeLessThan(share);

describe('a year of demo history', () => {
  const now = new Date('2026-11-30T11:40:00+08:00');
  const plan = planHistory(now, config.timeZone, 365);
  const h = simulateHistory(plan.providers, plan.from, plan.to);

  it('reproduces the programme: 56 restaurants in 10 sub-districts, ~48,000 meals, ~58,000 person-times, ~1.23 million yuan', () => {
    const restaurants = plan.providers.filter((p) => p.kind === 'meal');
    expect(restaurants).toHaveLength(56);
    expect(new Set(restaurants.map((p) => p.district)).size).toBe(10);
    expect(new Set(h.days.map((d) => d.stamp.providerId)).size).toBe(58);
    near(h.totals.meals, 48_000, 0.02);
    near(personTimes(h.totals), 58_000, 0.02);
    near(valueFen(h.totals) / 100, 1_230_000, 0.02);
  });

  it('counts each person once ever, once a month and once a day, as the redemption does', () => {
    // First servings ever ≤ first of a month ≤ first of a day ≤ servings: the novelty rules hold.
    expect(h.totals.recipientsNewEver).toBe(h.people);
    expect(h.totals.recipientsNewEver).toBeLessThanOrEqual(h.totals.recipientsNewInMonth);
    expect(h.totals.recipientsNewInMonth).toBeLessThanOrEqual(h.totals.recipients);
    // One claim a person a day: first-of-day servings equal the day's redeemed bookings.
    expect(h.totals.recipients).toBe(h.totals.meals + h.totals.blindBoxes);
  });

  it('stays inside each offering: never more than its daily quota, never before a provider joined', () => {
    const byId = new Map(plan.providers.map((p) => [p.providerId, p]));
    for (const d of h.days) {
      const p = byId.get(d.stamp.providerId)!;
      expect(d.date >= p.joinDay).toBe(true);
      expect(personTimes({ ...d.delta } as never)).toBeLessThanOrEqual(p.dailyQuota);
      expect(d.stamp.joinedAt).toBe(p.joinedAt);
    }
    expect(h.days[0]!.date >= plan.from && h.days.at(-1)!.date <= plan.to).toBe(true);
  });

  it('is the same every time for the same dates', () => {
    expect(simulateHistory(plan.providers, plan.from, plan.to).totals).toEqual(h.totals);
  });
});
