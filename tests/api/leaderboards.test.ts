/**
 * Leaderboards and thanks through the HTTP API: exact counts under concurrent redemptions,
 * immutable published versions, likes and notes that never name who wrote them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering, recipient } from '../support/people.js';

let app: TestApp;
let admin: string;
const DAY = '2026-11-30';

beforeAll(async () => {
  app = await startTestApp({ seed: false });
  await app.setClock(`${DAY}T11:40:00+08:00`);
  admin = await app.adminToken();
});
afterAll(() => app.stop());

async function bookAndRedeem(p: { offeringId: string; staffToken: string }, n: number) {
  const tokens = await Promise.all(Array.from({ length: n }, () => recipient(app)));
  const bookings = await Promise.all(tokens.map((token) => app.call('POST', '/v1/bookings', { token, body: { offeringId: p.offeringId, windowId: 'lunch' } })));
  for (const b of bookings) expect(b.status, b.text).toBe(201);
  return bookings.map((b, i) => ({
    token: tokens[i]!,
    id: b.body.booking.id as string,
    code: b.body.booking.code as string,
    voucher: b.body.booking.voucher as string,
  }));
}

describe('exact under concurrency', () => {
  // Scanned vouchers: a counter scans in parallel, while typed codes are throttled as guesses
  // (at most the wrong-code limit are checked at once).
  it('50 concurrent redemptions (each scanned twice) at one provider: its day item counts exactly the successes', async () => {
    const p = await providerWithOffering(app, '并发餐厅', 60);
    const booked = await bookAndRedeem(p, 50);
    const answers = await Promise.all(
      [...booked, ...booked].map((b) => app.call('POST', '/v1/staff/redemptions', { token: p.staffToken, body: { voucher: b.voucher } })),
    );
    const ok = answers.filter((a) => a.status === 200).length;
    expect(ok).toBe(50);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'ALREADY_REDEEMED')).toBe(true);
    const day = (await app.deps.store.impact.day(DAY)).find((f) => f.providerId === p.providerId)!;
    expect(day.counts).toMatchObject({ meals: ok, bookedValueFen: ok * 2590, recipients: ok, recipientsNewInMonth: ok, recipientsNewEver: ok });
    const stats = (await app.call('GET', `/v1/admin/stats?from=${DAY}&to=${DAY}&by=provider`, { token: admin })).body;
    expect(stats.rows.find((r: { key: string }) => r.key === p.providerId)).toMatchObject({ meals: 50, personTimes: 50, valueFen: 50 * 2590 });
  });
});

describe('published leaderboards', () => {
  it('a published version never changes; publishing again makes version 2 beside it', async () => {
    const a = await providerWithOffering(app, '甲餐厅', 20);
    const b = await providerWithOffering(app, '乙餐厅', 20);
    for (const x of await bookAndRedeem(a, 3)) await app.call('POST', '/v1/staff/redemptions', { token: a.staffToken, body: { code: x.code } });
    for (const x of await bookAndRedeem(b, 2)) await app.call('POST', '/v1/staff/redemptions', { token: b.staffToken, body: { code: x.code } });

    const first = await app.call('POST', '/v1/admin/leaderboards', { token: admin, body: { period: 'month', key: '2026-11' } });
    expect(first.status).toBe(201);
    expect(first.body.leaderboard).toMatchObject({ period: 'month', key: '2026-11', version: 1 });
    const v1 = first.body.leaderboard;
    const rankOf = (board: { entries: { providerId: string; rank: number; meals: number }[] }, id: string) => board.entries.find((e) => e.providerId === id);
    expect(rankOf(v1, a.providerId)!.rank).toBeLessThan(rankOf(v1, b.providerId)!.rank);

    // B overtakes A after publishing.
    for (const x of await bookAndRedeem(b, 5)) await app.call('POST', '/v1/staff/redemptions', { token: b.staffToken, body: { code: x.code } });
    const again = (await app.call('GET', '/v1/leaderboards/month/2026-11?version=1')).body;
    expect(again).toEqual(v1);
    const latest = (await app.call('GET', '/v1/leaderboards/latest?period=month')).body;
    expect(latest).toEqual(v1);

    const second = (await app.call('POST', '/v1/admin/leaderboards', { token: admin, body: { period: 'month', key: '2026-11' } })).body.leaderboard;
    expect(second.version).toBe(2);
    expect(rankOf(second, b.providerId)!.rank).toBeLessThan(rankOf(second, a.providerId)!.rank);
    expect((await app.call('GET', '/v1/leaderboards/month/2026-11?version=1')).body).toEqual(v1);
    expect((await app.call('GET', '/v1/leaderboards/month/2026-11')).body.version).toBe(2);
    expect((await app.call('GET', '/v1/leaderboards/latest?period=month')).body.version).toBe(2);
  });

  it('two admins publishing at once get versions n and n+1, never one overwriting the other', async () => {
    const both = await Promise.all([0, 1].map(() => app.call('POST', '/v1/admin/leaderboards', { token: admin, body: { period: 'quarter', key: '2026-Q4' } })));
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    expect(both.map((r) => r.body.leaderboard.version).sort()).toEqual([1, 2]);
  });

  it('admins list every published version of a period type, newest first, page by page', async () => {
    // Published above: month 2026-11 v1 and v2, quarter 2026-Q4 v1 and v2. One more, an earlier month.
    expect((await app.call('POST', '/v1/admin/leaderboards', { token: admin, body: { period: 'month', key: '2026-10' } })).status).toBe(201);
    const first = await app.call('GET', '/v1/admin/leaderboards?period=month&limit=2', { token: admin });
    expect(first.status).toBe(200);
    expect(first.body.versions.map((v: { key: string; version: number }) => `${v.key} v${v.version}`)).toEqual(['2026-11 v2', '2026-11 v1']);
    expect(Object.keys(first.body.versions[0]).sort()).toEqual(['key', 'period', 'publishedAt', 'version']);
    expect(first.body.next).toEqual(expect.any(String));
    const rest = await app.call('GET', `/v1/admin/leaderboards?period=month&limit=2&cursor=${first.body.next}`, { token: admin });
    expect(rest.body).toEqual({ versions: [expect.objectContaining({ period: 'month', key: '2026-10', version: 1 })], next: null });
    const quarters = (await app.call('GET', '/v1/admin/leaderboards?period=quarter', { token: admin })).body;
    expect(quarters.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await app.call('GET', '/v1/admin/leaderboards?period=year', { token: admin })).body).toEqual({ versions: [], next: null });
    // A cursor from another period's list, no period, or no admin: refused.
    expect((await app.call('GET', `/v1/admin/leaderboards?period=quarter&cursor=${first.body.next}`, { token: admin })).status).toBe(422);
    expect((await app.call('GET', '/v1/admin/leaderboards', { token: admin })).status).toBe(422);
    expect((await app.call('GET', '/v1/admin/leaderboards?period=month', { token: await recipient(app) })).status).toBe(403);
  });

  it('refuses keys that do not name a period of the type, and answers 404 where nothing was published', async () => {
    expect((await app.call('GET', '/v1/admin/leaderboards/preview?period=month&key=2026-Q4', { token: admin })).status).toBe(422);
    expect((await app.call('POST', '/v1/admin/leaderboards', { token: admin, body: { period: 'year', key: '2026-11' } })).status).toBe(422);
    expect((await app.call('GET', '/v1/leaderboards/latest?period=year')).status).toBe(404);
    expect((await app.call('GET', '/v1/leaderboards/month/2026-11?version=99')).status).toBe(404);
    expect((await app.call('GET', '/v1/leaderboards/week/2026-11')).status).toBe(404);
    expect((await app.call('POST', '/v1/admin/leaderboards', { token: await recipient(app), body: { period: 'month', key: '2026-11' } })).status).toBe(403);
  });
});

describe('thanks from the people fed', () => {
  it('only the recipient of a redeemed booking can thank, once; staff see the note and no one who wrote it; hidden, it disappears', async () => {
    const p = await providerWithOffering(app, '感谢餐厅', 20);
    const [x, y] = await bookAndRedeem(p, 2);
    // Not yet redeemed: nothing to thank for.
    const early = await app.call('POST', `/v1/bookings/${x!.id}/thanks`, { token: x!.token, body: { like: true } });
    expect(early.status).toBe(409);
    await app.call('POST', '/v1/staff/redemptions', { token: p.staffToken, body: { code: x!.code } });
    // Someone else's booking does not exist for them.
    expect((await app.call('POST', `/v1/bookings/${x!.id}/thanks`, { token: y!.token, body: { like: true } })).status).toBe(404);
    expect((await app.call('POST', `/v1/bookings/${x!.id}/thanks`, { token: x!.token, body: { like: true, note: 'x'.repeat(141) } })).status).toBe(422);

    const thanked = await app.call('POST', `/v1/bookings/${x!.id}/thanks`, { token: x!.token, body: { like: true, note: '谢谢老板，饭菜很香！' } });
    expect(thanked.status).toBe(201);
    const twice = await Promise.all([0, 1].map(() => app.call('POST', `/v1/bookings/${x!.id}/thanks`, { token: x!.token, body: { like: true } })));
    expect(twice.map((r) => r.status)).toEqual([409, 409]);

    const notes = await app.call('GET', '/v1/staff/thanks', { token: p.staffToken });
    expect(notes.status).toBe(200);
    expect(notes.body.thanks).toHaveLength(1);
    expect(Object.keys(notes.body.thanks[0]).sort()).toEqual(['at', 'id', 'note']);
    expect(notes.body.thanks[0].note).toBe('谢谢老板，饭菜很香！');
    expect(notes.body.likes).toBe(1);
    expect(notes.text).not.toContain(x!.id);
    expect((await app.call('GET', `/v1/providers/${p.providerId}`)).body.provider.likes).toBe(1);
    const preview = (await app.call('GET', '/v1/admin/leaderboards/preview?period=month&key=2026-11', { token: admin })).body;
    expect(preview.entries.find((e: { providerId: string }) => e.providerId === p.providerId).likes).toBe(1);

    const hidden = await app.call('POST', `/v1/admin/thanks/${notes.body.thanks[0].id}/hide`, { token: admin });
    expect(hidden.status).toBe(200);
    expect(hidden.body.thanks.hidden).toBe(true);
    const afterHide = (await app.call('GET', '/v1/staff/thanks', { token: p.staffToken })).body;
    expect(afterHide.thanks).toEqual([]);
    // Hiding judges the words, not the meal: the like stays.
    expect(afterHide.likes).toBe(1);
    expect((await app.call('GET', `/v1/admin/thanks?providerId=${p.providerId}`, { token: admin })).body.thanks).toEqual([]);
    expect((await app.call('POST', '/v1/admin/thanks/t_nosuchnote/hide', { token: admin })).status).toBe(404);
  });

  it('a food-safety report reaches the admins, not the restaurant, and carries no reporter', async () => {
    const p = await providerWithOffering(app, '安全餐厅', 20);
    const token = await recipient(app);
    const r = await app.call('POST', '/v1/safety-reports', { token, body: { providerId: p.providerId, text: '饭菜有异味' } });
    expect(r.status).toBe(202);
    const list = (await app.call('GET', '/v1/admin/safety-reports', { token: admin })).body.reports;
    const mine = list.find((x: { id: string }) => x.id === r.body.report.id);
    expect(mine).toMatchObject({ providerId: p.providerId, providerName: '安全餐厅', text: '饭菜有异味', bookingId: null });
    expect(JSON.stringify(mine)).not.toMatch(/recipient|token/i);
    expect((await app.call('GET', '/v1/admin/safety-reports', { token: p.staffToken })).status).toBe(403);
    expect((await app.call('GET', '/v1/staff/thanks', { token: p.staffToken })).text).not.toContain('异味');
    expect((await app.call('POST', '/v1/safety-reports', { token, body: { providerId: 'p_nosuch', text: 'x' } })).status).toBe(404);
  });
});
