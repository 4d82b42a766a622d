/**
 * Leaderboards and thanks through the HTTP API: exact counts under concurrent redemptions,
 * immutable published versions, likes and notes that never name who wrote them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSent } from '../support/api-client.js';
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
  const bookings = await Promise.all(tokens.map((token) => app.api.createBooking.reply({ token, body: { offeringId: p.offeringId, windowId: 'lunch' } })));
  for (const b of bookings) expect(b.status, b.text).toBe(201);
  return bookings.map((b, i) => ({
    token: tokens[i]!,
    id: b.body!.booking.id,
    code: b.body!.booking.code!,
    voucher: b.body!.booking.voucher!,
  }));
}

describe('exact under concurrency', () => {
  // Scanned vouchers: a counter scans in parallel, while typed codes are throttled as guesses
  // (at most the wrong-code limit are checked at once).
  it('50 concurrent redemptions (each scanned twice) at one provider: its day item counts exactly the successes', async () => {
    const p = await providerWithOffering(app, '并发餐厅', 60);
    const booked = await bookAndRedeem(p, 50);
    const answers = await Promise.all(
      [...booked, ...booked].map((b) => app.api.redeem.reply({ token: p.staffToken, body: { voucher: b.voucher } })),
    );
    const ok = answers.filter((a) => a.status === 200).length;
    expect(ok).toBe(50);
    expect(answers.filter((a) => a.status === 409).every((a) => a.error?.code === 'ALREADY_REDEEMED')).toBe(true);
    const day = (await app.deps.store.impact.day(DAY)).find((f) => f.providerId === p.providerId)!;
    expect(day.counts).toMatchObject({ meals: ok, bookedValueFen: ok * 2590, recipients: ok, recipientsNewInMonth: ok, recipientsNewEver: ok });
    const stats = await app.api.adminStats({ token: admin, query: { from: DAY, to: DAY, by: 'provider' } });
    expect(stats.rows.find((r) => r.key === p.providerId)).toMatchObject({ meals: 50, personTimes: 50, valueFen: 50 * 2590 });
  });
});

describe('published leaderboards', () => {
  const publish = (period: 'month' | 'quarter' | 'year', key: string) => app.api.publishLeaderboard.reply({ token: admin, body: { period, key } });

  it('a period is published only once it has ended and its last day is rolled up; a version never changes', async () => {
    const a = await providerWithOffering(app, '甲餐厅', 20);
    const b = await providerWithOffering(app, '乙餐厅', 20);
    for (const x of await bookAndRedeem(a, 3)) await app.api.redeem({ token: a.staffToken, body: { code: x.code } });
    for (const x of await bookAndRedeem(b, 2)) await app.api.redeem({ token: b.staffToken, body: { code: x.code } });

    // The month's last day, at lunch and at its last second: a late-window meal could still change it.
    for (const now of [`${DAY}T11:40:00+08:00`, `${DAY}T23:59:59+08:00`, '2026-12-01T00:20:00+08:00']) {
      await app.setClock(now);
      admin = await app.adminToken();
      const open = await publish('month', '2026-11');
      expect(open.status, now).toBe(409);
      expect(open.error).toMatchObject({ code: 'PERIOD_OPEN', details: { lastDay: DAY } });
    }
    // A period that has not begun, or a year still running: nothing to publish, and it must not become "latest".
    expect((await publish('year', '2099')).error?.code).toBe('PERIOD_OPEN');
    expect((await publish('year', '2026')).error?.code).toBe('PERIOD_OPEN');
    expect((await app.api.latestLeaderboard.reply({ query: { period: 'year' } })).status).toBe(404);

    // Rolled up (00:20, past the roll-up's 15 minutes): now it can be published.
    expect((await app.call('POST', '/__test__/jobs/roll-up-impact')).status).toBe(200);
    const first = await publish('month', '2026-11');
    expect(first.status).toBe(201);
    const v1 = first.body!.leaderboard;
    expect(v1).toMatchObject({ period: 'month', key: '2026-11', version: 1 });
    const rankOf = (board: { entries: { providerId: string; rank: number }[] }, id: string) => board.entries.find((e) => e.providerId === id)!.rank;
    expect(rankOf(v1, a.providerId)).toBeLessThan(rankOf(v1, b.providerId));
    expect(await app.api.getLeaderboard({ params: { period: 'month', key: '2026-11' }, query: { version: 1 } })).toEqual(v1);
    expect(await app.api.latestLeaderboard({ query: { period: 'month' } })).toEqual(v1);

    const second = (await publish('month', '2026-11')).body!.leaderboard;
    expect(second.version).toBe(2);
    expect(await app.api.getLeaderboard({ params: { period: 'month', key: '2026-11' }, query: { version: 1 } })).toEqual(v1);
    expect((await app.api.getLeaderboard({ params: { period: 'month', key: '2026-11' }, query: {} })).version).toBe(2);
    expect((await app.api.latestLeaderboard({ query: { period: 'month' } })).version).toBe(2);
  });

  it('two admins publishing at once get versions n and n+1, never one overwriting the other', async () => {
    const both = await Promise.all([0, 1].map(() => publish('quarter', '2026-Q3')));
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    expect(both.map((r) => r.body!.leaderboard.version).sort()).toEqual([1, 2]);
  });

  it('admins list every published version of a period type, newest first, page by page', async () => {
    // Published above: month 2026-11 v1 and v2, quarter 2026-Q3 v1 and v2. One more, an earlier month.
    expect((await publish('month', '2026-10')).status).toBe(201);
    const first = await app.api.adminListLeaderboards.reply({ token: admin, query: { period: 'month', limit: 2 } });
    expect(first.status).toBe(200);
    expect(first.body?.versions.map((v) => `${v.key} v${v.version}`)).toEqual(['2026-11 v2', '2026-11 v1']);
    // The keys as sent: parsing would drop any beyond the contract's.
    expect(Object.keys((asSent(first) as { versions: object[] }).versions[0]!).sort()).toEqual(['key', 'period', 'publishedAt', 'version', 'withdrawn']);
    expect(first.body?.next).toEqual(expect.any(String));
    const next = first.body!.next!;
    const rest = await app.api.adminListLeaderboards.reply({ token: admin, query: { period: 'month', limit: 2, cursor: next } });
    expect(rest.body).toEqual({ versions: [expect.objectContaining({ period: 'month', key: '2026-10', version: 1 })], next: null });
    const quarters = await app.api.adminListLeaderboards({ token: admin, query: { period: 'quarter' } });
    expect(quarters.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(await app.api.adminListLeaderboards({ token: admin, query: { period: 'year' } })).toEqual({ versions: [], next: null });
    // A cursor from another period's list, no period, or no admin: refused.
    expect((await app.api.adminListLeaderboards.reply({ token: admin, query: { period: 'quarter', cursor: next } })).status).toBe(422);
    expect((await app.api.adminListLeaderboards.reply({ token: admin })).status).toBe(422);
    expect((await app.api.adminListLeaderboards.reply({ token: await recipient(app), query: { period: 'month' } })).status).toBe(403);
  });

  it('a withdrawn version leaves the public board, which falls back to the newest one still standing; audited, once', async () => {
    const withdraw = (version: number, reason = '榜单数据有误，重新核对') =>
      app.api.withdrawLeaderboard.reply({ token: admin, params: { period: 'month', key: '2026-11', version }, body: { reason } });
    const out = await withdraw(2);
    expect(out.status).toBe(200);
    expect(out.body!.leaderboard).toMatchObject({ key: '2026-11', version: 2, withdrawn: { reason: '榜单数据有误，重新核对', by: { id: expect.any(String) } } });
    // Public: version 2 is gone; the newest of 2026-11 and the latest month are version 1 again.
    expect((await app.api.getLeaderboard.reply({ params: { period: 'month', key: '2026-11' }, query: { version: 2 } })).status).toBe(404);
    expect((await app.api.getLeaderboard({ params: { period: 'month', key: '2026-11' }, query: {} })).version).toBe(1);
    expect(await app.api.latestLeaderboard({ query: { period: 'month' } })).toMatchObject({ key: '2026-11', version: 1 });
    // Withdrawing 2026-11 v1 too: the latest month falls back to 2026-10.
    expect((await withdraw(1)).status).toBe(200);
    expect(await app.api.latestLeaderboard({ query: { period: 'month' } })).toMatchObject({ key: '2026-10', version: 1 });
    expect((await app.api.getLeaderboard.reply({ params: { period: 'month', key: '2026-11' } })).status).toBe(404);
    // Once only; no such version; a reason is required; admins only.
    const twice = await withdraw(2);
    expect(twice.status).toBe(409);
    expect(twice.error?.code).toBe('CONFLICT');
    expect((await withdraw(9)).status).toBe(404);
    expect((await withdraw(1, '')).status).toBe(422);
    expect((await app.api.withdrawLeaderboard.reply({ token: await recipient(app), params: { period: 'month', key: '2026-10', version: 1 }, body: { reason: '不行不行' } })).status).toBe(403);
    // The admins' list still shows it, marked; the audit log has who and why.
    const listed = (await app.api.adminListLeaderboards({ token: admin, query: { period: 'month' } })).versions;
    expect(listed.find((v) => v.key === '2026-11' && v.version === 2)!.withdrawn).toMatchObject({ reason: '榜单数据有误，重新核对' });
    const audit = (await app.api.listAudit({ token: admin, query: { limit: 200 } })).entries.filter((e) => e.target.id === 'month:2026-11:v2');
    expect(audit.map((e) => e.action).sort()).toEqual(['publishLeaderboard', 'withdrawLeaderboard']);
    expect(audit.find((e) => e.action === 'withdrawLeaderboard')!.after).toMatchObject({ withdrawn: { reason: '榜单数据有误，重新核对' } });
  });

  it('refuses keys that do not name a period of the type, and answers 404 where nothing was published', async () => {
    expect((await app.api.previewLeaderboard.reply({ token: admin, query: { period: 'month', key: '2026-Q4' } })).status).toBe(422);
    expect((await app.api.publishLeaderboard.reply({ token: admin, body: { period: 'year', key: '2026-11' } })).status).toBe(422);
    expect((await app.api.latestLeaderboard.reply({ query: { period: 'year' } })).status).toBe(404);
    expect((await app.api.getLeaderboard.reply({ params: { period: 'month', key: '2026-11' }, query: { version: 99 } })).status).toBe(404);
    // A period type the contract does not have: sent raw.
    expect((await app.call('GET', '/v1/leaderboards/week/2026-11')).status).toBe(404);
    expect((await app.api.publishLeaderboard.reply({ token: await recipient(app), body: { period: 'month', key: '2026-11' } })).status).toBe(403);
  });
});

describe('thanks from the people fed', () => {
  // The next day's lunch (the leaderboards above moved the clock past November).
  beforeAll(async () => {
    await app.setClock('2026-12-01T11:40:00+08:00');
    admin = await app.adminToken();
  });

  it('only the recipient of a redeemed booking can thank, once; staff see the note and no one who wrote it; hidden, it disappears', async () => {
    const p = await providerWithOffering(app, '感谢餐厅', 20);
    const [x, y] = await bookAndRedeem(p, 2);
    // Not yet redeemed: nothing to thank for.
    const thank = (token: string, body: { like: true; note?: string }) => app.api.thankProvider.reply({ token, params: { id: x!.id }, body });
    const early = await thank(x!.token, { like: true });
    expect(early.status).toBe(409);
    await app.api.redeem({ token: p.staffToken, body: { code: x!.code } });
    // Someone else's booking does not exist for them.
    expect((await thank(y!.token, { like: true })).status).toBe(404);
    expect((await thank(x!.token, { like: true, note: 'x'.repeat(141) })).status).toBe(422);

    const thanked = await thank(x!.token, { like: true, note: '谢谢老板，饭菜很香！' });
    expect(thanked.status).toBe(201);
    const twice = await Promise.all([0, 1].map(() => thank(x!.token, { like: true })));
    expect(twice.map((r) => r.status)).toEqual([409, 409]);

    const notes = await app.api.staffThanks.reply({ token: p.staffToken });
    expect(notes.status).toBe(200);
    expect(notes.body?.thanks).toHaveLength(1);
    // The keys as sent: parsing would drop one naming the writer before this looked.
    expect(Object.keys((asSent(notes) as { thanks: object[] }).thanks[0]!).sort()).toEqual(['at', 'id', 'note']);
    const note = notes.body!.thanks[0]!;
    expect(note.note).toBe('谢谢老板，饭菜很香！');
    expect(notes.body?.likes).toBe(1);
    expect(notes.text).not.toContain(x!.id);
    expect((await app.api.getProvider({ params: { id: p.providerId } })).provider.likes).toBe(1);
    const preview = await app.api.previewLeaderboard({ token: admin, query: { period: 'month', key: '2026-12' } });
    expect(preview.entries.find((e) => e.providerId === p.providerId)!.likes).toBe(1);

    const hidden = await app.api.hideThanks.reply({ token: admin, params: { id: note.id } });
    expect(hidden.status).toBe(200);
    expect(hidden.body?.thanks.hidden).toBe(true);
    const afterHide = await app.api.staffThanks({ token: p.staffToken });
    expect(afterHide.thanks).toEqual([]);
    // Hiding judges the words, not the meal: the like stays.
    expect(afterHide.likes).toBe(1);
    expect((await app.api.adminThanks({ token: admin, query: { providerId: p.providerId } })).thanks).toEqual([]);
    expect((await app.api.hideThanks.reply({ token: admin, params: { id: 't_nosuchnote' } })).status).toBe(404);
  });

  it('a food-safety report needs a meal the reporter was handed there; it reaches the admins, not the restaurant, and carries no reporter', async () => {
    const p = await providerWithOffering(app, '安全餐厅', 20);
    const [fed] = await bookAndRedeem(p, 1);
    const token = fed!.token;
    // Booked but not yet handed over: nothing eaten, nothing to report on.
    const early = await app.api.reportSafety.reply({ token, body: { providerId: p.providerId, text: '饭菜有异味' } });
    expect(early.status).toBe(403);
    expect(early.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'no_meal' } });
    // Someone who never ate there cannot report at all.
    expect((await app.api.reportSafety.reply({ token: await recipient(app), body: { providerId: p.providerId, text: '饭菜有异味' } })).status).toBe(403);
    await app.api.redeem({ token: p.staffToken, body: { code: fed!.code } });
    const r = await app.api.reportSafety.reply({ token, body: { providerId: p.providerId, text: '饭菜有异味' } });
    expect(r.status).toBe(202);
    const reportId = r.body!.report.id;
    const listed = await app.api.adminSafetyReports.reply({ token: admin });
    const mine = listed.body?.reports.find((x) => x.id === reportId);
    // Linked to the meal it is about (their latest there), so the desk can open it.
    expect(mine).toMatchObject({ providerId: p.providerId, providerName: '安全餐厅', text: '饭菜有异味', bookingId: fed!.id, status: 'OPEN', closed: null });
    // As sent: parsing would drop a field naming the reporter before this looked.
    expect(JSON.stringify((asSent(listed) as { reports: { id: string }[] }).reports.find((x) => x.id === reportId))).not.toMatch(/recipient|token/i);
    expect((await app.api.adminSafetyReports.reply({ token: p.staffToken })).status).toBe(403);
    expect((await app.api.staffThanks.reply({ token: p.staffToken })).text).not.toContain('异味');
    expect((await app.api.reportSafety.reply({ token, body: { providerId: 'p_nosuch', text: 'x' } })).status).toBe(404);

    // An administrator closes it with what was done: it moves to the closed list, once, audited.
    const close = (note: string) => app.api.closeSafetyReport.reply({ token: admin, params: { id: reportId }, body: { note } });
    const closed = await close('已联系餐厅，更换米饭供应商');
    expect(closed.status).toBe(200);
    expect(closed.body!.report).toMatchObject({ status: 'CLOSED', closed: { note: '已联系餐厅，更换米饭供应商', by: { id: expect.any(String) } } });
    expect((await close('again')).error?.code).toBe('CONFLICT');
    expect((await app.api.closeSafetyReport.reply({ token: admin, params: { id: 'r_nosuch' }, body: { note: 'x' } })).status).toBe(404);
    const open = await app.api.adminSafetyReports({ token: admin, query: {} });
    expect(open.reports.map((x) => x.id)).not.toContain(reportId);
    const done = await app.api.adminSafetyReports({ token: admin, query: { status: 'CLOSED' } });
    expect(done.reports.map((x) => x.id)).toContain(reportId);
    const audit = (await app.api.listAudit({ token: admin, query: { target: reportId } })).entries;
    expect(audit.map((e) => e.action)).toEqual(['closeSafetyReport']);
  });

  it('staff see the day a note was written, never its time: the second would point at the person just served', async () => {
    const p = await providerWithOffering(app, '日期餐厅', 20);
    const [x] = await bookAndRedeem(p, 1);
    await app.api.redeem({ token: p.staffToken, body: { code: x!.code } });
    await app.api.thankProvider({ token: x!.token, params: { id: x!.id }, body: { like: true, note: '好吃' } });
    const notes = await app.api.staffThanks({ token: p.staffToken, query: {} });
    expect(notes.thanks.map((n) => n.at)).toEqual(['2026-12-01']);
  });
});
