import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering, recipient, staff } from '../support/people.js';

// Issue 8, observation 2: a provider's staff booked and redeemed its own meals through throwaway
// identities (points 0 → 500). The credit cannot tell, but the pattern can: every redemption by a
// recipient never served before, each redeemed within a minute of being booked. The admins'
// integrity signals show it; an honest provider with returning recipients stays unflagged.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
});
afterAll(() => app.stop());

let day = '';
const at = (date: string, time: string) => {
  day = date;
  return app.setClock(`${date}T${time}:00+08:00`);
};
/** Staff and admin sessions last hours, not days: staff sign in afresh on each simulated day. */
const sessions = new Map<string, Promise<string>>();
function staffOf(place: { offeringId: string }): Promise<string> {
  const username = `staff-${place.offeringId.slice(2, 12)}`;
  if (!sessions.has(`${username}@${day}`)) sessions.set(`${username}@${day}`, staff(app, username, 'password-1'));
  return sessions.get(`${username}@${day}`)!;
}
const adminNow = async () => (await app.api.createAdminSession({ body: { username: 'admin', password: 'test-admin-password' } })).token;

async function bookAndRedeem(place: { offeringId: string }, token: string, bookAt: [string, string], redeemAt: [string, string]) {
  await at(...bookAt);
  const { booking } = await app.api.createBooking({ token, body: { offeringId: place.offeringId, windowId: 'lunch' } });
  await at(...redeemAt);
  await app.api.redeem({ token: await staffOf(place), body: { voucher: booking.voucher! } });
}

describe('integrity signals per provider', () => {
  it('show the staff self-dealing scenario and leave an honest provider unflagged', async () => {
    await at('2026-11-27', '09:00');
    const honest = await providerWithOffering(app, '诚信面馆', 20);
    const dealer = await providerWithOffering(app, '自肥餐厅', 20);

    // The honest one: ten regulars who book in the morning and come at lunch, three days running.
    const regulars = await Promise.all(Array.from({ length: 10 }, () => recipient(app)));
    for (const day of ['2026-11-27', '2026-11-28', '2026-11-29']) {
      for (const token of regulars) await bookAndRedeem(honest, token, [day, '09:30'], [day, '12:00']);
    }

    // The dealer's staff: a throwaway identity per meal, booked and scanned at the counter at once.
    const before = await app.api.staffPoints({ token: await staffOf(dealer) });
    for (let i = 0; i < 12; i++) {
      const throwaway = await recipient(app);
      await bookAndRedeem(dealer, throwaway, ['2026-11-29', '12:10'], ['2026-11-29', '12:11']);
    }
    const after = await app.api.staffPoints({ token: await staffOf(dealer) });
    expect(after.pending - before.pending).toBe(12 * 25);

    const admin = await adminNow();
    const report = await app.api.adminIntegrity({ token: admin, query: { from: '2026-11-27', to: '2026-11-29' } });
    expect(report.from).toBe('2026-11-27');
    const d = report.providers.find((p) => p.providerId === dealer.providerId)!;
    const h = report.providers.find((p) => p.providerId === honest.providerId)!;
    expect(d).toMatchObject({ name: '自肥餐厅', redemptions: 12, firstTimers: 12, firstTimerShare: 1, quickRedemptions: 12, quickShare: 1, posterRedemptions: 0 });
    expect(d.flags).toEqual(['first_timers', 'quick_redemptions']);
    expect(h).toMatchObject({ redemptions: 30, firstTimers: 10, quickRedemptions: 0, quickShare: 0, flags: [] });
    expect(h.firstTimerShare).toBeCloseTo(1 / 3, 3);
    // The flagged provider comes first: it is what the admin should read.
    expect(report.providers[0]!.providerId).toBe(dealer.providerId);

    // One provider only, and a range that misses the dealer's day.
    const one = await app.api.adminIntegrity({ token: admin, query: { from: '2026-11-27', to: '2026-11-29', providerId: honest.providerId } });
    expect(one.providers.map((p) => p.providerId)).toEqual([honest.providerId]);
    const early = await app.api.adminIntegrity({ token: admin, query: { from: '2026-11-27', to: '2026-11-28' } });
    expect(early.providers.find((p) => p.providerId === dealer.providerId)).toBeUndefined();
    // Day one alone: everyone is a first-timer at the honest one too — the share says so, the flag
    // waits for the quick pattern or a longer view (10 redemptions, all first-timers).
    const dayOne = await app.api.adminIntegrity({ token: admin, query: { from: '2026-11-27', to: '2026-11-27' } });
    expect(dayOne.providers.find((p) => p.providerId === honest.providerId)).toMatchObject({ firstTimerShare: 1, flags: ['first_timers'] });
  });

  it('is for admins only, and refuses a backwards or too long range', async () => {
    await at('2026-11-27', '09:05');
    const staffToken = (await providerWithOffering(app, '只读测试店', 1)).staffToken;
    await at('2026-11-27', '12:30');
    expect((await app.api.adminIntegrity.reply({ token: staffToken })).status).toBe(403);
    expect((await app.api.adminIntegrity.reply({})).status).toBe(401);
    const admin = await adminNow();
    const backwards = await app.api.adminIntegrity.reply({ token: admin, query: { from: '2026-11-29', to: '2026-11-01' } });
    expect(backwards.status).toBe(422);
    const long = await app.api.adminIntegrity.reply({ token: admin, query: { from: '2025-01-01', to: '2026-11-29' } });
    expect(long.status).toBe(422);
    const bad = await app.call('GET', '/v1/admin/integrity?from=yesterday', { token: admin });
    expect(bad.status).toBe(422);
    const dflt = await app.api.adminIntegrity({ token: admin });
    expect(dflt).toMatchObject({ from: '2026-10-29', to: '2026-11-27' });
  });
});
