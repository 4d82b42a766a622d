import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { allPages } from '../support/paging.js';
import { providerWithOffering, recipient } from '../support/people.js';

/** A meal redeemed at the provider now: its credit (25 points for 2590 fen) is held a week. */
async function redeemOne(app: TestApp, offeringId: string, staffToken: string) {
  const booking = (await app.api.createBooking({ token: await recipient(app), body: { offeringId, windowId: 'lunch' } })).booking;
  await app.api.redeem({ token: staffToken, body: { code: booking.code! } });
  return booking.id;
}

describe('the points ledger', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: false });
  });
  afterAll(() => app.stop());

  it('held credits cannot be spent until availableAt; a reversal during the hold takes them away, once; the balance never goes below zero', async () => {
    await app.setClock('2026-11-30T11:40:00+08:00');
    let admin = await app.adminToken();
    const { providerId, offeringId, staffToken: firstToken } = await providerWithOffering(app, '积分测试', 20);
    let staffToken = firstToken;
    // Sessions end after hours; the clock jumps days, so each jump signs in again.
    const jump = async (iso: string) => {
      await app.setClock(iso);
      admin = (await app.api.createAdminSession({ body: { username: 'admin', password: 'test-admin-password' } })).token;
      staffToken = (await app.api.createStaffSession({ body: { username: `staff-${offeringId.slice(2, 12)}`, password: 'password-1' } })).token;
    };
    const bookingId = await redeemOne(app, offeringId, staffToken);
    const points = () => app.api.staffPoints({ token: staffToken });
    const credit = (await points()).entries[0]!;
    expect(credit).toMatchObject({ points: 25, reason: 'meal_redeemed', ref: bookingId, availableAt: '2026-12-07T04:00:00.000Z' });
    expect(await points()).toMatchObject({ balance: 0, pending: 25 });
    const spend = (n: number) => app.api.createPointsAdjustment.reply({ token: admin, body: { providerId, points: -n, reason: '测试扣减' } });

    // A second before the hold ends: still held.
    await jump('2026-12-07T03:59:59.000Z');
    expect((await spend(10)).error?.code).toBe('INSUFFICIENT_POINTS');
    await jump('2026-12-07T04:00:00.000Z');
    expect(await points()).toMatchObject({ balance: 25, pending: 0 });
    expect((await spend(10)).status).toBe(201);
    expect((await points()).balance).toBe(15);

    // Twenty admins at once each take 5 from 15: exactly three succeed, never below zero.
    const replies = await Promise.all(Array.from({ length: 20 }, () => spend(5)));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(3);
    expect(replies.filter((r) => r.error?.code === 'INSUFFICIENT_POINTS')).toHaveLength(17);
    const after = await app.api.adminProviderPoints({ token: admin, params: { id: providerId }, query: { limit: 200 } });
    expect(after).toMatchObject({ balance: 0, pending: 0 });
    expect(after.entries.reduce((s, e) => s + e.points, 0)).toBe(0);

    // Another meal, held again; reversed during its hold, by twenty admins at once: once.
    await jump('2026-12-07T12:00:00+08:00');
    await redeemOne(app, offeringId, staffToken);
    const held = (await points()).entries.find((e) => e.reason === 'meal_redeemed' && e.availableAt > '2026-12-10')!;
    expect(await points()).toMatchObject({ balance: 0, pending: 25 });
    const reversals = await Promise.all(
      Array.from({ length: 20 }, () => app.api.createPointsReversal.reply({ token: admin, body: { providerId, entryId: held.id, reason: '虚假核销' } })),
    );
    expect(reversals.filter((r) => r.status === 201)).toHaveLength(1);
    expect(reversals.filter((r) => r.error?.code === 'CONFLICT')).toHaveLength(19);
    const last = await points();
    expect(last).toMatchObject({ balance: 0, pending: 0 });
    expect(last.entries.filter((e) => e.reason === 'reversal')).toEqual([expect.objectContaining({ points: -25, ref: held.id, note: '虚假核销' })]);
    // Even after the hold would have ended, nothing comes back.
    await jump('2026-12-15T12:00:00+08:00');
    expect(await points()).toMatchObject({ balance: 0, pending: 0 });
    const all = await app.api.adminProviderPoints({ token: admin, params: { id: providerId }, query: { limit: 200 } });
    expect(all.entries.reduce((s, e) => s + e.points, 0)).toBe(0);
  });

  it('pages the ledger newest first, every entry once', async () => {
    await app.setClock('2026-11-30T11:40:00+08:00');
    const admin = await app.adminToken();
    const { providerId, staffToken } = await providerWithOffering(app, '分页测试', 5);
    for (let i = 1; i <= 7; i++) {
      await app.setClock(`2026-11-30T11:4${i}:00+08:00`);
      await app.api.createPointsAdjustment({ token: admin, body: { providerId, points: i, reason: `第${i}次` } });
    }
    const seen = (await allPages((after) => app.api.staffPoints({ token: staffToken, query: { limit: 3, ...after } }))).flatMap((p) => p.entries.map((e) => e.points));
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect((await app.api.staffPoints({ token: staffToken })).balance).toBe(28);
  });
});
