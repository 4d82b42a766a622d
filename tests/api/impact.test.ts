/**
 * Impact figures and leaderboards against an independent recount: a scripted month of bookings,
 * redemptions, blind boxes, handouts, cancels and no-shows across providers and sub-districts
 * (test clock), read before and after the nightly roll-up.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import { addCounts, effective, zeroCounts, type ImpactCounts } from '../../functions/domain/impact.js';
import { packAreaMonths, packPeriod, rollUpSpan } from '../../functions/jobs/roll-up-impact.js';
import { seededRandom } from '../../functions/seed/random.js';
import { splitPoints, type ProviderCounts } from '../../functions/store/impact.js';
import { keys } from '../../functions/store/keys.js';
import type { StatsQuery } from '../../functions/contract/impact.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { recipient, staff } from '../support/people.js';

let app: TestApp;
let admin: string;

const RESTAURANTS = ['futian', 'meilin', 'lianhua', 'nanyuan', 'huafu'];
const DISTRICT_OF: Record<string, string> = { 'demo-base': 'futian', 'demo-youth': 'lianhua', ...Object.fromEntries(RESTAURANTS.map((d) => [`demo-${d}`, d])) };
/** Weekdays and one weekend day of November 2026 (blind boxes run on weekdays only). */
const DAYS = ['2026-11-02', '2026-11-04', '2026-11-06', '2026-11-07', '2026-11-10', '2026-11-12', '2026-11-16', '2026-11-19', '2026-11-23', '2026-11-26'];
/** Futian's lunch goes from 25.00 to 30.00 yuan on the 12th; meals booked before keep their value. */
const PRICE_CHANGE = '2026-11-12';

interface Outcome { date: string; providerId: string; kind: 'meal' | 'blind_box'; valueFen: number; recipient: string }
const redeemed: Outcome[] = [];
const walkIns: { date: string; providerId: string; count: number; valueFen: number }[] = [];
let cancels = 0;
let noShows = 0;

const valueOf = (providerId: string, date: string) =>
  providerId === 'demo-base' || providerId === 'demo-youth' ? 1500 : providerId === 'demo-futian' && date >= PRICE_CHANGE ? 3000 : 2500;

beforeAll(async () => {
  app = await startTestApp({ seed: true, config: { ...config, impact: { ...config.impact, publicStatsTtlMs: 0 } } });
  await app.setClock('2026-11-02T08:00:00+08:00');
  await signIn();
  const staffOf = new Map<string, string>();
  // Staff sessions last 12 hours: each day's counter signs in that morning.
  const signInStaff = async () => {
    for (const d of RESTAURANTS) staffOf.set(`demo-${d}`, await staff(app, `staff-${d}`));
    staffOf.set('demo-base', await staff(app, 'staff-base'));
    staffOf.set('demo-youth', await staff(app, 'staff-youth'));
  };
  const rnd = seededRandom(20261101);
  // Recipients come back on later days (each has 3 free claims): distinct counts differ from meal counts.
  const pool: { token: string; claims: number }[] = [];
  const someone = async () => {
    const back = pool.filter((p) => p.claims < 3);
    if (back.length > 0 && rnd() < 0.5) return back[Math.floor(rnd() * back.length)]!;
    const p = { token: await recipient(app), claims: 0 };
    pool.push(p);
    return p;
  };

  for (const date of DAYS) {
    if (date === PRICE_CHANGE) {
      await app.setClock(`${date}T08:00:00+08:00`);
      await signIn();
      const o = await app.api.adminGetProvider({ token: admin, params: { id: 'demo-futian' } });
      expect(o.provider.id).toBe('demo-futian');
      const put = await app.api.putOffering.reply({
        token: admin,
        params: { id: 'demo-futian', offeringId: 'demo-futian-lunch' },
        body: { name: '午餐套餐', kind: 'meal', dailyQuota: 10, weekdays: [1, 2, 3, 4, 5, 6, 7], windows: [{ id: 'lunch', start: '11:30', end: '13:30' }, { id: 'dinner', start: '17:30', end: '19:30' }], standard: '两荤一素', valueFen: 3000, active: true },
      });
      expect(put.status).toBe(200);
    }
    await app.setClock(`${date}T11:40:00+08:00`);
    await signInStaff();
    const weekday = new Date(`${date}T12:00:00+08:00`).getUTCDay();
    const providers = [...RESTAURANTS.map((d) => `demo-${d}`), ...(weekday >= 1 && weekday <= 5 ? ['demo-base', 'demo-youth'] : [])];
    const late: { token: string; id: string }[] = [];
    const usedToday = new Set<string>();
    for (const providerId of providers) {
      const n = 1 + Math.floor(rnd() * 3);
      for (let i = 0; i < n; i++) {
        let p = await someone();
        if (usedToday.has(p.token)) p = { token: await recipient(app), claims: 0 };
        if (!pool.includes(p)) pool.push(p);
        const offeringId = providerId === 'demo-base' ? 'demo-base-box' : providerId === 'demo-youth' ? 'demo-youth-box' : `${providerId}-lunch`;
        const windowId = providerId === 'demo-base' || providerId === 'demo-youth' ? 'day' : 'lunch';
        const b = await app.api.createBooking.reply({ token: p.token, body: { offeringId, windowId } });
        expect(b.status, b.text).toBe(201);
        const booking = b.body!.booking;
        const roll = rnd();
        // Booked during the window: even a cancel uses the day's claim (a late cancel is a no-show).
        usedToday.add(p.token);
        p.claims++;
        if (roll < 0.15) {
          expect((await app.api.cancelBooking.reply({ token: p.token, params: { id: booking.id } })).status).toBe(200);
          cancels++;
          continue;
        }
        if (roll < 0.3 && windowId === 'lunch') {
          late.push({ token: p.token, id: booking.id });
          continue;
        }
        const r = await app.api.redeem.reply({ token: staffOf.get(providerId), body: { code: booking.code! } });
        expect(r.status).toBe(200);
        redeemed.push({ date, providerId, kind: booking.kind, valueFen: valueOf(providerId, date), recipient: p.token });
      }
      if (rnd() < 0.4 && providerId.startsWith('demo-') && !providerId.endsWith('base') && !providerId.endsWith('youth')) {
        const count = 1 + Math.floor(rnd() * 2);
        const w = await app.api.staffWalkIn.reply({ token: staffOf.get(providerId), body: { offeringId: `${providerId}-lunch`, count } });
        if (w.status === 201) walkIns.push({ date, providerId, count, valueFen: valueOf(providerId, date) });
      }
    }
    // The window closes: unredeemed lunches become no-shows.
    await app.setClock(`${date}T13:50:00+08:00`);
    const expired = (await app.call<{ expired: number }>('POST', '/__test__/jobs/expire-bookings')).body.expired;
    expect(expired).toBe(late.length);
    noShows += late.length;
  }
  // Some recipients came back: the distinct counts are worth testing.
  expect(new Set(redeemed.map((r) => r.recipient)).size).toBeLessThan(redeemed.length);
  expect(cancels + noShows).toBeGreaterThan(0);
  // A month of counter traffic through HTTP: minutes on a loaded 2-core machine.
}, 400_000);
afterAll(() => app.stop());

interface Fig { meals: number; blindBoxes: number; walkIns: number; personTimes: number; valueFen: number }
const empty = (): Fig => ({ meals: 0, blindBoxes: 0, walkIns: 0, personTimes: 0, valueFen: 0 });

/** The recount: straight from what happened, grouped by any key. */
function recount(keyOf: (date: string, providerId: string) => string, within = (_d: string) => true): Map<string, Fig> {
  const m = new Map<string, Fig>();
  const at = (k: string) => m.get(k) ?? (m.set(k, empty()), m.get(k)!);
  for (const r of redeemed.filter((x) => within(x.date))) {
    const f = at(keyOf(r.date, r.providerId));
    if (r.kind === 'meal') f.meals++;
    else f.blindBoxes++;
    f.personTimes++;
    f.valueFen += r.valueFen;
  }
  for (const w of walkIns.filter((x) => within(x.date))) {
    const f = at(keyOf(w.date, w.providerId));
    f.walkIns += w.count;
    f.personTimes += w.count;
    f.valueFen += w.count * w.valueFen;
  }
  return m;
}

const pick = (r: Fig): Fig => ({ meals: r.meals, blindBoxes: r.blindBoxes, walkIns: r.walkIns, personTimes: r.personTimes, valueFen: r.valueFen });
const nonZero = (rows: (Fig & { key: string })[]) => new Map(rows.filter((r) => r.personTimes > 0).map((r) => [r.key, pick(r)]));
/** Admin sessions last hours; the test clock travels a month, so each check signs in afresh. */
async function signIn(): Promise<string> {
  const r = await app.api.createAdminSession.reply({ body: { username: 'admin', password: 'test-admin-password' } });
  expect(r.status).toBe(200);
  return (admin = r.body!.token);
}
const stats = async (query: z.input<typeof StatsQuery>) => {
  const r = await app.api.adminStats.reply({ token: admin, query });
  expect(r.status).toBe(200);
  return r.body!;
};
const sumFig = (figs: Iterable<Fig>) => [...figs].reduce((a, f) => ({ meals: a.meals + f.meals, blindBoxes: a.blindBoxes + f.blindBoxes, walkIns: a.walkIns + f.walkIns, personTimes: a.personTimes + f.personTimes, valueFen: a.valueFen + f.valueFen }), empty());

/** Every figure of the month, by each view, equals the recount. */
async function expectMonthMatches() {
  await signIn();
  const range = { from: '2026-11-01', to: '2026-11-30' };
  const byDay = await stats({ ...range, by: 'day' });
  expect(nonZero(byDay.rows)).toEqual(recount((d) => d));
  expect(byDay.rows.map((r) => r.key)).toHaveLength(30);
  const byDistrict = await stats({ ...range, by: 'district' });
  expect(nonZero(byDistrict.rows)).toEqual(recount((_d, p) => DISTRICT_OF[p]!));
  const byProvider = await stats({ ...range, by: 'provider' });
  expect(nonZero(byProvider.rows)).toEqual(recount((_d, p) => p));
  const byMonth = await stats({ ...range, by: 'month' });
  expect(nonZero(byMonth.rows)).toEqual(recount(() => '2026-11'));
  const total = sumFig(recount(() => 'all').values());
  expect(pick(byDay.totals)).toEqual(total);
  // Distinct people: exact for a whole month and for a single day.
  expect(byDay.totals).toMatchObject({ recipients: new Set(redeemed.map((r) => r.recipient)).size, recipientsExact: true });
  const day = DAYS[4]!;
  const oneDay = await stats({ from: day, to: day, by: 'provider' });
  expect(oneDay.totals).toMatchObject({ recipients: new Set(redeemed.filter((r) => r.date === day).map((r) => r.recipient)).size, recipientsExact: true });
  expect(nonZero(oneDay.rows)).toEqual(recount((_d, p) => p, (d) => d === day));
  // A range across the middle of the month, loose days only.
  const mid = await stats({ from: '2026-11-05', to: '2026-11-19', by: 'district' });
  expect(nonZero(mid.rows)).toEqual(recount((_d, p) => DISTRICT_OF[p]!, (d) => d >= '2026-11-05' && d <= '2026-11-19'));
  // The public figures cover everything.
  const pub = await app.api.publicStats();
  expect(pick(pub.totals)).toEqual(total);
  expect(pub.totals.recipients).toBe(new Set(redeemed.map((r) => r.recipient)).size);
  expect(pub.totals.providers).toBe(new Set([...redeemed, ...walkIns].map((r) => r.providerId)).size);
  expect(pub.totals.districts).toBe(new Set([...redeemed, ...walkIns].map((r) => DISTRICT_OF[r.providerId])).size);
  const pubByDistrict = recount((_d, p) => DISTRICT_OF[p]!);
  for (const row of pub.byDistrict) expect({ personTimes: row.personTimes, valueFen: row.valueFen }).toEqual({ personTimes: pubByDistrict.get(row.district)!.personTimes, valueFen: pubByDistrict.get(row.district)!.valueFen });
  // The leaderboard ranks by redeemed bookings, then their value (walk-ins are not bookings).
  const preview = await app.api.previewLeaderboard({ token: admin, query: { period: 'month', key: '2026-11' } });
  const scores = [...recount((_d, p) => p).entries()]
    .map(([providerId]) => {
      const mine = redeemed.filter((r) => r.providerId === providerId);
      return { providerId, meals: mine.length, valueFen: mine.reduce((a, r) => a + r.valueFen, 0) };
    })
    .filter((s) => s.meals > 0)
    .sort((a, b) => b.meals - a.meals || b.valueFen - a.valueFen);
  expect(preview.entries.map((e) => ({ providerId: e.providerId, meals: e.meals, valueFen: e.valueFen })).map((e) => [e.meals, e.valueFen])).toEqual(scores.map((s) => [s.meals, s.valueFen]));
  expect(preview.entries.map((e) => e.rank)).toEqual(scores.map((_, i) => i + 1));
  return { total };
}

describe('impact figures equal a recount of what happened', () => {
  it('live (nothing rolled up yet): every view, the public figures and the leaderboard', async () => {
    await app.setClock('2026-11-30T20:00:00+08:00');
    await expectMonthMatches();
  });

  it('after the nightly roll-up the same figures come from rolled-up items, and a second run adds nothing', async () => {
    await app.setClock('2026-12-01T01:00:00+08:00');
    const first = (await app.call<{ rolledThrough: string | null; providerDays: number }>('POST', '/__test__/jobs/roll-up-impact')).body;
    expect(first.rolledThrough).toBe('2026-11-30');
    expect(first.providerDays).toBeGreaterThan(DAYS.length);
    const again = (await app.call<{ days: number }>('POST', '/__test__/jobs/roll-up-impact')).body;
    expect(again.days).toBe(0);
    await expectMonthMatches();
  });

  it('a roll-up interrupted half-way through a day is neither double-counted nor lost', async () => {
    // Re-adding a day to an item that already holds it is refused, item by item.
    const day = DAYS[2]!;
    const fig = (await app.deps.store.impact.day(day))[0]!;
    const item = { of: 'provider', period: 'month', key: '2026-11', providerId: fig.providerId } as const;
    expect(await app.deps.store.impact.addRolledSpan(item, [[day, fig.counts]], {})).toBe(false);
    await expectMonthMatches();
  });

  it('the roll-up packs each period and each year\'s sub-district months as of its mark; a re-run packs the same; a pack made at another mark is not read', async () => {
    const store = app.deps.store.impact;
    const byId = (ps: ProviderCounts[]) => [...ps].sort((a, b) => a.providerId.localeCompare(b.providerId));
    const month = (await store.pack('month', '2026-11'))!;
    expect(month.through).toBe('2026-11-30');
    // The pack holds exactly what the provider items hold at the mark, and that is the recount.
    const items = (await store.providerPeriod('month', '2026-11')).map((t) => ({ providerId: t.providerId, name: t.name, district: t.district, joinedAt: t.joinedAt, counts: effective(t, '2026-11-30') }));
    expect(byId(month.providers)).toEqual(byId(items));
    const meals = new Map(month.providers.map((p) => [p.providerId, { meals: p.counts.meals, blindBoxes: p.counts.blindBoxes, walkIns: p.counts.walkIns }]));
    expect(meals).toEqual(new Map([...recount((_d, p) => p)].map(([p, f]) => [p, { meals: f.meals, blindBoxes: f.blindBoxes, walkIns: f.walkIns }])));
    const quarter = (await store.pack('quarter', '2026-Q4'))!;
    const year = (await store.pack('year', '2026'))!;
    expect([quarter.through, year.through]).toEqual(['2026-11-30', '2026-11-30']);
    // The year's sub-district months likewise: November's cells are the recount by sub-district.
    const areas = (await store.areaMonthsPack('2026'))!;
    expect(areas.through).toBe('2026-11-30');
    const november = new Map(areas.cells.filter((c) => c.month === '2026-11').map((c) => [c.district, c.counts.meals + c.counts.blindBoxes + c.counts.walkIns]));
    expect(november).toEqual(new Map([...recount((_d, p) => DISTRICT_OF[p]!)].map(([d, f]) => [d, f.personTimes])));

    // Running the month's span again adds nothing to any item and writes the very same packs.
    await rollUpSpan(app.deps, '2026-11-01', '2026-11-30');
    expect(await store.pack('month', '2026-11')).toEqual(month);
    expect(await store.pack('quarter', '2026-Q4')).toEqual(quarter);
    expect(await store.pack('year', '2026')).toEqual(year);
    expect(await store.areaMonthsPack('2026')).toEqual(areas);

    // Readers do take a pack made at their mark (here a doctored one: every figure +1000)…
    const doctored = month.providers.map((p) => ({ ...p, counts: { ...p.counts, meals: p.counts.meals + 1000 } }));
    await store.writePack('month', '2026-11', '2026-11-30', doctored, config.impact.packMaxBytes);
    app.deps.rolledCache.clear();
    const preview = async () => (await app.api.previewLeaderboard({ token: await signIn(), query: { period: 'month', key: '2026-11' } })).entries;
    expect((await preview()).every((e) => e.meals > 1000)).toBe(true);
    // …and not one made at another day (a roll-up that repacked, then stopped before moving the mark).
    await store.writePack('month', '2026-11', '2026-12-01', doctored, config.impact.packMaxBytes);
    app.deps.rolledCache.clear();
    expect((await preview()).every((e) => e.meals < 1000)).toBe(true);
    await expectMonthMatches();
    // The job's own pack puts it right.
    await packPeriod(app.deps, 'month', '2026-11', '2026-11-30');
    app.deps.rolledCache.clear();
    expect(await store.pack('month', '2026-11')).toEqual(month);
    await expectMonthMatches();

    // The same for the sub-district months: a doctored pack is read at its mark, ignored at another.
    const doctoredAreas = areas.cells.map((c) => ({ ...c, counts: { ...c.counts, walkIns: c.counts.walkIns + 1000 } }));
    const byDistrict = async () => (await stats({ from: '2026-11-01', to: '2026-11-30', by: 'district' })).rows;
    await store.writeAreaMonthsPack('2026', '2026-11-30', doctoredAreas, config.impact.packMaxBytes);
    app.deps.rolledCache.clear();
    expect((await byDistrict()).filter((r) => r.personTimes > 1000)).toHaveLength(november.size);
    await store.writeAreaMonthsPack('2026', '2026-11-29', doctoredAreas, config.impact.packMaxBytes);
    app.deps.rolledCache.clear();
    expect((await byDistrict()).filter((r) => r.personTimes > 1000)).toHaveLength(0);
    await expectMonthMatches();
    await packAreaMonths(app.deps, '2026', '2026-11-30');
    app.deps.rolledCache.clear();
    expect(await store.areaMonthsPack('2026')).toEqual(areas);
    await expectMonthMatches();
  });

  it('CSV: a BOM, a Chinese header row, the same numbers in yuan, a totals row; every text cell quoted, formula-like cells escaped', async () => {
    await signIn();
    const r = await app.api.adminStatsCsv.reply({ token: admin, query: { from: '2026-11-01', to: '2026-11-30', by: 'district' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toContain('stats.csv');
    const raw = new Uint8Array(await (await fetch(`${app.url}/v1/admin/stats.csv?from=2026-11-01&to=2026-11-30&by=district`, { headers: { authorization: `Bearer ${admin}` } })).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    // Chinese headers, money in yuan with two decimals, and a totals row.
    expect(lines[0]).toBe('"街道","编号","餐食","盲盒","现场领取","服务人次","价值（元）"');
    const json = await stats({ from: '2026-11-01', to: '2026-11-30', by: 'district' });
    const yuan = (fen: number) => `"${(fen / 100).toFixed(2)}"`;
    expect(lines.slice(1, -1)).toEqual(json.rows.map((x) => [`"${x.label}"`, `"${x.key}"`, x.meals, x.blindBoxes, x.walkIns, x.personTimes, yuan(x.valueFen)].join(',')));
    const t = json.totals;
    expect(lines.at(-1)).toBe(['"合计"', '""', t.meals, t.blindBoxes, t.walkIns, t.personTimes, yuan(t.valueFen)].join(','));
    // English headers on request; by day, no id column.
    const en = await app.api.adminStatsCsv({ token: admin, query: { from: '2026-11-01', to: '2026-11-30', by: 'day', lang: 'en' } });
    const enLines = en.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(enLines[0]).toBe('"Date","Meals","Blind boxes","Walk-ins","Person-times","Value (yuan)"');
    expect(enLines).toHaveLength(1 + 30 + 1);
    expect(enLines.at(-1)).toMatch(/^"Total",/);

    // A provider named like a formula, in ASCII and in full-width characters, is exported inert.
    await app.setClock('2026-11-30T11:40:00+08:00');
    for (const [district, name] of [['meilin', '=HYPERLINK("http://x")'], ['huafu', '＝1+2']] as const) {
      const { updatedAt } = (await app.api.adminGetProvider({ token: admin, params: { id: `demo-${district}` } })).provider;
      const patch = await app.api.updateProvider.reply({ token: admin, params: { id: `demo-${district}` }, body: { name, updatedAt } });
      expect(patch.status).toBe(200);
      const token = await recipient(app);
      app.deps.listing.invalidate();
      const b = await app.api.createBooking.reply({ token, body: { offeringId: `demo-${district}-lunch`, windowId: 'lunch' } });
      expect(b.status).toBe(201);
      expect((await app.api.redeem.reply({ token: await staff(app, `staff-${district}`), body: { code: b.body!.booking.code! } })).status).toBe(200);
    }
    const csv = await app.api.adminStatsCsv({ token: admin, query: { from: '2026-11-30', to: '2026-11-30', by: 'provider' } });
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`"'＝1+2"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);

    // A name that would break a row in two, with a formula on the new row: refused at the contract, nothing changed.
    for (const name of ['=1+2\n=3+4', 'a\r=1+2', 'tab\there', 'nul\u0000', 'c1\u0085']) {
      const r = await app.api.updateProvider.reply({ token: admin, params: { id: 'demo-meilin' }, body: { name, updatedAt: 'any: the name is refused first' } });
      expect(r.status, JSON.stringify(name)).toBe(422);
      expect(r.error?.details).toEqual([expect.objectContaining({ field: 'name' })]);
    }
    expect((await app.api.adminGetProvider({ token: admin, params: { id: 'demo-meilin' } })).provider.name).toBe('=HYPERLINK("http://x")');
  });
});

describe('admin stats input', () => {
  it('refuses a reversed or too-wide range and an unknown grouping with VALIDATION_FAILED', async () => {
    await signIn();
    for (const q of ['from=2026-11-30&to=2026-11-01', 'from=2020-01-01&to=2026-11-30', 'by=week', 'from=2026-13-01']) {
      // Raw query strings: `by=week` is a grouping the typed client would not send.
      const r = await app.call<{ error: { code: string } }>('GET', `/v1/admin/stats?${q}`, { token: admin });
      expect(r.status, q).toBe(422);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await app.api.adminStats.reply({ token: await recipient(app) })).status).toBe(403);
  });
});

describe('rolling a span of days (catch-up, history)', () => {
  it('a span resumed with more days closed takes only the days it lacks, and gives back all it took since the mark', async () => {
    const store = app.deps.store.impact;
    const target = { of: 'provider', period: 'month', key: '2025-10', providerId: 'p_span' } as const;
    const stamp = { providerId: 'p_span', name: '跨日餐厅', district: 'futian', joinedAt: '2025-01-01T00:00:00.000Z' };
    const meals = (n: number) => ({ ...zeroCounts(), meals: n, bookedValueFen: n * 2500 });
    const first: [string, ImpactCounts][] = [['2025-10-01', meals(1)], ['2025-10-02', meals(2)]];
    // A run stopped after this item took the 1st and 2nd; resumed later, the 3rd has closed too.
    expect(await store.addRolledSpan(target, first, stamp)).toBe(true);
    const resumed: [string, ImpactCounts][] = [...first, ['2025-10-03', meals(4)]];
    expect(await store.addRolledSpan(target, resumed, stamp)).toBe(true);
    expect(await store.addRolledSpan(target, resumed, stamp)).toBe(false);
    const item = (await store.providerPeriod('month', '2025-10')).find((p) => p.providerId === 'p_span')!;
    expect(item.counts.meals).toBe(7);
    expect(item.through).toBe('2025-10-03');
    // Before the mark moves past the span, readers take the whole span raw: the item gives it all back.
    expect(effective(item, '2025-09-30').meals).toBe(0);
    expect(effective(item, '2025-10-03').meals).toBe(7);
  });
});

describe('packs and day ranges (the province-scale reads)', () => {
  const stamp = (i: number, district: string) => ({ providerId: `p_pack${String(i).padStart(3, '0')}`, name: `打包餐厅 ${i}`, district, joinedAt: '2025-01-01T00:00:00.000Z' });
  const counts = (i: number): ImpactCounts => ({ ...zeroCounts(), meals: i, blindBoxes: i % 3, bookedValueFen: i * 2500, recipients: i, recipientsNewInMonth: i, recipientsNewEver: 1 });

  it('a sub-district too large for one item is packed in several; a smaller rewrite drops the parts it no longer needs', async () => {
    const store = app.deps.store.impact;
    const providers = Array.from({ length: 60 }, (_, i) => ({ ...stamp(i, i < 50 ? 'futian' : 'meilin'), counts: counts(i) }));
    // About 150 bytes a row: 1,000 bytes a part makes several parts for futian's 50.
    const big = await store.writePack('year', '2019', '2019-12-31', providers, 1_000);
    expect(big.parts).toBeGreaterThan(4);
    const read = (await store.pack('year', '2019'))!;
    expect(read.through).toBe('2019-12-31');
    expect(read.providers).toEqual(providers);
    const small = await store.writePack('year', '2019', '2019-12-31', providers.slice(0, 3), 300_000);
    expect(small.parts).toBe(1);
    expect((await store.pack('year', '2019'))!.providers).toEqual(providers.slice(0, 3));
    const parts = (await app.tableItems()).filter((i) => i.PK === keys.impactPackPK('year', '2019'));
    expect(parts.map((i) => i.SK)).toEqual([`D#futian#000`, 'HEAD']);
  });

  it('a pack with a part missing or from another snapshot is not whole: it reads as none', async () => {
    const store = app.deps.store.impact;
    const providers = Array.from({ length: 20 }, (_, i) => ({ ...stamp(i, 'lianhua'), counts: counts(i) }));
    await store.writePack('year', '2018', '2018-12-31', providers, 1_000);
    expect(await store.pack('year', '2018')).not.toBeNull();
    // A rewrite stopped after its first part: that part holds a newer snapshot than the head names.
    await store.writePack('year', '2018', '2018-12-31', providers, 1_000);
    const { doc, tableName } = app.table;
    await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.impactPackPart(keys.impactPackPK('year', '2018'), 'lianhua', 1), UpdateExpression: 'SET through = :t', ExpressionAttributeValues: { ':t': '2019-01-01' } }));
    expect(await store.pack('year', '2018')).toBeNull();
  });

  it('a day read as parallel key ranges returns every provider once, wherever the splits fall', async () => {
    const store = app.deps.store.impact;
    const date = '2019-06-01';
    const intents = Array.from({ length: 30 }, (_, i) => ({ date, stamp: stamp(i, i % 2 ? 'futian' : 'huafu'), delta: counts(i + 1) }));
    await store.recordMany(intents);
    const ids = intents.map((i) => i.stamp.providerId);
    const whole = await store.day(date);
    expect(whole).toHaveLength(30);
    const sorted = (xs: { providerId: string }[]) => [...xs].sort((a, b) => a.providerId.localeCompare(b.providerId));
    // Splits at existing ids (an item on a bound falls in both ranges), between them, before and after all.
    const byDistrict = (fs: { district: string; counts: ImpactCounts }[]) => {
      const m = new Map<string, ImpactCounts>();
      for (const f of fs) m.set(f.district, addCounts(m.get(f.district) ?? zeroCounts(), f.counts));
      return m;
    };
    // (Keys sort by UTF-8 bytes: '！' before '😀' there, though not in JavaScript's own sort.)
    for (const splits of [splitPoints(ids, 4, 5), [ids[0]!, ids[29]!], ['a', 'z'], ['p_pack010x', ids[10]!, ids[10]!], ['p_😀', 'p_！'], splitPoints(ids, 8, 100)]) {
      expect(sorted(await store.day(date, splits)), splits.join(',')).toEqual(sorted(whole));
      // The by-district read (no names) sums the same items, each once.
      expect(byDistrict(await store.dayByDistrict(date, splits)), splits.join(',')).toEqual(byDistrict(whole));
    }
    expect(splitPoints(ids, 4, 5)).toEqual([ids[7], ids[15], ids[22]]);
    expect(splitPoints(ids, 8, 100)).toEqual([]);
  });
});
