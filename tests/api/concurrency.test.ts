import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../functions/seed/random.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { injectTransactionFaults, type FaultStats } from '../support/faults.js';
import { offering, providerWithOffering, recipient } from '../support/people.js';
import { tally } from '../support/tally.js';

const LUNCHTIME = '2026-11-30T11:40:00+08:00';

async function recipients(app: TestApp, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i += 50) out.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => recipient(app)))));
  return out;
}

describe('under real concurrency on DynamoDB Local', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: false });
    await app.setClock(LUNCHTIME);
  });
  afterAll(() => app.stop());

  it('500 recipients race for the last 50 meals: exactly 50 get one', async () => {
    const { providerId, offeringId, staffToken } = await providerWithOffering(app, '抢餐测试', 50);
    const tokens = await recipients(app, 500);
    const started = performance.now();
    const replies = await Promise.all(tokens.map((token) => app.api.createBooking.reply({ token, body: { offeringId, windowId: 'lunch' } })));
    const wall = performance.now() - started;
    expect(tally(replies)).toEqual({ '201': 50, '409 QUOTA_EXHAUSTED': 450 });
    const today = (await app.api.staffToday({ token: staffToken })).slots[0];
    expect(today).toMatchObject({ capacity: 50, booked: 50, walkIns: 0, remaining: 0 });
    expect((await app.api.getProvider({ params: { id: providerId } })).provider.offerings[0]!.remaining).toBe(0);
    // Every 201 is a real, distinct booking with a distinct code.
    const codes = new Set(replies.filter((r) => r.status === 201).map((r) => r.body!.booking.code));
    expect(codes.size).toBe(50);
    console.log(`500-on-50 burst: ${wall.toFixed(0)} ms`);
  });

  it('50 concurrent redemptions of one voucher (by voucher and by code): exactly one succeeds, one ledger entry', async () => {
    const { offeringId, staffToken } = await providerWithOffering(app, '核销测试', 5);
    const b = (await app.api.createBooking({ token: await recipient(app), body: { offeringId, windowId: 'lunch' } })).booking;
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => app.api.redeem.reply({ token: staffToken, body: i % 2 ? { code: b.code! } : { voucher: b.voucher! } })),
    );
    // Typed codes reserve a wrong-code attempt before their lookup (issue 8), so some of 25 racing
    // codes may meet the throttle for a moment: a refusal that changes nothing, like the 409s.
    const t = tally(replies);
    expect(t['200']).toBe(1);
    expect(Object.keys(t).filter((k) => k !== '200').sort()).toEqual(expect.arrayContaining(['409 ALREADY_REDEEMED']));
    for (const k of Object.keys(t)) expect(['200', '409 ALREADY_REDEEMED', '429 RATE_LIMITED']).toContain(k);
    expect(Object.values(t).reduce((a, n) => a + n, 0)).toBe(50);
    const points = await app.api.staffPoints({ token: staffToken });
    expect(points.entries.filter((e) => e.ref === b.id)).toHaveLength(1);
    expect(points).toMatchObject({ balance: 0, pending: 25 });
    const slot = (await app.api.staffToday({ token: staffToken })).slots[0];
    // The redeemed meal no longer waits for pickup; every meal is in exactly one column.
    expect(slot).toMatchObject({ capacity: 5, booked: 0, redeemed: 1, walkIns: 0, remaining: 4 });
  });

  it('one recipient firing 20 bookings at once gets exactly one', async () => {
    const { offeringId, staffToken } = await providerWithOffering(app, '连点测试', 30);
    const token = await recipient(app);
    const replies = await Promise.all(Array.from({ length: 20 }, () => app.api.createBooking.reply({ token, body: { offeringId, windowId: 'lunch' } })));
    const t = tally(replies);
    expect(t['201']).toBe(1);
    expect((t['409 ACTIVE_BOOKING_EXISTS'] ?? 0) + (t['429 RATE_LIMITED'] ?? 0)).toBe(19);
    expect((await app.api.listBookings({ token })).bookings).toHaveLength(1);
    expect((await app.api.staffToday({ token: staffToken })).slots[0]!.booked).toBe(1);
  });
});

describe('with injected transaction conflicts and throttling', () => {
  let app: TestApp;
  const stats: FaultStats = { conflicts: 0, throttles: 0 };
  beforeAll(async () => {
    app = await startTestApp({ seed: false, configureClient: (doc) => injectTransactionFaults(doc, { conflict: 0.3, throttle: 0.1 }, seededRandom(20261128), stats) });
    await app.setClock(LUNCHTIME);
  });
  afterAll(() => app.stop());

  it('loses no booking and doubles none: counters equal the bookings that exist', async () => {
    const { offeringId, staffToken } = await providerWithOffering(app, '冲突测试', 60);
    const tokens = await recipients(app, 200);
    const replies = await Promise.all(tokens.map((token) => app.api.createBooking.reply({ token, body: { offeringId, windowId: 'lunch' } })));
    const t = tally(replies);
    for (const key of Object.keys(t)) expect(['201', '409 QUOTA_EXHAUSTED', '503 BUSY']).toContain(key);
    // The faults really happened, often (the sold-out hint keeps later requests off the table).
    expect(stats.conflicts).toBeGreaterThan(20);
    expect(stats.throttles).toBeGreaterThan(5);
    // What exists in the table: each recipient's bookings.
    const lists = await Promise.all(tokens.map((token) => app.api.listBookings({ token })));
    const live = lists.flatMap((l) => l.bookings).filter((b) => b.offeringId === offeringId && b.status === 'BOOKED');
    expect(live).toHaveLength(t['201'] ?? 0);
    expect(live.length).toBeLessThanOrEqual(60);
    const slot = (await app.api.staffToday({ token: staffToken })).slots[0];
    expect(slot!.booked).toBe(live.length);
    expect(slot!.remaining).toBe(60 - live.length);
    // Redemptions under the same faults credit exactly once each.
    const redeemed = await Promise.all(live.slice(0, 20).map((b) => app.api.redeem.reply({ token: staffToken, body: { code: b.code! } })));
    const ok = redeemed.filter((r) => r.status === 200).length;
    // 429: typed codes reserve a wrong-code attempt before the lookup, and 20 race at once.
    for (const r of redeemed) expect([200, 429, 503]).toContain(r.status);
    const points = await app.api.staffPoints({ token: staffToken });
    expect(points.entries).toHaveLength(ok);
    expect(points.pending).toBe(25 * ok);
  });
});

describe('the sold-out hint', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: false });
    await app.setClock(LUNCHTIME);
  });
  afterAll(() => app.stop());

  it('never blocks a meal given back by a cancel, nor one added by raising the quota', async () => {
    const { providerId, offeringId } = await providerWithOffering(app, '售罄提示', 1);
    const first = await recipient(app);
    const b = (await app.api.createBooking({ token: first, body: { offeringId, windowId: 'lunch' } })).booking;
    const second = await recipient(app);
    expect((await app.api.createBooking.reply({ token: second, body: { offeringId, windowId: 'lunch' } })).error?.code).toBe('QUOTA_EXHAUSTED');
    await app.api.cancelBooking({ token: first, params: { id: b.id } });
    expect((await app.api.createBooking.reply({ token: second, body: { offeringId, windowId: 'lunch' } })).status).toBe(201);
    const third = await recipient(app);
    expect((await app.api.createBooking.reply({ token: third, body: { offeringId, windowId: 'lunch' } })).error?.code).toBe('QUOTA_EXHAUSTED');
    const admin = await app.adminToken();
    await app.api.putOffering({ token: admin, params: { id: providerId, offeringId }, body: offering(2) });
    expect((await app.api.createBooking.reply({ token: third, body: { offeringId, windowId: 'lunch' } })).status).toBe(201);
  });
});
