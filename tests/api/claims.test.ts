import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { recipient, staff } from '../support/people.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: true });
});
afterAll(() => app.stop());

const OFFERING = 'demo-huafu-lunch';
const day = (d: number, time = '11:40') => `2026-12-${String(d).padStart(2, '0')}T${time}:00+08:00`;
const book = (token: string) => app.api.createBooking.reply({ token, body: { offeringId: OFFERING, windowId: 'lunch' } });
const runExpiry = async () => (await app.call<{ expired: number; suspended: number }>('POST', '/__test__/jobs/expire-bookings')).body;

async function redeemAt(date: number, code: string) {
  await app.setClock(day(date, '12:00'));
  const s = await staff(app, 'staff-huafu');
  const r = await app.api.redeem.reply({ token: s, body: { code } });
  expect(r.status).toBe(200);
}

describe('claims, verification and no-shows', () => {
  it('three free claims (redeemed or expired), then VERIFICATION_REQUIRED until an admin approves', async () => {
    await app.setClock(day(1));
    const token = await recipient(app);
    await redeemAt(1, (await book(token)).body!.booking.code!);
    await app.setClock(day(2));
    await redeemAt(2, (await book(token)).body!.booking.code!);
    await app.setClock(day(3));
    const third = (await book(token)).body!.booking;
    await app.setClock(day(3, '13:46'));
    expect((await runExpiry()).expired).toBeGreaterThanOrEqual(1);
    expect((await app.api.getBooking({ token, params: { id: third.id } })).booking.status).toBe('EXPIRED');

    await app.setClock(day(4));
    expect((await app.api.getMe({ token })).user).toMatchObject({ freeClaimsLeft: 0, verified: false, blocked: { code: 'VERIFICATION_REQUIRED' } });
    const fourth = await book(token);
    expect(fourth.status).toBe(403);
    expect(fourth.error?.code).toBe('VERIFICATION_REQUIRED');

    const applied = await app.api.submitVerification.reply({ token, body: { name: '张三', phone: '13800138000', category: 'graduate', note: '应届生求职中' } });
    expect(applied.status).toBe(202);
    expect(applied.body?.verification.status).toBe('PENDING');
    const id = applied.body!.verification.id;
    expect((await app.api.submitVerification.reply({ token, body: { name: '张三', phone: '13800138000', category: 'graduate', note: '' } })).status).toBe(409);
    expect((await app.api.getMe({ token })).user.verification).toEqual({ id, status: 'PENDING' });

    const admin = await app.adminToken();
    const queue = (await app.api.listVerifications({ token: admin })).verifications;
    expect(queue).toContainEqual(expect.objectContaining({ id, name: '张三', maskedPhone: '138****8000', category: 'graduate', status: 'PENDING' }));
    const approved = await app.api.approveVerification({ token: admin, params: { id } });
    expect(approved.verification.status).toBe('APPROVED');
    expect((await app.api.rejectVerification.reply({ token: admin, params: { id }, body: { reason: '材料不全' } })).status).toBe(409);
    expect((await app.api.getMe({ token })).user).toMatchObject({ verified: true, verifiedUntil: '2027-03-03' });
    expect((await book(token)).status).toBe(201);
  });

  it('stores personal data sealed: the table holds no name or phone in the clear', async () => {
    await app.setClock(day(5));
    const token = await recipient(app);
    const r = await app.api.submitVerification({ token, body: { name: '李四', phone: '13900139000', category: 'intern', note: '实习中' } });
    const stored = await app.deps.store.verifications.get(r.verification.id);
    expect(JSON.stringify(stored)).not.toMatch(/李四|13900139000|实习中/);
    expect(app.deps.sealer.open(stored!.sealed, stored!.id)).toEqual({ name: '李四', phone: '13900139000', note: '实习中' });
    // Sealed to its own record: moved onto another id it does not open.
    expect(() => app.deps.sealer.open(stored!.sealed, 'v_other')).toThrow();
  });

  it('three no-shows within 30 days suspend booking for 7 days', async () => {
    const token = await recipient(app);
    for (const d of [10, 11, 12]) {
      await app.setClock(day(d));
      expect((await book(token)).status).toBe(201);
      await app.setClock(day(d, '13:46'));
      await runExpiry();
    }
    await app.setClock(day(13));
    const me = (await app.api.getMe({ token })).user;
    expect(me.suspendedUntil).toBe('2026-12-19');
    const refused = await book(token);
    expect(refused.status).toBe(403);
    expect(refused.error?.code).toBe('SUSPENDED');
    expect(refused.error?.message).toContain('2026-12-19');
    expect(refused.error?.details).toEqual({ suspendedUntil: '2026-12-19' });
  });

  it('expiry gives the meal back to the slot and waits for the grace period', async () => {
    await app.setClock(day(15));
    const token = await recipient(app);
    const provider = async () => (await app.api.getProvider({ params: { id: 'demo-huafu' } })).provider.offerings[0]!.remaining;
    const before = await provider();
    const b = (await book(token)).body!.booking;
    expect(await provider()).toBe(before - 1);
    await app.setClock(day(15, '13:44'));
    await runExpiry();
    expect((await app.api.getBooking({ token, params: { id: b.id } })).booking.status).toBe('BOOKED');
    await app.setClock(day(15, '13:45'));
    await runExpiry();
    expect((await app.api.getBooking({ token, params: { id: b.id } })).booking.status).toBe('EXPIRED');
    expect(await provider()).toBe(before);
    // A second run finds nothing more to do.
    expect((await runExpiry()).expired).toBe(0);
  });
});

describe('personal data retention', () => {
  it('deletes an application’s name, phone and note 180 days after the decision, not before', async () => {
    await app.setClock('2026-12-20T10:00:00+08:00');
    const token = await recipient(app);
    const v = (await app.api.submitVerification({ token, body: { name: '王五', phone: '13700137000', category: 'between_jobs', note: '' } })).verification;
    // Fresh admin sessions: the clock moves months here, past any 8-hour token.
    const adminNow = async () => (await app.api.createAdminSession({ body: { username: 'admin', password: 'test-admin-password' } })).token;
    const admin = await adminNow();
    expect((await app.api.approveVerification.reply({ token: admin, params: { id: v.id } })).status).toBe(200);
    const purge = async () => (await app.call<{ purged: number }>('POST', '/__test__/jobs/purge-personal-data')).body;

    // (Applications decided earlier in this file fall due sooner; counts include them.)
    await app.setClock('2027-06-18T09:59:00+08:00'); // a minute short of 180 days
    await purge();
    expect((await app.deps.store.verifications.get(v.id))?.sealed).toBeTruthy();

    await app.setClock('2027-06-18T10:00:00+08:00'); // 180 days
    expect((await purge()).purged).toBeGreaterThanOrEqual(1);
    const kept = await app.deps.store.verifications.get(v.id);
    expect(kept).toMatchObject({ id: v.id, status: 'APPROVED', category: 'between_jobs' });
    expect(kept?.sealed).toBeUndefined();
    const approved = (await app.api.listVerifications({ token: await adminNow(), query: { status: 'APPROVED' } })).verifications;
    expect(approved.map((x) => x.id)).not.toContain(v.id);
    expect((await purge()).purged).toBe(0);
  });
});
