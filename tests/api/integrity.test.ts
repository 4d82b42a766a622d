import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSent } from '../support/api-client.js';
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
    const bad = await app.api.adminIntegrity.reply({ token: admin, query: { from: 'yesterday' } });
    expect(bad.status).toBe(422);
    const dflt = await app.api.adminIntegrity({ token: admin });
    expect(dflt).toMatchObject({ from: '2026-10-29', to: '2026-11-27' });
  });
});

// Issue 20, item 5: a restaurant's staff booked through throwaway identities by the walk-in poster
// and used each identity for its three free claims — 60 self-dealt meals, 1,500 points, no flag,
// #1 on the monthly board. Beside three honest restaurants of the same sub-district the pattern
// stands out on four signals; the nightly review flags it, its points stay held past their week
// until an admin clears them, and the board's preview marks it meanwhile.
describe('a poster self-dealer among honest neighbours', () => {
  const DAYS = ['2027-01-11', '2027-01-12', '2027-01-13'];
  const review = async () => (await app.call<{ from: string; to: string; flagged: string[] }>('POST', '/__test__/jobs/review-integrity')).body;
  const staffPoints = async (place: { offeringId: string }) => app.api.staffPoints({ token: await staffOf(place), query: { limit: 200 } });

  it('is flagged by the nightly review, its points stay pending past the hold, the preview marks it; an admin clear releases them', async () => {
    await at(DAYS[0]!, '09:00');
    const honest = await Promise.all(['莲花面馆', '莲花粥铺', '莲花快餐'].map((name) => providerWithOffering(app, name, 20, 'lianhua')));
    const dealer = await providerWithOffering(app, '莲花自肥店', 20, 'lianhua');
    const poster = async (place: { offeringId: string }) => (await app.api.staffPoster({ token: await staffOf(place) })).poster;
    const [dealerPoster, walkInPoster] = [await poster(dealer), await poster(honest[0]!)];

    // The staff's twenty throwaway identities, each good for three free claims.
    const throwaways = await Promise.all(Array.from({ length: 20 }, () => recipient(app)));
    // Each honest restaurant: five people a day booking in the morning for lunch, two of them
    // back from the day before; the first one also has a walk-in a day at its poster.
    const regulars = new Map(honest.map((h) => [h.providerId, [] as string[]]));
    for (const [d, date] of DAYS.entries()) {
      const todays = new Map<string, string[]>();
      for (const h of honest) {
        const back = d === 0 ? [] : regulars.get(h.providerId)!.slice(0, 2);
        const fresh = await Promise.all(Array.from({ length: 5 - back.length }, () => recipient(app)));
        todays.set(h.providerId, [...back, ...fresh]);
        regulars.set(h.providerId, fresh);
      }
      await at(date, '09:30');
      const booked = new Map<string, string[]>();
      for (const h of honest) {
        booked.set(h.providerId, []);
        for (const token of todays.get(h.providerId)!) {
          booked.get(h.providerId)!.push((await app.api.createBooking({ token, body: { offeringId: h.offeringId, windowId: 'lunch' } })).booking.voucher!);
        }
      }
      await at(date, '12:00');
      for (const h of honest) for (const voucher of booked.get(h.providerId)!) await app.api.redeem({ token: await staffOf(h), body: { voucher } });
      await at(date, '12:05');
      const walkIn = await app.api.createWalkIn({ token: await recipient(app), body: { poster: walkInPoster } });
      await app.api.redeem({ token: await staffOf(honest[0]!), body: { voucher: walkIn.booking.voucher! } });
      // The dealer: every identity scanned at its own poster and redeemed on the spot, the whole quota.
      await at(date, '12:10');
      for (const token of throwaways) {
        const { booking } = await app.api.createWalkIn({ token, body: { poster: dealerPoster } });
        await app.api.redeem({ token: await staffOf(dealer), body: { voucher: booking.voucher! } });
      }
    }
    expect(await staffPoints(dealer)).toMatchObject({ balance: 0, pending: 60 * 25 });

    // The night after the third day: the review judges the closed days.
    await at('2027-01-14', '00:45');
    const night = await review();
    expect(night).toMatchObject({ to: '2027-01-13', flagged: [dealer.providerId] });
    const admin = await adminNow();
    const report = await app.api.adminIntegrity({ token: admin, query: { from: DAYS[0], to: DAYS[2] } });
    const d = report.providers.find((p) => p.providerId === dealer.providerId)!;
    expect(d).toMatchObject({ redemptions: 60, posterShare: 1, quickShare: 1, repeatShare: 0.667, quotaDays: 3, quotaDayShare: 1, held: true });
    expect(d.firstTimerShare).toBeCloseTo(1 / 3, 3);
    expect(d.normal).toMatchObject({ basis: 'district', peers: 3, posterShare: 0, quickShare: 0, quotaDayShare: 0 });
    expect(d.flags).toEqual(['quick_redemptions', 'poster_share', 'repeat_recipients', 'quota_days']);
    // The first one's walk-ins are quick poster bookings too, a sixth of its meals: normal, not a flag.
    expect(report.providers.find((p) => p.providerId === honest[0]!.providerId)).toMatchObject({ redemptions: 18, posterShare: 0.167, quickShare: 0.167, flags: [], held: false });
    for (const h of honest.slice(1)) expect(report.providers.find((p) => p.providerId === h.providerId)).toMatchObject({ redemptions: 15, repeatShare: 0.267, flags: [], held: false });
    expect(report.held).toEqual([expect.objectContaining({ providerId: dealer.providerId, status: 'FLAGGED', flaggedAt: '2027-01-13T16:45:00.000Z', evidence: { from: '2026-12-15', to: '2027-01-13', redemptions: 60 } })]);
    // A second run the same night changes nothing.
    expect((await review()).flagged).toEqual([]);

    // A week after the last meal every credit's hold has passed: the honest ones are spendable, the dealer's are not.
    await at('2027-01-21', '12:00');
    expect(await staffPoints(honest[1]!)).toMatchObject({ balance: 15 * 25, pending: 0 });
    const held = await staffPoints(dealer);
    expect(held).toMatchObject({ balance: 0, pending: 1500 });
    expect(held.entries.every((e) => e.availableAt < '2027-01-21T04:00:00.000Z')).toBe(true);
    // Nothing can be spent from a frozen credit; reversing one takes it from what is held.
    const admin2 = await adminNow();
    expect((await app.api.createPointsAdjustment.reply({ token: admin2, body: { providerId: dealer.providerId, points: -1, reason: '测试' } })).error?.code).toBe('INSUFFICIENT_POINTS');
    const oneCredit = held.entries.find((e) => e.reason === 'meal_redeemed')!;
    await app.api.createPointsReversal({ token: admin2, body: { providerId: dealer.providerId, entryId: oneCredit.id, reason: '员工自订自核' } });
    expect(await staffPoints(dealer)).toMatchObject({ balance: 0, pending: 1475 });

    // The month's preview: the dealer is first, and marked; its neighbours are not.
    const preview = await app.api.previewLeaderboard({ token: admin2, query: { period: 'month', key: '2027-01' } });
    expect(preview.entries[0]).toMatchObject({ providerId: dealer.providerId, rank: 1, meals: 60, integrity: { flags: d.flags, flaggedAt: '2027-01-13T16:45:00.000Z' } });
    for (const h of honest) expect(preview.entries.find((e) => e.providerId === h.providerId)).toMatchObject({ integrity: null });

    // Clearing needs a flag and a reason; an admin clears it, and the held credits mature at once.
    expect((await app.api.clearIntegrity.reply({ token: admin2, params: { id: honest[0]!.providerId }, body: { reason: '无' } })).error?.code).toBe('CONFLICT');
    expect((await app.api.clearIntegrity.reply({ token: admin2, params: { id: 'p_nobody' }, body: { reason: '无' } })).status).toBe(404);
    expect((await app.api.clearIntegrity.reply({ token: admin2, params: { id: dealer.providerId }, body: { reason: '  ' } })).status).toBe(422);
    expect((await app.api.clearIntegrity.reply({ token: await staffOf(dealer), params: { id: dealer.providerId }, body: { reason: '自己放行' } })).status).toBe(403);
    const cleared = await app.api.clearIntegrity({ token: admin2, params: { id: dealer.providerId }, body: { reason: '已冲回可疑积分，其余经核实' } });
    expect(cleared.integrity).toMatchObject({ status: 'CLEARED', reason: '已冲回可疑积分，其余经核实', clearedThrough: '2027-01-21', clearedBy: { name: expect.any(String) } });
    expect((await app.api.clearIntegrity.reply({ token: admin2, params: { id: dealer.providerId }, body: { reason: '再放行' } })).error?.code).toBe('CONFLICT');
    expect(await staffPoints(dealer)).toMatchObject({ balance: 1475, pending: 0 });
    const audit = await app.api.listAudit({ token: admin2, query: { target: dealer.providerId } });
    expect(audit.entries.filter((e) => e.action === 'clearIntegrity')).toEqual([
      expect.objectContaining({ target: { type: 'provider', id: dealer.providerId }, before: expect.objectContaining({ status: 'FLAGGED' }), after: expect.objectContaining({ status: 'CLEARED' }) }),
    ]);
    expect((await app.api.previewLeaderboard({ token: admin2, query: { period: 'month', key: '2027-01' } })).entries[0]!.integrity).toBeNull();
    // The evidence it cleared does not raise the same flag the next night.
    await at('2027-01-22', '00:45');
    expect((await review()).flagged).toEqual([]);
    expect((await app.api.adminIntegrity({ token: await adminNow(), query: { providerId: dealer.providerId } })).held).toEqual([]);

    // What is published once the month is over (and what the public reads) keeps its shape: no integrity mark on it.
    await at('2027-02-01', '00:45');
    expect((await app.call('POST', '/__test__/jobs/roll-up-impact')).status).toBe(200);
    const reply = await app.api.publishLeaderboard.reply({ token: await adminNow(), body: { period: 'month', key: '2027-01' } });
    expect(reply.body?.leaderboard.entries[0]).toMatchObject({ providerId: dealer.providerId, meals: 60 });
    // As sent, not as parsed: parsing would drop an undeclared mark before the check could see it.
    const sent = asSent(reply) as { leaderboard: { entries: object[] } };
    expect(sent.leaderboard.entries.length).toBeGreaterThan(0);
    expect(sent.leaderboard.entries.every((e) => !('integrity' in e))).toBe(true);
    const pub = asSent(await app.api.latestLeaderboard.reply({ query: { period: 'month' } })) as { entries: object[] };
    expect(pub.entries.every((e) => !('integrity' in e))).toBe(true);
  });
});
