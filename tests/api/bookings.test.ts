import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSent } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { recipient, staff } from '../support/people.js';

let app: TestApp;
let futianStaff: string;
let meilinStaff: string;
const OFFERING = 'demo-futian-lunch';

beforeAll(async () => {
  app = await startTestApp({ seed: true });
  await app.setClock('2026-11-30T11:00:00+08:00'); // Monday
  futianStaff = await staff(app, 'staff-futian');
  meilinStaff = await staff(app, 'staff-meilin');
});
afterAll(() => app.stop());

const remaining = async () => (await app.api.getProvider({ params: { id: 'demo-futian' } })).provider.offerings[0]!.remaining;
const book = (token: string, windowId = 'lunch', headers?: Record<string, string>) =>
  app.api.createBooking.reply({ token, body: { offeringId: OFFERING, windowId }, headers });

describe('booking, cancelling and redeeming a meal', () => {
  it('books one tap: 201 with a signed voucher and an 8-digit code; the slot counts it', async () => {
    await app.setClock('2026-11-30T11:00:00+08:00');
    const before = await remaining();
    const token = await recipient(app);
    const r = await book(token);
    expect(r.status).toBe(201);
    expect(r.body?.booking).toMatchObject({ status: 'BOOKED', providerId: 'demo-futian', offeringId: OFFERING, date: '2026-11-30', window: { id: 'lunch', start: '11:30', end: '13:30' } });
    const booking = r.body!.booking;
    expect(booking.voucher).toMatch(/^M1\.b_[\w-]+\.[\w-]{86}$/);
    expect(booking.code).toMatch(/^\d{8}$/);
    expect(await remaining()).toBe(before - 1);
    expect((await app.api.listBookings({ token })).bookings.map((b) => b.id)).toEqual([booking.id]);
    expect((await app.api.getBooking({ token, params: { id: booking.id } })).booking.code).toBe(booking.code);
    // Someone else's booking does not exist for them.
    expect((await app.api.getBooking.reply({ token: await recipient(app), params: { id: booking.id } })).status).toBe(404);
    const me = (await app.api.getMe({ token })).user;
    expect(me).toMatchObject({ freeClaimsLeft: 2, claimsToday: 1, claimsThisMonth: 1 });
    // The profile says before the tap what the next booking would meet, by the booking's own rule.
    expect(me.blocked).toEqual({ code: 'ACTIVE_BOOKING_EXISTS' });
    expect((await book(token)).error?.code).toBe('ACTIVE_BOOKING_EXISTS');

  });

  it('one claim a day: after a meal is picked up, the next booking that day is DAILY_LIMIT_REACHED', async () => {
    await app.setClock('2026-11-30T11:40:00+08:00');
    const token = await recipient(app);
    const nanyuan = { offeringId: 'demo-nanyuan-lunch', windowId: 'lunch' };
    const b = (await app.api.createBooking({ token, body: nanyuan })).booking;
    expect((await app.api.redeem.reply({ token: await staff(app, 'staff-nanyuan'), body: { code: b.code! } })).status).toBe(200);
    // Said before the tap, with the same code and details the refused booking answers.
    expect((await app.api.getMe({ token })).user.blocked).toEqual({ code: 'DAILY_LIMIT_REACHED', details: { limit: 'day' } });
    const again = await app.api.createBooking.reply({ token, body: nanyuan });
    expect(again.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'DAILY_LIMIT_REACHED', details: { limit: 'day' } });
  });

  it('cancel gives the meal back and keeps the free claim', async () => {
    await app.setClock('2026-11-30T11:00:00+08:00');
    const token = await recipient(app);
    const before = await remaining();
    const b = (await book(token)).body!.booking;
    const cancelled = await app.api.cancelBooking.reply({ token, params: { id: b.id } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body?.booking).toMatchObject({ status: 'CANCELLED', voucher: null, code: null });
    expect(await remaining()).toBe(before);
    expect((await app.api.getMe({ token })).user).toMatchObject({ freeClaimsLeft: 3, claimsToday: 0, blocked: null });
    expect((await app.api.cancelBooking.reply({ token, params: { id: b.id } })).status).toBe(409);
    // Cancelled, so today's claim is free again.
    expect((await book(token)).status).toBe(201);
  });

  it('staff redeem by code inside the window, exactly once, and see nothing about the recipient', async () => {
    await app.setClock('2026-11-30T11:00:00+08:00');
    const token = await recipient(app);
    const b = (await book(token)).body!.booking;
    await app.setClock('2026-11-30T11:14:00+08:00');
    const early = await app.api.redeem.reply({ token: futianStaff, body: { code: b.code! } });
    expect(early.status).toBe(409);
    expect(early.error?.code).toBe('NOT_REDEEMABLE');
    await app.setClock('2026-11-30T11:15:00+08:00');
    const pointsBefore = (await app.api.staffPoints({ token: futianStaff })).pending;
    const ok = await app.api.redeem.reply({ token: futianStaff, body: { code: b.code! } });
    expect(ok.status).toBe(200);
    // Exactly this, as sent: parsing would drop a field about the person before the comparison.
    expect(asSent(ok)).toEqual({ redemption: { bookingId: b.id, offering: { id: OFFERING, name: '午餐套餐', kind: 'meal' }, window: b.window, redeemedAt: '2026-11-30T03:15:00.000Z' } });
    expect((await app.api.redeem.reply({ token: futianStaff, body: { voucher: b.voucher! } })).error?.code).toBe('ALREADY_REDEEMED');
    expect((await app.api.getBooking({ token, params: { id: b.id } })).booking).toMatchObject({ status: 'REDEEMED', voucher: null });
    const points = await app.api.staffPoints({ token: futianStaff });
    // 2500 fen → 25 points, held for a week (until the hour after 7 × 24 h) before they can be spent.
    expect(points.pending).toBe(pointsBefore + 25);
    expect(points.entries[0]).toEqual({ id: expect.any(String), points: 25, reason: 'meal_redeemed', ref: b.id, note: null, at: '2026-11-30T03:15:00.000Z', availableAt: '2026-12-07T04:00:00.000Z', reversed: 0 });
    const today = await app.api.staffToday({ token: futianStaff });
    expect(today.slots[0]).toMatchObject({ offeringId: OFFERING, redeemed: expect.any(Number) });
    expect(today.slots[0]!.redeemed).toBeGreaterThanOrEqual(1);
  });

  it('staff of another provider get 404 INVALID_VOUCHER (as for a forged one) and the booking stays BOOKED; their codes do not reach it', async () => {
    await app.setClock('2026-11-30T12:00:00+08:00');
    const token = await recipient(app);
    const b = (await book(token)).body!.booking;
    const other = await app.api.redeem.reply({ token: meilinStaff, body: { voucher: b.voucher! } });
    expect(other.status).toBe(404);
    expect(other.error?.code).toBe('INVALID_VOUCHER');
    expect((await app.api.redeem.reply({ token: meilinStaff, body: { code: b.code! } })).error?.code).toBe('INVALID_VOUCHER');
    expect((await app.api.getBooking({ token, params: { id: b.id } })).booking.status).toBe('BOOKED');
  });

  it('closes booking for a window once it ends; redemption allows 15 minutes after', async () => {
    await app.setClock('2026-11-30T13:00:00+08:00');
    const token = await recipient(app);
    const b = (await book(token)).body!.booking;
    await app.setClock('2026-11-30T13:30:00+08:00');
    expect((await book(await recipient(app))).error?.code).toBe('BOOKING_CLOSED');
    expect((await book(await recipient(app), 'dinner')).status).toBe(201);
    await app.setClock('2026-11-30T13:45:00+08:00');
    expect((await app.api.redeem.reply({ token: futianStaff, body: { code: b.code! } })).error?.code).toBe('NOT_REDEEMABLE');
    await app.setClock('2026-11-30T13:44:59+08:00');
    expect((await app.api.redeem.reply({ token: futianStaff, body: { code: b.code! } })).status).toBe(200);
  });

  it('a voucher from yesterday is not redeemable today, and the daily limit resets at midnight Shanghai', async () => {
    await app.setClock('2026-12-01T17:40:00+08:00');
    const token = await recipient(app);
    const b = (await book(token, 'dinner')).body!.booking;
    await app.setClock('2026-12-01T15:59:00Z'); // 23:59 in Shanghai, still the 1st
    expect((await app.api.getMe({ token })).user.claimsToday).toBe(1);
    await app.setClock('2026-12-01T16:00:00Z'); // midnight: the 2nd
    expect((await app.api.getMe({ token })).user.claimsToday).toBe(0);
    await app.setClock('2026-12-02T11:40:00+08:00');
    const nextDayStaff = await staff(app, 'staff-futian'); // a new shift, a new 12-hour session
    expect((await app.api.redeem.reply({ token: nextDayStaff, body: { voucher: b.voucher! } })).error?.code).toBe('NOT_REDEEMABLE');
  });
});

describe('walk-ins', () => {
  it('says what a poster would claim before the tap: the meal and window open now, else the next window and when it opens', async () => {
    await app.setClock('2026-11-30T12:10:00+08:00');
    const { poster } = await app.api.staffPoster({ token: futianStaff });
    const token = await recipient(app);
    expect(await app.api.previewWalkIn({ token, query: { poster } })).toEqual({
      providerName: '福田老街面馆',
      claim: { offeringName: '午餐套餐', kind: 'meal', window: { start: '11:30', end: '13:30' } },
      next: null,
    });
    // At 15:00 nothing is open: the next window and when the poster opens for it (15 minutes before).
    await app.setClock('2026-11-30T15:00:00+08:00');
    expect(await app.api.previewWalkIn({ token, query: { poster } })).toEqual({ providerName: '福田老街面馆', claim: null, next: { start: '17:30', end: '19:30', opensAt: '17:15' } });
    // And the tap itself books nothing then, rather than the evening's window.
    expect((await app.api.createWalkIn.reply({ token, body: { poster } })).error).toMatchObject({ code: 'BOOKING_CLOSED', details: { reason: 'no_open_window' } });
    expect((await app.api.getMe({ token })).user.claimsToday).toBe(0);
    // A poster that is not one (or an old token) is 404, as the tap's.
    expect((await app.api.previewWalkIn.reply({ token, query: { poster: `${poster.slice(0, -2)}xx` } })).status).toBe(404);
    expect((await app.api.previewWalkIn.reply({ token, query: { poster: '' } })).status).toBe(422);
  });

  it('a recipient scanning the poster gets a booking for the current window; a rotated poster stops working', async () => {
    await app.setClock('2026-11-30T12:10:00+08:00');
    const poster = await app.api.staffPoster({ token: futianStaff });
    expect(poster.poster).toMatch(/^M1W\.demo-futian\./);
    expect(poster.qrSvg).toContain('<svg');
    // When to come, printed on it: the active offerings' windows.
    expect(poster.windows).toEqual([
      { start: '11:30', end: '13:30' },
      { start: '17:30', end: '19:30' },
    ]);
    expect((await app.api.staffPoster({ token: futianStaff })).poster).toBe(poster.poster);
    const walk = await app.api.createWalkIn.reply({ token: await recipient(app), body: { poster: poster.poster } });
    expect(walk.status).toBe(201);
    expect(walk.body?.booking).toMatchObject({ providerId: 'demo-futian', window: { id: 'lunch' }, status: 'BOOKED' });
    const rotated = (await app.api.rotatePoster({ token: futianStaff })).poster;
    expect(rotated).not.toBe(poster.poster);
    expect((await app.api.createWalkIn.reply({ token: await recipient(app), body: { poster: poster.poster } })).status).toBe(404);
    expect((await app.api.createWalkIn.reply({ token: await recipient(app), body: { poster: rotated } })).status).toBe(201);

    // A copied poster books only while a pickup window is open, not from across town for tonight.
    await app.setClock('2026-11-30T14:00:00+08:00');
    const between = await app.api.createWalkIn.reply({ token: await recipient(app), body: { poster: rotated } });
    expect(between.error).toMatchObject({ code: 'BOOKING_CLOSED', details: { reason: 'no_open_window' } });
  });

  it('staff record a no-phone handout from the same slot', async () => {
    await app.setClock('2026-11-30T12:20:00+08:00');
    const before = (await app.api.staffToday({ token: futianStaff })).slots[0];
    const r = await app.api.staffWalkIn.reply({ token: futianStaff, body: { offeringId: OFFERING, count: 2 } });
    expect(r.status).toBe(201);
    expect(r.body?.slot).toMatchObject({ walkIns: before!.walkIns + 2, remaining: before!.remaining - 2 });
    expect((await app.api.staffWalkIn.reply({ token: futianStaff, body: { offeringId: 'demo-meilin-lunch', count: 1 } })).status).toBe(404);
    expect((await app.api.staffWalkIn.reply({ token: futianStaff, body: { offeringId: OFFERING, count: 999 } })).status).toBe(422);
  });
});

describe('idempotency and rate limits', () => {
  it('the same Idempotency-Key returns the first answer and books nothing more', async () => {
    await app.setClock('2026-11-30T12:30:00+08:00');
    const token = await recipient(app);
    const key = { 'idempotency-key': 'key-12345678' };
    const before = await remaining();
    const a = await book(token, 'lunch', key);
    const b = await book(token, 'lunch', key);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    // The same answer as sent, field for field.
    expect(asSent(b)).toEqual(asSent(a));
    expect(await remaining()).toBe(before - 1);
    const other = await app.api.createBooking.reply({ token, body: { offeringId: OFFERING, windowId: 'dinner' }, headers: key });
    expect(other.status).toBe(422);
  });

  it('limits bookings to 5 a minute per recipient (book-and-cancel churn), with Retry-After', async () => {
    // Before the window opens, so each cancel is free (a late one would use up the day's claim).
    await app.setClock('2026-11-30T11:01:10+08:00');
    const token = await recipient(app);
    for (let i = 0; i < 5; i++) {
      const b = await book(token);
      expect(b.status).toBe(201);
      expect((await app.api.cancelBooking.reply({ token, params: { id: b.body!.booking.id } })).status).toBe(200);
    }
    const limited = await book(token);
    expect(limited.status).toBe(429);
    expect(limited.error?.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBe(50);
    // Refused, so nothing was booked; the next minute is a new window.
    expect((await app.api.getMe({ token })).user.claimsToday).toBe(0);
    await app.setClock('2026-11-30T11:02:00+08:00');
    expect((await book(token)).status).toBe(201);
  });

  it('refused attempts use up the 5 a minute too: tapping through refusals is no cheaper than booking', async () => {
    await app.setClock('2026-11-30T11:03:10+08:00');
    const token = await recipient(app);
    const first = await book(token);
    expect(first.status).toBe(201);
    // Four refusals (one live booking at a time), each counted although its transaction was refused.
    for (let i = 0; i < 4; i++) expect((await book(token)).error?.code).toBe('ACTIVE_BOOKING_EXISTS');
    expect((await app.api.cancelBooking.reply({ token, params: { id: first.body!.booking.id } })).status).toBe(200);
    const sixth = await book(token);
    expect(sixth.status).toBe(429);
    expect(sixth.error?.code).toBe('RATE_LIMITED');
    // A replay of an earlier answer is not a new attempt.
    await app.setClock('2026-11-30T11:04:10+08:00');
    const key = { 'idempotency-key': 'key-refused-1' };
    expect((await book(token, 'lunch', key)).status).toBe(201);
    for (let i = 0; i < 6; i++) expect((await book(token, 'lunch', key)).status).toBe(201);
  });

  it('throttles wrong codes: 10 failures per staff member per hour, then 429', async () => {
    await app.setClock('2026-11-30T12:40:00+08:00');
    const s = await staff(app, 'staff-shatou');
    for (let i = 0; i < 10; i++) {
      expect((await app.api.redeem.reply({ token: s, body: { code: String(10000000 + i) } })).error?.code).toBe('INVALID_VOUCHER');
    }
    const r = await app.api.redeem.reply({ token: s, body: { code: '99999999' } });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBeTruthy();
  });
});

describe('vouchers checked offline, and providers that stop taking bookings', () => {
  it('a voucher verifies offline with the published public key, and only for its provider and day', async () => {
    await app.setClock('2026-11-30T12:45:00+08:00');
    const b = (await book(await recipient(app))).body!.booking;
    const key = await app.api.voucherKey({ token: futianStaff });
    expect(key.algorithm).toBe('Ed25519');
    const { createPublicKey, verify } = await import('node:crypto');
    const publicKey = createPublicKey(key.publicKey);
    const [, id, sig] = b.voucher!.split('.');
    const check = (providerId: string, date: string) => verify(null, Buffer.from(`M1|${id}|${providerId}|${date}`), publicKey, Buffer.from(sig!, 'base64url'));
    expect(check('demo-futian', '2026-11-30')).toBe(true);
    expect(check('demo-meilin', '2026-11-30')).toBe(false);
    expect(check('demo-futian', '2026-12-01')).toBe(false);
  });

  it('a suspended provider takes no bookings (PROVIDER_UNAVAILABLE), at once', async () => {
    await app.setClock('2026-11-30T12:50:00+08:00');
    const admin = await app.adminToken();
    await app.api.suspendProvider({ token: admin, params: { id: 'demo-meilin' }, body: { reason: '食品安全检查' } });
    try {
      const r = await app.api.createBooking.reply({ token: await recipient(app), body: { offeringId: 'demo-meilin-lunch', windowId: 'lunch' } });
      expect(r.status).toBe(403);
      expect(r.error?.code).toBe('PROVIDER_UNAVAILABLE');
    } finally {
      await app.api.reinstateProvider({ token: admin, params: { id: 'demo-meilin' } });
    }
    expect((await app.api.createBooking.reply({ token: await recipient(app), body: { offeringId: 'demo-meilin-lunch', windowId: 'lunch' } })).status).toBe(201);
  });
});
