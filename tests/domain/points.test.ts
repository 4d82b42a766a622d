import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceOf, holdMatured, holdUntil, isReversible, maturedHolds, reversalPoints, type PointsState } from '../../functions/domain/points.js';

const T0 = Date.parse('2026-11-01T00:00:00.000Z');
/** An instant within a month of T0, to the minute, spelled as the store spells them. */
const instant = fc.integer({ min: 0, max: 31 * 24 * 60 }).map((m) => new Date(T0 + m * 60_000).toISOString());
const holds = fc.uniqueArray(fc.record({ at: instant, points: fc.integer({ min: 1, max: 500 }) }), { selector: (h) => h.at, maxLength: 20 });
const state = fc.record({ available: fc.nat(10_000), holds, frozenSince: fc.option(instant, { nil: null }) });

describe('when a held credit matures', () => {
  it('at its availableAt, not a millisecond before', () => {
    expect(holdMatured('2026-12-07T04:00:00.000Z', '2026-12-07T03:59:59.999Z', null)).toBe(false);
    expect(holdMatured('2026-12-07T04:00:00.000Z', '2026-12-07T04:00:00.000Z', null)).toBe(true);
  });

  it('never while an integrity flag freezes it: a credit due after the flag waits for the clear, however late', () => {
    const flaggedAt = '2026-12-05T16:40:00.000Z';
    expect(holdMatured('2026-12-07T04:00:00.000Z', '2027-06-01T00:00:00.000Z', flaggedAt)).toBe(false);
    // Cleared: it matures at once, being overdue.
    expect(holdMatured('2026-12-07T04:00:00.000Z', '2027-06-01T00:00:00.000Z', null)).toBe(true);
  });

  it('a credit that had matured before the flag stays spendable: nobody doubted it then', () => {
    expect(holdMatured('2026-12-05T16:00:00.000Z', '2026-12-06T00:00:00.000Z', '2026-12-05T16:40:00.000Z')).toBe(true);
    expect(holdMatured('2026-12-05T16:40:00.000Z', '2026-12-06T00:00:00.000Z', '2026-12-05T16:40:00.000Z')).toBe(true);
  });

  it('holdUntil: holdDays later, rounded up to the hour', () => {
    expect(holdUntil(new Date('2026-11-30T03:40:00.000Z'), 7)).toBe('2026-12-07T04:00:00.000Z');
    expect(holdUntil(new Date('2026-11-30T04:00:00.000Z'), 7)).toBe('2026-12-07T04:00:00.000Z');
  });
});

describe('the balance (properties)', () => {
  it('spendable plus held is always everything the item holds, whatever the time and freeze', () => {
    fc.assert(
      fc.property(state, instant, (s: PointsState, now) => {
        const b = balanceOf(s, now);
        expect(b.available + b.pending).toBe(s.available + s.holds.reduce((n, h) => n + h.points, 0));
        expect(b.available - s.available).toBe(maturedHolds(s, now).reduce((n, h) => n + h.points, 0));
      }),
    );
  });

  it('time only ever matures more; a freeze only ever holds more; a clear only ever releases', () => {
    fc.assert(
      fc.property(state, instant, instant, (s, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(balanceOf(s, late).available).toBeGreaterThanOrEqual(balanceOf(s, early).available);
        const free = { ...s, frozenSince: null };
        expect(balanceOf(free, late).available).toBeGreaterThanOrEqual(balanceOf(s, late).available);
      }),
    );
  });

  it('while frozen, nothing due after the freeze is spendable at any later time', () => {
    fc.assert(
      fc.property(holds, instant, instant, (hs, since, now) => {
        for (const h of maturedHolds({ available: 0, holds: hs, frozenSince: since }, now)) expect(h.at <= since && h.at <= now).toBe(true);
      }),
    );
  });
});

describe('partial reversals', () => {
  it('take what is asked, or all that is left; never more than is left, and never nothing', () => {
    expect(reversalPoints(100, 0)).toBe(100);
    expect(reversalPoints(100, 30)).toBe(70);
    expect(reversalPoints(100, 30, 70)).toBe(70);
    expect(reversalPoints(100, 30, 71)).toBeNull();
    expect(reversalPoints(100, 100)).toBeNull();
    expect(reversalPoints(100, 0, 0)).toBeNull();
  });

  it('however a credit is taken back in parts, the parts never add up to more than the credit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(fc.option(fc.integer({ min: -5, max: 12_000 }), { nil: undefined }), { maxLength: 30 }), (credit, asks) => {
        let reversed = 0;
        for (const asked of asks) {
          const take = reversalPoints(credit, reversed, asked);
          if (take === null) continue;
          expect(take).toBeGreaterThan(0);
          reversed += take;
        }
        expect(reversed).toBeLessThanOrEqual(credit);
      }),
    );
  });

  it('only a meal’s or an adjustment’s credit is reversible', () => {
    expect(isReversible({ points: 5, reason: 'meal_redeemed' })).toBe(true);
    expect(isReversible({ points: 5, reason: 'adjustment' })).toBe(true);
    expect(isReversible({ points: -5, reason: 'adjustment' })).toBe(false);
    expect(isReversible({ points: 5, reason: 'exchange_refund' })).toBe(false);
  });
});
