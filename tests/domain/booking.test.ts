import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import {
  openWindow,
  decideBooking,
  decideCancel,
  decideRedemption,
  expiresAtLocal,
  isVerified,
  pickupClosed,
  pickupPeriod,
  pointsFor,
  recipientRefusal,
  redemptionDates,
  suspensionAfterNoShow,
  verifiedThrough,
  type RecipientLimitsState,
} from '../../functions/domain/booking.js';
import { addDays, minutesOf, type LocalMoment } from '../../functions/domain/time.js';

const at = (date: string, time: string, weekday = 1): LocalMoment => ({ date, time, minutes: minutesOf(time), weekday });
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const lunch = { id: 'lunch', start: '11:30', end: '13:30' };
const provider = { status: 'ACTIVE' as const, businessLicence: { number: 'b', expiresOn: '2027-01-01' }, hygienePermit: { number: 'h', expiresOn: '2027-01-01' } };
const offering = { active: true, weekdays: [1, 2, 3, 4, 5], windows: [lunch, { id: 'dinner', start: '17:30', end: '19:30' }], dailyQuota: 10 };
const fresh: RecipientLimitsState = { liveBooking: null, claims: 0, verifiedUntil: null, suspendedUntil: null, daily: {}, monthly: {} };

describe('deciding a booking', () => {
  it('given an open provider and offering, books any window until it ends (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), (m) => {
        const d = decideBooking(provider, offering, 'lunch', at('2026-11-30', hhmm(m)));
        expect(d.ok).toBe(m < minutesOf('13:30'));
        if (!d.ok) expect(d.code).toBe('BOOKING_CLOSED');
      }),
    );
  });

  it('refuses closed providers, days off, unknown windows and a zero quota', () => {
    const now = at('2026-11-30', '11:00');
    expect(decideBooking({ ...provider, status: 'SUSPENDED' }, offering, 'lunch', now)).toMatchObject({ ok: false, code: 'PROVIDER_UNAVAILABLE' });
    expect(decideBooking({ ...provider, hygienePermit: { number: 'h', expiresOn: '2026-11-29' } }, offering, 'lunch', now)).toMatchObject({ ok: false, code: 'PROVIDER_UNAVAILABLE' });
    expect(decideBooking(provider, offering, 'lunch', at('2026-12-05', '11:00', 6))).toMatchObject({ ok: false, code: 'BOOKING_CLOSED' });
    expect(decideBooking(provider, offering, 'brunch', now)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(decideBooking(provider, { ...offering, dailyQuota: 0 }, 'lunch', now)).toMatchObject({ ok: false, code: 'QUOTA_EXHAUSTED' });
  });

  it('walk-ins take the window whose pickup period is open now, and none between windows', () => {
    const { windows } = offering;
    expect(windows.map((w) => `${w.id} ${w.start}–${w.end}`)).toEqual(['lunch 11:30–13:30', 'dinner 17:30–19:30']);
    expect(openWindow(windows, at('2026-11-30', '12:00'), 15)?.id).toBe('lunch');
    expect(openWindow(windows, at('2026-11-30', '11:15'), 15)?.id).toBe('lunch');
    expect(openWindow(windows, at('2026-11-30', '11:14'), 15)).toBeNull();
    expect(openWindow(windows, at('2026-11-30', '13:30'), 15)).toBeNull();
    expect(openWindow(windows, at('2026-11-30', '14:00'), 15)).toBeNull();
    expect(openWindow(windows, at('2026-11-30', '17:15'), 15)?.id).toBe('dinner');
    expect(openWindow(windows, at('2026-11-30', '19:30'), 15)).toBeNull();
  });
});

describe("the recipient's limits", () => {
  it('three free claims, then verification; verified recipients one a day and twenty a month', () => {
    const today = '2026-11-30';
    expect(recipientRefusal(fresh, today, config)).toBeNull();
    expect(recipientRefusal({ ...fresh, claims: 3 }, today, config)).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
    expect(recipientRefusal({ ...fresh, claims: 3, verifiedUntil: today }, today, config)).toBeNull();
    expect(recipientRefusal({ ...fresh, claims: 3, verifiedUntil: '2026-11-29' }, today, config)).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
    expect(recipientRefusal({ ...fresh, daily: { [today]: 1 } }, today, config)).toMatchObject({ code: 'DAILY_LIMIT_REACHED' });
    expect(recipientRefusal({ ...fresh, daily: { '2026-11-29': 1 } }, today, config)).toBeNull();
    expect(recipientRefusal({ ...fresh, claims: 40, verifiedUntil: '2027-01-01', monthly: { '2026-11': 20 } }, today, config)).toMatchObject({ code: 'DAILY_LIMIT_REACHED' });
    expect(recipientRefusal({ ...fresh, liveBooking: 'b_1' }, today, config)).toMatchObject({ code: 'ACTIVE_BOOKING_EXISTS' });
    expect(recipientRefusal({ ...fresh, suspendedUntil: today }, today, config)).toMatchObject({ code: 'SUSPENDED' });
    expect(recipientRefusal({ ...fresh, suspendedUntil: '2026-11-29' }, today, config)).toBeNull();
  });

  it('any refusal names exactly one contract code, and a fresh recipient is never refused (property)', () => {
    const state = fc.record({
      liveBooking: fc.option(fc.constant('b_x'), { nil: null }),
      claims: fc.nat(50),
      verifiedUntil: fc.option(fc.constantFrom('2026-11-29', '2026-11-30', '2027-02-01'), { nil: null }),
      suspendedUntil: fc.option(fc.constantFrom('2026-11-29', '2026-11-30', '2026-12-05'), { nil: null }),
      daily: fc.dictionary(fc.constantFrom('2026-11-29', '2026-11-30'), fc.nat(2)),
      monthly: fc.dictionary(fc.constantFrom('2026-10', '2026-11'), fc.nat(25)),
    });
    fc.assert(
      fc.property(state, (s) => {
        const r = recipientRefusal(s, '2026-11-30', config);
        const mayClaim =
          s.liveBooking === null &&
          !(s.suspendedUntil !== null && s.suspendedUntil >= '2026-11-30') &&
          (s.daily['2026-11-30'] ?? 0) < 1 &&
          (s.monthly['2026-11'] ?? 0) < 20 &&
          (s.claims < 3 || (s.verifiedUntil !== null && s.verifiedUntil >= '2026-11-30'));
        expect(r === null).toBe(mayClaim);
      }),
    );
  });

  it('three no-shows within 30 days suspend for 7 days; older ones do not count', () => {
    expect(suspensionAfterNoShow(['2026-11-01', '2026-11-15', '2026-11-30'], '2026-11-30', config)).toBe('2026-12-07');
    expect(suspensionAfterNoShow(['2026-10-31', '2026-11-15', '2026-11-30'], '2026-11-30', config)).toBeNull();
    expect(suspensionAfterNoShow(['2026-11-30', '2026-11-30'], '2026-11-30', config)).toBeNull();
    // Judged by the no-show's own date: a late window on the 30th that the job expires on the 31st.
    expect(suspensionAfterNoShow(['2026-12-01', '2026-12-15', '2026-12-30'], '2026-12-30', config)).toBe('2027-01-06');
  });

  it('approval lasting 90 days is valid on the decision day and the 89 after, not the 90th (property)', () => {
    expect(verifiedThrough('2026-12-04', 90)).toBe('2027-03-03');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: -5, max: 500 }), (d, days, k) => {
        const decided = addDays('2025-01-01', d);
        expect(isVerified({ verifiedUntil: verifiedThrough(decided, days) }, addDays(decided, k))).toBe(k < days);
      }),
    );
  });
});

describe('redemption and cancel', () => {
  const booked = { providerId: 'p1', date: '2026-11-30', window: lunch, status: 'BOOKED' as const };

  it('redeems from 15 minutes before the window until 15 after, only for the own provider and day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), (m) => {
        const d = decideRedemption(booked, 'p1', at('2026-11-30', hhmm(m)), 15);
        expect(d.ok).toBe(m >= minutesOf('11:15') && m < minutesOf('13:45'));
      }),
    );
    expect(decideRedemption(booked, 'p2', at('2026-11-30', '12:00'), 15)).toMatchObject({ code: 'INVALID_VOUCHER' });
    expect(decideRedemption(booked, 'p1', at('2026-12-01', '12:00'), 15)).toMatchObject({ code: 'NOT_REDEEMABLE' });
    expect(decideRedemption({ ...booked, status: 'REDEEMED' }, 'p1', at('2026-11-30', '12:00'), 15)).toMatchObject({ code: 'ALREADY_REDEEMED' });
    expect(decideRedemption({ ...booked, status: 'EXPIRED' }, 'p1', at('2026-11-30', '12:00'), 15)).toMatchObject({ code: 'NOT_REDEEMABLE' });
  });

  it('a cancelled or expired booking names its status to its own provider on its day, and nothing on another day', () => {
    for (const status of ['CANCELLED', 'EXPIRED'] as const) {
      expect(decideRedemption({ ...booked, status }, 'p1', at('2026-11-30', '12:00'), 15)).toEqual({ ok: false, code: 'NOT_REDEEMABLE', message: `this booking is ${status.toLowerCase()}`, details: { status } });
      const nextDay = decideRedemption({ ...booked, status }, 'p1', at('2026-12-01', '12:00'), 15);
      expect(nextDay).toMatchObject({ ok: false, code: 'NOT_REDEEMABLE' });
      expect(nextDay).not.toHaveProperty('details');
      expect(decideRedemption({ ...booked, status }, 'p2', at('2026-11-30', '12:00'), 15)).toEqual({ ok: false, code: 'INVALID_VOUCHER', message: 'this voucher or code is not valid' });
    }
    expect(decideRedemption({ ...booked, status: 'REDEEMED' }, 'p1', at('2026-12-01', '12:00'), 15)).toMatchObject({ code: 'NOT_REDEEMABLE' });
  });

  it('a late window’s grace runs past midnight on the next calendar day', () => {
    const late = { ...booked, window: { id: 'late', start: '23:00', end: '23:50' } };
    expect(decideRedemption(late, 'p1', at('2026-12-01', '00:04', 2), 15).ok).toBe(true);
    expect(decideRedemption(late, 'p1', at('2026-12-01', '00:05', 2), 15)).toMatchObject({ code: 'NOT_REDEEMABLE', message: 'too late: pickup closed at 23:50' });
    expect(pickupPeriod('2026-11-30', late.window, 15)).toEqual({ opens: '2026-11-30T22:45', closes: '2026-12-01T00:05' });
    expect(redemptionDates(at('2026-12-01', '00:04'), 15)).toEqual(['2026-12-01', '2026-11-30']);
    expect(redemptionDates(at('2026-12-01', '00:15'), 15)).toEqual(['2026-12-01']);
  });

  /** Any window within a day, any grace up to an hour, any moment on its day or the next. */
  const scenario = fc
    .record({
      start: fc.integer({ min: 0, max: 1438 }),
      length: fc.integer({ min: 1, max: 1439 }),
      grace: fc.integer({ min: 0, max: 60 }),
      nextDay: fc.boolean(),
      minute: fc.integer({ min: 0, max: 1439 }),
    })
    .map(({ start, length, grace, nextDay, minute }) => ({
      b: { ...booked, window: { id: 'w', start: hhmm(start), end: hhmm(Math.min(1439, start + length)) } },
      grace,
      now: at(nextDay ? '2026-12-01' : '2026-11-30', hhmm(minute), nextDay ? 2 : 1),
    }));

  it('one boundary: once the window has opened, a booking is redeemable exactly until the expiry job may expire it (property)', () => {
    fc.assert(
      fc.property(scenario, ({ b, grace, now }) => {
        const stamp = `${now.date}T${now.time}`;
        if (stamp < pickupPeriod(b.date, b.window, grace).opens) return;
        expect(decideRedemption(b, 'p1', now, grace).ok).toBe(!pickupClosed(b, now, grace));
        expect(pickupClosed(b, now, grace)).toBe(stamp >= expiresAtLocal(b.date, b.window, grace));
      }),
    );
  });

  it('the counter looks up every date whose codes can still be redeemed (property)', () => {
    fc.assert(
      fc.property(scenario, ({ b, grace, now }) => {
        if (decideRedemption(b, 'p1', now, grace).ok) expect(redemptionDates(now, grace)).toContain(b.date);
      }),
    );
  });

  it('cancels until the window ends', () => {
    expect(decideCancel(booked, at('2026-11-30', '13:29')).ok).toBe(true);
    expect(decideCancel(booked, at('2026-11-30', '13:30'))).toMatchObject({ code: 'BOOKING_CLOSED' });
    expect(decideCancel({ ...booked, status: 'CANCELLED' }, at('2026-11-30', '12:00'))).toMatchObject({ code: 'CONFLICT' });
  });

  it('a late window expires after midnight on the next day; points are whole yuan', () => {
    expect(expiresAtLocal('2026-11-30', { id: 'late', start: '22:00', end: '23:50' }, 15)).toBe('2026-12-01T00:05');
    expect(expiresAtLocal('2026-11-30', lunch, 15)).toBe('2026-11-30T13:45');
    fc.assert(
      fc.property(fc.nat(1_000_000), (fen) => {
        expect(pointsFor(fen)).toBe(Math.floor(fen / 100));
      }),
    );
  });
});
