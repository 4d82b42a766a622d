import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { offering, providerWithOffering, recipient } from '../support/people.js';

// Issue 8, observation 1: cancelling at 19:29 returned the claim, so holding a meal all day cost
// nothing. Once the window has opened, a cancel gives the meal back but counts as a no-show
// (the claim stays used); before it opens, a cancel is free as before.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
});
afterAll(() => app.stop());

const at = (date: string, time: string) => app.setClock(`${date}T${time}:00+08:00`);
const dinner = [{ id: 'dinner', start: '17:00', end: '19:30' }];

describe('a late cancel', () => {
  it('at 19:29 for a 17:00–19:30 window gives the meal back but keeps the claim used and counts a no-show', async () => {
    await at('2026-11-30', '09:00');
    const place = await providerWithOffering(app, '晚餐店', 3);
    await app.api.putOffering({ token: await app.adminToken(), params: { id: place.providerId, offeringId: place.offeringId }, body: offering(3, dinner) });
    const remaining = async () => (await app.api.getProvider({ params: { id: place.providerId } })).provider.offerings[0]!.remaining;
    const book = (token: string) => app.api.createBooking.reply({ token, body: { offeringId: place.offeringId, windowId: 'dinner' } });

    // In time (before 17:00): free, as before.
    const early = await recipient(app);
    const e = (await book(early)).body!.booking;
    await at('2026-11-30', '16:59');
    const freeCancel = await app.api.cancelBooking({ token: early, params: { id: e.id } });
    expect(freeCancel.booking).toMatchObject({ status: 'CANCELLED', cancelReason: 'in_time' });
    expect((await app.api.getMe({ token: early })).user).toMatchObject({ freeClaimsLeft: 3, claimsToday: 0 });

    // Held all afternoon, cancelled a minute before the window ends.
    const holder = await recipient(app);
    const h = (await book(holder)).body!.booking;
    expect(await remaining()).toBe(2);
    await at('2026-11-30', '19:29');
    const late = await app.api.cancelBooking({ token: holder, params: { id: h.id } });
    expect(late.booking).toMatchObject({ status: 'CANCELLED', cancelReason: 'late', voucher: null, code: null });
    expect(await remaining()).toBe(3);
    expect((await app.api.getMe({ token: holder })).user).toMatchObject({ freeClaimsLeft: 2, claimsToday: 1 });
    const again = await book(holder);
    expect(again.error?.code).toBe('DAILY_LIMIT_REACHED');
    expect((await app.api.getBooking({ token: holder, params: { id: h.id } })).booking.cancelReason).toBe('late');
  });

  it('three late cancels within 30 days suspend booking like three no-shows', async () => {
    await at('2026-12-01', '09:00');
    const place = await providerWithOffering(app, '迟取消店', 5);
    const token = await recipient(app);
    const days = ['2026-12-01', '2026-12-02', '2026-12-03'];
    for (const day of days) {
      await at(day, '11:00');
      const b = await app.api.createBooking({ token, body: { offeringId: place.offeringId, windowId: 'lunch' } });
      await at(day, '11:30');
      expect((await app.api.cancelBooking({ token, params: { id: b.booking.id } })).booking.cancelReason).toBe('late');
    }
    // Three free claims used by three late cancels, and booking paused a week after the last.
    const me = (await app.api.getMe({ token })).user;
    expect(me).toMatchObject({ freeClaimsLeft: 0, suspendedUntil: '2026-12-10' });
    await at('2026-12-04', '11:00');
    const refused = await app.api.createBooking.reply({ token, body: { offeringId: place.offeringId, windowId: 'lunch' } });
    expect(refused.status).toBe(403);
    expect(refused.error?.code).toBe('SUSPENDED');
  });
});

describe('suspending a provider', () => {
  it('cancels its live bookings without counting them, and stops redemption and handouts', async () => {
    await at('2026-12-07', '11:00');
    const place = await providerWithOffering(app, '停业整顿店', 5);
    const elsewhere = await providerWithOffering(app, '隔壁店', 5);
    const admin = await app.adminToken();
    const people = await Promise.all([recipient(app), recipient(app), recipient(app)]);
    const bookings = [];
    for (const token of people) bookings.push((await app.api.createBooking({ token, body: { offeringId: place.offeringId, windowId: 'lunch' } })).booking);
    await at('2026-12-07', '11:40');
    await app.api.redeem({ token: place.staffToken, body: { voucher: bookings[0]!.voucher! } });

    await at('2026-12-07', '11:45');
    await app.api.suspendProvider({ token: admin, params: { id: place.providerId }, body: { reason: '食品安全检查' } });

    // The two still live are cancelled, not the recipients' fault: claim back, no no-show.
    for (const [i, token] of people.entries()) {
      const b = (await app.api.getBooking({ token, params: { id: bookings[i]!.id } })).booking;
      if (i === 0) {
        expect(b.status).toBe('REDEEMED');
        continue;
      }
      expect(b).toMatchObject({ status: 'CANCELLED', cancelReason: 'provider_suspended', voucher: null });
      expect((await app.api.getMe({ token })).user).toMatchObject({ freeClaimsLeft: 3, claimsToday: 0, suspendedUntil: null });
      // Free to eat elsewhere today.
      expect((await app.api.createBooking.reply({ token, body: { offeringId: elsewhere.offeringId, windowId: 'lunch' } })).status).toBe(201);
    }
    const today = await app.api.staffToday({ token: place.staffToken });
    expect(today.slots[0]).toMatchObject({ booked: 0, redeemed: 1 });

    // Its staff may read, but not redeem or hand out.
    const redeem = await app.api.redeem.reply({ token: place.staffToken, body: { voucher: bookings[1]!.voucher! } });
    expect(redeem.status).toBe(403);
    expect(redeem.error?.code).toBe('PROVIDER_UNAVAILABLE');
    const handout = await app.api.staffWalkIn.reply({ token: place.staffToken, body: { offeringId: place.offeringId, count: 1 } });
    expect(handout.error?.code).toBe('PROVIDER_UNAVAILABLE');

    // Later, the no-show job counts only the meals booked elsewhere and not picked up: the
    // suspended provider's bookings are no longer live, so nobody is charged for them.
    await at('2026-12-07', '14:00');
    const expiry = (await app.call<{ expired: number }>('POST', '/__test__/jobs/expire-bookings')).body;
    expect(expiry.expired).toBe(2);
    for (const i of [1, 2]) expect((await app.api.getBooking({ token: people[i]!, params: { id: bookings[i]!.id } })).booking.status).toBe('CANCELLED');
  });
  it('a booking that slipped past the suspension (another process, within its listing cache) is cancelled by the no-show job, not counted', async () => {
    await at('2026-12-08', '11:00');
    const place = await providerWithOffering(app, '缓存漏网店', 5);
    const { config } = await import('../../functions/config.js');
    // A second process on the same table whose catalogue still says ACTIVE (a long TTL makes the
    // few seconds of the real cache certain here).
    const twin = await startTestApp({ seed: false, tableName: app.tableName, config: { ...config, cache: { ...config.cache, listingTtlMs: 600_000 } } });
    try {
      await twin.setClock('2026-12-08T11:00:00+08:00');
      const token = await recipient(twin);
      // A booking for a window the offering does not have reads the provider into the twin's cache.
      expect((await twin.api.createBooking.reply({ token, body: { offeringId: place.offeringId, windowId: 'breakfast' } })).status).toBeGreaterThanOrEqual(400);
      await app.api.suspendProvider({ token: await app.adminToken(), params: { id: place.providerId }, body: { reason: '食品安全检查' } });
      const slipped = (await twin.api.createBooking({ token, body: { offeringId: place.offeringId, windowId: 'lunch' } })).booking;
      expect(slipped.status).toBe('BOOKED');

      // After the window, the job cancels it as the suspension would have: claim back, no no-show.
      await at('2026-12-08', '14:00');
      const run = (await app.call<{ expired: number; cancelled: number }>('POST', '/__test__/jobs/expire-bookings')).body;
      expect(run).toMatchObject({ expired: 0, cancelled: 1 });
      expect((await twin.api.getBooking({ token, params: { id: slipped.id } })).booking).toMatchObject({ status: 'CANCELLED', cancelReason: 'provider_suspended' });
      await twin.setClock('2026-12-08T14:00:00+08:00');
      expect((await twin.api.getMe({ token })).user).toMatchObject({ freeClaimsLeft: 3, suspendedUntil: null });
    } finally {
      await twin.stop();
    }
  });

  it('a booking whose pickup closed at 13:45:00 is a no-show whether the suspension or the no-show job comes first', async () => {
    const outcome = async (date: string, suspendFirst: boolean) => {
      await at(date, '11:00');
      const place = await providerWithOffering(app, `先后${date}`, 5);
      const token = await recipient(app);
      const b = (await app.api.createBooking({ token, body: { offeringId: place.offeringId, windowId: 'lunch' } })).booking;
      // The lunch window ends 13:30; with the 15 minutes' grace the pickup closes at 13:45:00.
      await at(date, '13:45');
      const suspend = async () => void (await app.api.suspendProvider({ token: await app.adminToken(), params: { id: place.providerId }, body: { reason: '食品安全检查' } }));
      const expire = async () => void (await app.call('POST', '/__test__/jobs/expire-bookings'));
      for (const step of suspendFirst ? [suspend, expire] : [expire, suspend]) await step();
      const me = (await app.api.getMe({ token })).user;
      return { status: (await app.api.getBooking({ token, params: { id: b.id } })).booking.status, freeClaimsLeft: me.freeClaimsLeft };
    };
    const jobFirst = await outcome('2026-12-09', false);
    const suspensionFirst = await outcome('2026-12-10', true);
    expect(jobFirst).toEqual({ status: 'EXPIRED', freeClaimsLeft: 2 });
    expect(suspensionFirst).toEqual(jobFirst);
  });
});
