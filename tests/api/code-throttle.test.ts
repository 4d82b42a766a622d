import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSent } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering, recipient, staff } from '../support/people.js';

// Issue 8, observation 4 (and issue 12): the wrong-code throttle raced — 300 parallel wrong codes
// from one staff member had 257 checked before the first 429. A wrong code is now counted by one
// conditional write (`n < limit`) before it is answered, and a genuine one is answered only while
// that counter has room.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
  await app.setClock('2026-11-30T12:00:00+08:00');
});
afterAll(() => app.stop());

const redeem = (token: string, code: string) => app.api.redeem.reply({ token, body: { code } });
const wrongCodes = (n: number, from: number) => Array.from({ length: n }, (_, i) => String(10_000_000 + from + i));

describe('the wrong-code throttle', () => {
  it('300 parallel wrong codes from one staff member: at most 10 are answered, the rest 429 with a countdown', async () => {
    const a = await providerWithOffering(app, '并发错码店', 5);
    const answers = await Promise.all(wrongCodes(300, 0).map((c) => redeem(a.staffToken, c)));
    const checked = answers.filter((r) => r.status === 404);
    expect(checked.length).toBe(10);
    const limited = answers.filter((r) => r.status === 429);
    expect(limited).toHaveLength(290);
    expect(limited[0]!.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 3600, retryAt: '2026-11-30T05:00:00.000Z', limit: 'redeem-fail' } });
    expect(limited[0]!.headers.get('retry-after')).toBe('3600');
  });

  it('counts per provider too: its staff together get at most 30 wrong codes answered an hour', async () => {
    const a = await providerWithOffering(app, '多店员错码店', 5);
    const admin = await app.adminToken();
    const tokens = [a.staffToken];
    for (let i = 0; i < 3; i++) {
      const username = `many-${i}-${a.providerId.slice(2, 8).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
      await app.api.createStaff({ token: admin, body: { providerId: a.providerId, username, password: 'password-1', name: '店员' } });
      tokens.push(await staff(app, username, 'password-1'));
    }
    const answers = await Promise.all(tokens.flatMap((t, i) => wrongCodes(12, 1000 * (i + 1)).map((c) => redeem(t, c))));
    expect(answers.filter((r) => r.status === 404)).toHaveLength(30);
    expect(answers.filter((r) => r.status === 429).some((r) => (r.error?.details as { limit?: string } | undefined)?.limit === 'redeem-fail-provider')).toBe(true);
  });

  it('a genuine code does not count: 12 right codes in a row all redeem after 9 wrong ones', async () => {
    const a = await providerWithOffering(app, '正确码店', 20);
    for (const c of wrongCodes(9, 5000)) expect((await redeem(a.staffToken, c)).status).toBe(404);
    for (let i = 0; i < 12; i++) {
      const token = await recipient(app);
      const b = await app.api.createBooking({ token, body: { offeringId: a.offeringId, windowId: 'lunch' } });
      expect((await redeem(a.staffToken, b.booking.code!)).status).toBe(200);
    }
    expect((await redeem(a.staffToken, '10009999')).status).toBe(404);
    expect((await redeem(a.staffToken, '10009998')).status).toBe(429);
  });

  it('a genuine code whose redemption is refused does not count either', async () => {
    const a = await providerWithOffering(app, '已用码店', 5);
    const token = await recipient(app);
    const code = (await app.api.createBooking({ token, body: { offeringId: a.offeringId, windowId: 'lunch' } })).booking.code!;
    expect((await redeem(a.staffToken, code)).status).toBe(200);
    for (const c of wrongCodes(9, 7000)) expect((await redeem(a.staffToken, c)).status).toBe(404);
    for (let i = 0; i < 6; i++) expect((await redeem(a.staffToken, code)).error?.code).toBe('ALREADY_REDEEMED');
    expect((await redeem(a.staffToken, '10007999')).status).toBe(404);
    expect((await redeem(a.staffToken, '10007998')).status).toBe(429);
  });
});

describe('a full counter answers nothing, right or wrong', () => {
  const book = async (a: { offeringId: string }) => {
    const token = await recipient(app);
    const b = (await app.api.createBooking({ token, body: { offeringId: a.offeringId, windowId: 'lunch' } })).booking;
    return { token, id: b.id, code: b.code! };
  };
  const statusOf = async (b: { token: string; id: string }) => (await app.api.getBooking({ token: b.token, params: { id: b.id } })).booking.status;

  it('once 10 wrong codes are counted, a genuine code is refused too (429) and its meal stays booked; a used one does not say so', async () => {
    const a = await providerWithOffering(app, '满额店', 5);
    const used = await book(a);
    expect((await redeem(a.staffToken, used.code)).status).toBe(200);
    const fresh = await book(a);
    for (const c of wrongCodes(10, 9000)) expect((await redeem(a.staffToken, c)).status).toBe(404);
    const refused = await redeem(a.staffToken, fresh.code);
    expect(refused.status).toBe(429);
    expect(refused.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'redeem-fail' } });
    expect(await statusOf(fresh)).toBe('BOOKED');
    // A used code is no oracle either: the same 429, not ALREADY_REDEEMED.
    expect(asSent(await redeem(a.staffToken, used.code))).toEqual(asSent(refused));
    // The meal is still there to hand over: by its voucher (not a guess), the counter does not apply.
    const voucher = (await app.api.getBooking({ token: fresh.token, params: { id: fresh.id } })).booking.voucher!;
    expect((await app.api.redeem.reply({ token: a.staffToken, body: { voucher } })).status).toBe(200);
  });

  it('300 wrong and 20 genuine codes in parallel: exactly 10 wrong ones answered, and every genuine one redeemed exactly when it answered 200', async () => {
    const a = await providerWithOffering(app, '混合并发店', 20);
    const genuine = [];
    for (let i = 0; i < 20; i++) genuine.push(await book(a));
    const wrong = wrongCodes(300, 20_000);
    const codes = [...wrong.map((code) => ({ code, booking: null })), ...genuine.map((b) => ({ code: b.code, booking: b }))].sort(() => Math.random() - 0.5);
    const answers = await Promise.all(codes.map(async (c) => ({ ...c, r: await redeem(a.staffToken, c.code) })));
    expect(answers.filter((x) => !x.booking && x.r.status === 404)).toHaveLength(10);
    expect(answers.filter((x) => !x.booking && x.r.status === 429)).toHaveLength(290);
    for (const x of answers.filter((y) => y.booking)) {
      expect([200, 429]).toContain(x.r.status);
      expect(await statusOf(x.booking!)).toBe(x.r.status === 200 ? 'REDEEMED' : 'BOOKED');
    }
  });
});

describe('one answer for anything not this counter\'s', () => {
  it('another provider\'s genuine voucher answers INVALID_VOUCHER like a forged one (no existence oracle)', async () => {
    const a = await providerWithOffering(app, '甲店', 5);
    const b = await providerWithOffering(app, '乙店', 5);
    const token = await recipient(app);
    const booking = (await app.api.createBooking({ token, body: { offeringId: a.offeringId, windowId: 'lunch' } })).booking;
    const genuine = await app.api.redeem.reply({ token: b.staffToken, body: { voucher: booking.voucher! } });
    const forged = await app.api.redeem.reply({ token: b.staffToken, body: { voucher: booking.voucher!.slice(0, -4) + 'AAAA' } });
    expect(genuine.status).toBe(404);
    expect(asSent(genuine)).toEqual(asSent(forged));
  });
});

describe('a suspended provider', () => {
  it('its staff still sign in and read, but cannot redeem or hand out', async () => {
    const a = await providerWithOffering(app, '暂停店', 5);
    const token = await recipient(app);
    const booking = (await app.api.createBooking({ token, body: { offeringId: a.offeringId, windowId: 'lunch' } })).booking;
    const admin = await app.adminToken();
    expect((await app.api.suspendProvider.reply({ token: admin, params: { id: a.providerId }, body: { reason: '食品安全检查' } })).status).toBe(200);
    expect((await app.api.staffToday.reply({ token: a.staffToken })).status).toBe(200);
    const r = await app.api.redeem.reply({ token: a.staffToken, body: { voucher: booking.voucher! } });
    expect(r.status).toBe(403);
    expect(r.error?.code).toBe('PROVIDER_UNAVAILABLE');
    const w = await app.api.staffWalkIn.reply({ token: a.staffToken, body: { offeringId: a.offeringId, count: 1 } });
    expect(w.error?.code).toBe('PROVIDER_UNAVAILABLE');
  });
});
