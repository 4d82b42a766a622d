import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSent } from '../support/api-client.js';
import { deviceKey, startTestApp, type TestApp } from '../support/app.js';
import { offering, staff } from '../support/people.js';

/**
 * The written rules at their edges, driven by the test clock (issue 15): midnight in Shanghai,
 * the grace minute, downtime longer than a week, the last day of an approval, what the counter
 * says about a cancelled code, and staff counts after a quota cut. Each test has its own provider
 * and its own dates, so the expiry job run by one never decides another's outcome.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
});
afterAll(() => app.stop());

const at = (date: string, time: string) => `${date}T${time}:00+08:00`;
const LUNCH = { id: 'lunch', start: '11:30', end: '13:30' };
const LATE = { id: 'late', start: '23:00', end: '23:50' };

/** Fresh sign-ins: the clock moves days and months here, past any admin or staff session. */
const admin = async () => (await app.api.createAdminSession({ body: { username: 'admin', password: 'test-admin-password' } })).token;

/** A recipient who can sign in again after their 30-day token lapses (same device key, same person). */
function person() {
  const key = deviceKey();
  return async () => {
    const r = await app.api.createDeviceSession.reply({ body: { deviceKey: key } });
    if (r.status !== 200) throw new Error(r.text);
    return r.body!.token;
  };
}

let providers = 0;
/** An ACTIVE provider with one offering running every day in the given windows; its staff sign in with `counter()`. */
async function provider(quota: number, windows = [LUNCH]) {
  const token = await admin();
  const n = ++providers;
  const body = {
    name: `边界测试 ${n}`,
    kind: 'restaurant' as const,
    district: 'futian',
    address: '测试路 15 号',
    businessLicence: { number: 'BL', expiresOn: '2030-01-01' },
    hygienePermit: { number: 'HP', expiresOn: '2030-01-01' },
  };
  const id = (await app.api.createProvider({ token, body })).provider.id;
  await app.api.approveProvider({ token, params: { id } });
  const offeringId = `o-edge${n}`;
  const contract = { ...offering(quota, windows) };
  const put = async (change: Partial<typeof contract>) => {
    const r = await app.api.putOffering.reply({ token: await admin(), params: { id, offeringId }, body: { ...contract, ...change } });
    if (r.status !== 200) throw new Error(r.text);
  };
  await put({});
  const username = `staff-edge${n}`;
  await app.api.createStaff({ token, body: { providerId: id, username, password: 'password-1', name: '店员' } });
  return {
    providerId: id,
    offeringId,
    put,
    counter: () => staff(app, username, 'password-1'),
    book: async (token: string, windowId = windows[0]!.id) => app.api.createBooking.reply({ token, body: { offeringId, windowId } }),
  };
}

const redeem = (token: string, body: { code: string } | { voucher: string }) => app.api.redeem.reply({ token, body });
const runExpiry = async () => (await app.call<{ expired: number; suspended: number }>('POST', '/__test__/jobs/expire-bookings')).body;
const statusOf = async (token: string, id: string) => (await app.api.getBooking({ token, params: { id } })).booking.status;

describe('no-shows and the expiry job', () => {
  it('a late no-show expired after midnight counts on its own date: days 1, 15 and 30 suspend (issue 15.1)', async () => {
    const p = await provider(10, [LUNCH, LATE]);
    const signIn = person();
    for (const date of ['2026-12-01', '2026-12-15']) {
      await app.setClock(at(date, '11:00'));
      expect((await p.book(await signIn(), 'lunch')).status).toBe(201);
      await app.setClock(at(date, '13:45'));
      await runExpiry();
    }
    await app.setClock(at('2026-12-30', '22:50'));
    const late = (await p.book(await signIn(), 'late')).body!.booking;
    expect(late).toMatchObject({ date: '2026-12-30', status: 'BOOKED' });
    await app.setClock(at('2026-12-31', '00:04'));
    await runExpiry();
    expect(await statusOf(await signIn(), late.id)).toBe('BOOKED');
    await app.setClock(at('2026-12-31', '00:05'));
    await runExpiry();
    const token = await signIn();
    expect(await statusOf(token, late.id)).toBe('EXPIRED');
    // Three no-shows dated within the 30 days ending 2026-12-30: suspended 7 days from that date.
    expect((await app.api.getMe({ token })).user.suspendedUntil).toBe('2027-01-06');
  });

  it('a live booking expires however long the server was down (issue 15.2)', async () => {
    const p = await provider(10);
    const signIn = person();
    await app.setClock(at('2027-01-05', '11:00'));
    const b = (await p.book(await signIn())).body!.booking;
    // Thirty days later: far beyond any look-back.
    await app.setClock(at('2027-02-04', '09:00'));
    expect((await runExpiry()).expired).toBeGreaterThanOrEqual(1);
    const token = await signIn();
    expect(await statusOf(token, b.id)).toBe('EXPIRED');
    // No longer stuck: the recipient can book again.
    expect((await p.book(token)).status).toBe(201);
  });
});

describe('one boundary for the counter and the job', () => {
  it('redeemable through end + 14:59, expired and refused from end + 15:00, whichever comes first (issue 15.3)', async () => {
    const p = await provider(10);
    await app.setClock(at('2027-01-25', '11:00'));
    const [a, b, c] = await Promise.all([0, 1, 2].map(async () => {
      const token = await person()();
      return { token, booking: (await p.book(token)).body!.booking };
    }));
    const counter = await p.counter();

    await app.setClock('2027-01-25T05:44:59Z'); // 13:44:59 in Shanghai
    await runExpiry();
    expect(await statusOf(a!.token, a!.booking.id)).toBe('BOOKED');
    expect((await redeem(counter, { code: a!.booking.code! })).status).toBe(200);

    await app.setClock('2027-01-25T05:45:30Z'); // 13:45:30, the job not yet run
    const tooLate = await redeem(counter, { code: b!.booking.code! });
    expect(tooLate.status).toBe(409);
    expect(tooLate.error?.code).toBe('NOT_REDEEMABLE');
    expect(tooLate.error?.message).toContain('too late');

    await runExpiry();
    expect(await statusOf(b!.token, b!.booking.id)).toBe('EXPIRED');
    expect(await statusOf(c!.token, c!.booking.id)).toBe('EXPIRED');
    // The job ran first: the counter says what became of the booking.
    const expired = await redeem(counter, { voucher: c!.booking.voucher! });
    expect(expired.error).toMatchObject({ code: 'NOT_REDEEMABLE', details: { status: 'EXPIRED' } });
  });

  it('a late window’s grace runs past midnight, by code and by voucher (issue 15.4)', async () => {
    const p = await provider(10, [LATE]);
    await app.setClock(at('2027-02-01', '22:30'));
    const tokens = await Promise.all([0, 1, 2].map(() => person()()));
    const [byCode, byVoucher, tooLate] = await Promise.all(tokens.map(async (t) => (await p.book(t)).body!.booking));
    await app.setClock(at('2027-02-01', '23:55'));
    const counter = await p.counter();

    await app.setClock('2027-02-01T16:04:59Z'); // 00:04:59 on 2 February in Shanghai
    expect((await redeem(counter, { code: byCode!.code! })).status).toBe(200);
    expect((await redeem(counter, { voucher: byVoucher!.voucher! })).status).toBe(200);
    await runExpiry();
    expect(await statusOf(tokens[2]!, tooLate!.id)).toBe('BOOKED');

    await app.setClock('2027-02-01T16:05:00Z'); // 00:05: the grace is over
    const refused = await redeem(counter, { code: tooLate!.code! });
    expect(refused.error?.code).toBe('NOT_REDEEMABLE');
    await runExpiry();
    expect(await statusOf(tokens[2]!, tooLate!.id)).toBe('EXPIRED');
  });
});

describe('verification', () => {
  it('approval lasts 90 days counting the decision day: valid through day 89, not day 90 (issue 15.5)', async () => {
    const p = await provider(10);
    const signIn = person();
    // Three free claims used (picked up, so no suspension).
    for (const date of ['2027-03-01', '2027-03-02', '2027-03-03']) {
      await app.setClock(at(date, '12:00'));
      const b = (await p.book(await signIn())).body!.booking;
      expect((await redeem(await p.counter(), { code: b.code! })).status).toBe(200);
    }
    await app.setClock(at('2027-03-04', '10:00'));
    const v = (await app.api.submitVerification({ token: await signIn(), body: { name: '赵六', phone: '13600136000', category: 'graduate', note: '' } })).verification;
    expect((await app.api.approveVerification.reply({ token: await admin(), params: { id: v.id } })).status).toBe(200);
    expect((await app.api.getMe({ token: await signIn() })).user).toMatchObject({ verified: true, verifiedUntil: '2027-06-01' });

    await app.setClock(at('2027-06-01', '12:00')); // day 89
    let token = await signIn();
    expect((await app.api.getMe({ token })).user.verified).toBe(true);
    const last = await p.book(token);
    expect(last.status).toBe(201);
    expect((await redeem(await p.counter(), { code: last.body!.booking.code! })).status).toBe(200);

    await app.setClock(at('2027-06-02', '12:00')); // day 90
    token = await signIn();
    expect((await app.api.getMe({ token })).user.verified).toBe(false);
    const refused = await p.book(token);
    expect(refused.status).toBe(403);
    expect(refused.error?.code).toBe('VERIFICATION_REQUIRED');
  });
});

describe('the counter and a code that is no longer live', () => {
  it('a cancelled or expired code answers NOT_REDEEMABLE with its status, only there and then, and never trips the wrong-code throttle (issue 15.6)', async () => {
    const p = await provider(10);
    const other = await provider(10);
    await app.setClock(at('2027-04-05', '11:00'));
    const token = await person()();
    const cancelled = (await p.book(token)).body!.booking;
    expect((await app.api.cancelBooking.reply({ token, params: { id: cancelled.id } })).status).toBe(200);
    await app.setClock(at('2027-04-05', '12:00'));
    const counter = await p.counter();

    // Twelve tries with a cancelled code: more than the throttle's 10, never a 429.
    for (let i = 0; i < 12; i++) {
      const r = await redeem(counter, { code: cancelled.code! });
      expect(r.status).toBe(409);
      // Its status and nothing else: nothing about the person (as sent, before parsing could drop a field).
      expect((asSent(r) as { error: unknown }).error).toEqual({ code: 'NOT_REDEEMABLE', message: 'this booking is cancelled', details: { status: 'CANCELLED' } });
    }
    expect((await redeem(counter, { voucher: cancelled.voucher! })).error?.details).toEqual({ status: 'CANCELLED' });
    // A code that matches nothing still counts, and still answers 404.
    expect((await redeem(counter, { code: '00000000' })).error?.code).toBe('INVALID_VOUCHER');

    // Another provider's staff learn nothing: to them the code and the voucher look forged.
    const elsewhere = await other.counter();
    expect((await redeem(elsewhere, { code: cancelled.code! })).error?.code).toBe('INVALID_VOUCHER');
    const foreign = await redeem(elsewhere, { voucher: cancelled.voucher! });
    expect(foreign.status).toBe(404);
    expect(foreign.error?.code).toBe('INVALID_VOUCHER');
    expect(foreign.error?.details).toBeUndefined();

    // An expired one says so on its day; the next day the voucher says only which day it was for.
    const late = (await p.book(token)).body!.booking;
    await app.setClock(at('2027-04-05', '13:45'));
    await runExpiry();
    const expired = await redeem(counter, { code: late.code! });
    expect(expired.error).toMatchObject({ code: 'NOT_REDEEMABLE', details: { status: 'EXPIRED' } });
    await app.setClock(at('2027-04-06', '12:00'));
    const nextDay = await redeem(await p.counter(), { voucher: late.voucher! });
    expect(nextDay.error?.code).toBe('NOT_REDEEMABLE');
    expect(nextDay.error?.details).toBeUndefined();
  });
});

describe("staff's today", () => {
  it('after a quota cut and a deactivation, the offering stays listed while its bookings can be picked up (issue 15.7, 15.9)', async () => {
    const p = await provider(3);
    await app.setClock(at('2027-05-03', '11:00'));
    const booked = await Promise.all([0, 1, 2].map(async () => (await p.book(await person()())).body!.booking));
    await app.setClock(at('2027-05-03', '12:00'));
    const counter = await p.counter();
    expect((await redeem(counter, { code: booked[0]!.code! })).status).toBe(200);
    const today = async () => (await app.api.staffToday({ token: counter })).slots;

    await p.put({ dailyQuota: 1 });
    // Nothing taken is withdrawn: the columns exceed the new capacity and nothing remains.
    expect(await today()).toEqual([expect.objectContaining({ offeringId: p.offeringId, capacity: 1, booked: 2, redeemed: 1, walkIns: 0, remaining: 0 })]);

    await p.put({ active: false });
    expect(await today()).toEqual([expect.objectContaining({ offeringId: p.offeringId, capacity: 0, booked: 2, redeemed: 1, remaining: 0 })]);
    // Its live bookings are honoured.
    expect((await redeem(counter, { voucher: booked[1]!.voucher! })).status).toBe(200);
    expect((await redeem(counter, { code: booked[2]!.code! })).status).toBe(200);
    // Nothing left to hand out: a deactivated offering leaves the list.
    expect(await today()).toEqual([]);
  });

  it('no-app handouts are recorded after the last window, until midnight (issue 15.9)', async () => {
    const p = await provider(5);
    await app.setClock(at('2027-05-04', '23:00'));
    const counter = await p.counter();
    await app.setClock(at('2027-05-04', '23:59'));
    const r = await app.api.staffWalkIn.reply({ token: counter, body: { offeringId: p.offeringId, count: 2 } });
    expect(r.status).toBe(201);
    expect(r.body?.slot).toMatchObject({ walkIns: 2, remaining: 3 });
    // Midnight: a new day, a new slot.
    await app.setClock(at('2027-05-05', '00:00'));
    expect((await app.api.staffToday({ token: counter })).slots[0]).toMatchObject({ walkIns: 0, remaining: 5 });
  });
});

describe('refusal order', () => {
  it('a sold-out slot is reported before the recipient’s own limit, with or without the sold-out hint (issue 15.8)', async () => {
    const full = await provider(1);
    const elsewhere = await provider(5);
    await app.setClock(at('2027-05-10', '11:00'));
    expect((await full.book(await person()())).status).toBe(201); // the last meal: no refusal has marked it sold out yet
    const token = await person()();
    expect((await elsewhere.book(token)).status).toBe(201); // this recipient now holds a live booking
    for (let i = 0; i < 2; i++) {
      const r = await full.book(token);
      expect(r.status).toBe(409);
      expect(r.error?.code).toBe('QUOTA_EXHAUSTED');
    }
  });
});
