import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering, recipient, staff } from '../support/people.js';

// Issue 8, observation 4 (and issue 12): the wrong-code throttle raced — 300 parallel wrong codes
// from one staff member had 257 checked before the first 429. Each attempt is now reserved first.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
  await app.setClock('2026-11-30T12:00:00+08:00');
});
afterAll(() => app.stop());

const redeem = (token: string, code: string) => app.call('POST', '/v1/staff/redemptions', { token, body: { code } });
const wrongCodes = (n: number, from: number) => Array.from({ length: n }, (_, i) => String(10_000_000 + from + i));

describe('the wrong-code throttle', () => {
  it('300 parallel wrong codes from one staff member: at most 10 are checked, the rest 429 with a countdown', async () => {
    const a = await providerWithOffering(app, '并发错码店', 5);
    const answers = await Promise.all(wrongCodes(300, 0).map((c) => redeem(a.staffToken, c)));
    const checked = answers.filter((r) => r.status === 404);
    expect(checked.length).toBe(10);
    const limited = answers.filter((r) => r.status === 429);
    expect(limited).toHaveLength(290);
    expect(limited[0]!.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 3600, retryAt: '2026-11-30T05:00:00.000Z', limit: 'redeem-fail' } });
    expect(limited[0]!.headers.get('retry-after')).toBe('3600');
  });

  it('counts per provider too: its staff together check at most 30 an hour', async () => {
    const a = await providerWithOffering(app, '多店员错码店', 5);
    const admin = await app.adminToken();
    const tokens = [a.staffToken];
    for (let i = 0; i < 3; i++) {
      const username = `many-${i}-${a.providerId.slice(2, 8).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
      await app.call('POST', '/v1/admin/staff', { token: admin, body: { providerId: a.providerId, username, password: 'password-1', name: '店员' } });
      tokens.push(await staff(app, username, 'password-1'));
    }
    const answers = await Promise.all(tokens.flatMap((t, i) => wrongCodes(12, 1000 * (i + 1)).map((c) => redeem(t, c))));
    expect(answers.filter((r) => r.status === 404)).toHaveLength(30);
    expect(answers.filter((r) => r.status === 429).some((r) => r.body.error.details.limit === 'redeem-fail-provider')).toBe(true);
  });

  it('a genuine code does not count: 12 right codes in a row all redeem after 9 wrong ones', async () => {
    const a = await providerWithOffering(app, '正确码店', 20);
    for (const c of wrongCodes(9, 5000)) expect((await redeem(a.staffToken, c)).status).toBe(404);
    for (let i = 0; i < 12; i++) {
      const token = await recipient(app);
      const b = await app.call('POST', '/v1/bookings', { token, body: { offeringId: a.offeringId, windowId: 'lunch' } });
      expect((await redeem(a.staffToken, b.body.booking.code)).status).toBe(200);
    }
    expect((await redeem(a.staffToken, '10009999')).status).toBe(404);
    expect((await redeem(a.staffToken, '10009998')).status).toBe(429);
  });

  it('a genuine code whose redemption is refused does not count either: it goes back on its own', async () => {
    const a = await providerWithOffering(app, '已用码店', 5);
    const token = await recipient(app);
    const code = (await app.call('POST', '/v1/bookings', { token, body: { offeringId: a.offeringId, windowId: 'lunch' } })).body.booking.code as string;
    expect((await redeem(a.staffToken, code)).status).toBe(200);
    for (const c of wrongCodes(9, 7000)) expect((await redeem(a.staffToken, c)).status).toBe(404);
    for (let i = 0; i < 6; i++) expect((await redeem(a.staffToken, code)).body.error.code).toBe('ALREADY_REDEEMED');
    expect((await redeem(a.staffToken, '10007999')).status).toBe(404);
    expect((await redeem(a.staffToken, '10007998')).status).toBe(429);
  });
});

describe('one answer for anything not this counter\'s', () => {
  it('another provider\'s genuine voucher answers INVALID_VOUCHER like a forged one (no existence oracle)', async () => {
    const a = await providerWithOffering(app, '甲店', 5);
    const b = await providerWithOffering(app, '乙店', 5);
    const token = await recipient(app);
    const booking = (await app.call('POST', '/v1/bookings', { token, body: { offeringId: a.offeringId, windowId: 'lunch' } })).body.booking;
    const genuine = await app.call('POST', '/v1/staff/redemptions', { token: b.staffToken, body: { voucher: booking.voucher } });
    const forged = await app.call('POST', '/v1/staff/redemptions', { token: b.staffToken, body: { voucher: booking.voucher.slice(0, -4) + 'AAAA' } });
    expect(genuine.status).toBe(404);
    expect(genuine.body).toEqual(forged.body);
  });
});

describe('a suspended provider', () => {
  it('its staff still sign in and read, but cannot redeem or hand out', async () => {
    const a = await providerWithOffering(app, '暂停店', 5);
    const token = await recipient(app);
    const booking = (await app.call('POST', '/v1/bookings', { token, body: { offeringId: a.offeringId, windowId: 'lunch' } })).body.booking;
    const admin = await app.adminToken();
    expect((await app.call('POST', `/v1/admin/providers/${a.providerId}/suspend`, { token: admin })).status).toBe(200);
    expect((await app.call('GET', '/v1/staff/today', { token: a.staffToken })).status).toBe(200);
    const r = await app.call('POST', '/v1/staff/redemptions', { token: a.staffToken, body: { voucher: booking.voucher } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('PROVIDER_UNAVAILABLE');
    const w = await app.call('POST', '/v1/staff/walk-ins', { token: a.staffToken, body: { offeringId: a.offeringId, count: 1 } });
    expect(w.body.error.code).toBe('PROVIDER_UNAVAILABLE');
  });
});
