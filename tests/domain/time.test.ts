import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localMoment, minutesOf } from '../../functions/domain/time.js';

const TZ = 'Asia/Shanghai';

describe('local time in Asia/Shanghai', () => {
  it('turns the day over at midnight Shanghai time, not UTC', () => {
    expect(localMoment(new Date('2026-11-28T15:59:00Z'), TZ)).toEqual({ date: '2026-11-28', time: '23:59', minutes: 1439, weekday: 6 });
    expect(localMoment(new Date('2026-11-28T16:00:00Z'), TZ)).toEqual({ date: '2026-11-29', time: '00:00', minutes: 0, weekday: 7 });
    expect(localMoment(new Date('2026-11-30T03:30:00Z'), TZ)).toMatchObject({ date: '2026-11-30', time: '11:30', weekday: 1 });
  });

  it('agrees with Intl for any instant (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        const m = localMoment(d, TZ);
        expect(m.date).toBe(new Intl.DateTimeFormat('sv-SE', { timeZone: TZ }).format(d));
        expect(m.minutes).toBe(minutesOf(m.time));
        expect(m.minutes).toBeGreaterThanOrEqual(0);
        expect(m.minutes).toBeLessThan(1440);
        expect(m.weekday).toBeGreaterThanOrEqual(1);
        expect(m.weekday).toBeLessThanOrEqual(7);
      }),
    );
  });

  it('addDays and daysBetween are inverse (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), fc.integer({ min: -400, max: 400 }), (d, n) => {
        const date = d.toISOString().slice(0, 10);
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });
});
