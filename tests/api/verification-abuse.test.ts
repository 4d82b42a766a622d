import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceKey, startTestApp, type TestApp } from '../support/app.js';
import { allPages } from '../support/paging.js';

// Issue 8, observation 5: 110 applications with one name and phone from 110 devices were all
// accepted; the admin list stopped at 100 with no cursor; two approvals verified both identities;
// pending applications were never purged; Idempotency-Key was ignored (202 then 409).

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
  await app.setClock('2026-12-01T10:00:00+08:00');
});
afterAll(() => app.stop());

const person = async (key = deviceKey()) => ({ key, token: (await app.api.createDeviceSession({ body: { deviceKey: key } })).token });
const apply = (token: string, phone: string, extra: { idempotencyKey?: string; name?: string } = {}) =>
  app.api.submitVerification.reply({ token, idempotencyKey: extra.idempotencyKey, body: { name: extra.name ?? '赵六', phone, category: 'graduate', note: '' } });
const admin = async () => (await app.api.createAdminSession({ body: { username: 'admin', password: 'test-admin-password' } })).token;

describe('verification applications', () => {
  it('one pending or approved application per phone, however many identities race for it', async () => {
    const phone = '13500135000';
    const people = await Promise.all(Array.from({ length: 40 }, () => person()));
    const replies = await Promise.all(people.map((p) => apply(p.token, phone)));
    const accepted = replies.filter((r) => r.status === 202);
    expect(accepted).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 202)) expect(r.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'phone_in_use' } });

    // Approved, it still holds the phone: a second identity cannot be verified on it.
    const a = await admin();
    await app.api.approveVerification({ token: a, params: { id: accepted[0]!.body!.verification.id } });
    const late = await person();
    expect((await apply(late.token, phone)).error?.details).toMatchObject({ reason: 'phone_in_use' });
  });

  it('a rejection frees the phone; a recipient may apply 3 times in 30 days', async () => {
    const a = await admin();
    const me = await person();
    const phones = ['13600136001', '13600136002', '13600136003', '13600136004'];
    for (const phone of phones.slice(0, 3)) {
      const r = await apply(me.token, phone);
      expect(r.status).toBe(202);
      await app.api.rejectVerification({ token: a, params: { id: r.body!.verification.id }, body: { reason: '材料不全' } });
    }
    const fourth = await apply(me.token, phones[3]!);
    expect(fourth.status).toBe(429);
    expect(fourth.error?.code).toBe('RATE_LIMITED');
    // The rejected phone is free for its real owner.
    const owner = await person();
    expect((await apply(owner.token, phones[0]!)).status).toBe(202);
  });

  it('the same Idempotency-Key twice answers the same receipt; with another body it is refused', async () => {
    const me = await person();
    const first = await apply(me.token, '13700137011', { idempotencyKey: 'apply-once-0001' });
    const again = await apply(me.token, '13700137011', { idempotencyKey: 'apply-once-0001' });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    const other = await apply(me.token, '13700137011', { idempotencyKey: 'apply-once-0001', name: '别人' });
    expect(other.status).toBe(422);
    // Without a key, a second application while one waits is a conflict, as before.
    expect((await apply(me.token, '13700137011')).error?.details).toMatchObject({ reason: 'pending' });
  });

  it('the admin list pages with limit and cursor, every application once', async () => {
    await app.setClock('2026-12-02T10:00:00+08:00');
    const people = await Promise.all(Array.from({ length: 7 }, () => person()));
    for (const [i, p] of people.entries()) expect((await apply(p.token, `1380000000${i}`)).status).toBe(202);
    const a = await admin();
    const pages = await allPages((after) => app.api.listVerifications({ token: a, query: { status: 'PENDING', limit: 3, ...after } }));
    for (const page of pages) expect(page.verifications.length).toBeLessThanOrEqual(3);
    const seen = pages.flatMap((p) => p.verifications.map((v) => v.id));
    expect(new Set(seen).size).toBe(seen.length);
    const all = await app.api.listVerifications({ token: a, query: { status: 'PENDING', limit: 200 } });
    expect(all.next).toBeNull();
    expect(seen.sort()).toEqual(all.verifications.map((v) => v.id).sort());
    expect(all.verifications.length).toBeGreaterThanOrEqual(7);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(all.verifications.length / 3));
    expect((await app.api.listVerifications.reply({ token: a, query: { limit: 201 } })).status).toBe(422);
    expect((await app.api.listVerifications.reply({ token: a, query: { cursor: 'bm90LWEtY3Vyc29y' } })).status).toBe(422);
  });

  it('pending applications left undecided for 30 days are purged whole: the phone and the recipient are free again', async () => {
    await app.setClock('2026-12-03T10:00:00+08:00');
    const me = await person();
    const v = (await apply(me.token, '13900139099')).body!.verification;
    await app.setClock('2027-01-01T10:00:00+08:00'); // 29 days: still waiting
    const purge = async () => (await app.call<{ purged: number; stale: number }>('POST', '/__test__/jobs/purge-personal-data')).body;
    await purge();
    expect(await app.deps.store.verifications.get(v.id)).not.toBeNull();

    await app.setClock('2027-01-03T10:00:00+08:00');
    expect((await purge()).stale).toBeGreaterThanOrEqual(1);
    expect(await app.deps.store.verifications.get(v.id)).toBeNull();
    const back = await person(me.key);
    expect((await app.api.getMe({ token: back.token })).user.verification).toBeNull();
    const pending = await app.api.listVerifications({ token: await admin(), query: { status: 'PENDING', limit: 200 } });
    expect(pending.verifications.map((x) => x.id)).not.toContain(v.id);
    // The phone is free: its owner (or the same recipient) may apply again.
    expect((await apply(back.token, '13900139099')).status).toBe(202);
  });

  it('a pending application holds its phone until the purge takes it, not until a date: no second identity slips in between', async () => {
    await app.setClock('2027-02-01T10:00:00+08:00');
    const first = await person();
    expect((await apply(first.token, '13700137001')).status).toBe(202);
    // Midnight starting the 31st day: 30 days are over, the 03:30 purge has not run yet.
    await app.setClock('2027-03-04T00:00:00+08:00');
    const second = await person();
    const early = await apply(second.token, '13700137001');
    expect(early.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'phone_in_use' } });
    // After the purge, the phone is free.
    await app.setClock('2027-03-04T03:30:00+08:00');
    expect((await app.call<{ stale: number }>('POST', '/__test__/jobs/purge-personal-data')).body.stale).toBeGreaterThanOrEqual(1);
    expect((await apply(second.token, '13700137001')).status).toBe(202);
  });
});
