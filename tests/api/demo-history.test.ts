/**
 * The demo history as local mode loads it (a shorter span here: 40 days): written through the
 * counter's own day-item update, rolled up by the real job, published by the admin use case. Every
 * view of it must agree — the rolled-up months and sub-districts, the raw days, the leaderboards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localMoment } from '../../functions/domain/time.js';
import { periodKeyOf } from '../../functions/domain/impact.js';
import { config } from '../../functions/config.js';
import type { HistoryReport } from '../../functions/seed/history-seed.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let report: HistoryReport;
let admin: string;
const today = localMoment(new Date(), config.timeZone).date;
const from = addDays(today, -40);
const yesterday = addDays(today, -1);

beforeAll(async () => {
  // The real clock: the history ends yesterday, as on a newcomer's first start.
  app = await startTestApp({ seed: true, history: { days: 40 } });
  report = await app.historyReady!;
  admin = await app.adminToken();
});
afterAll(async () => {
  await app?.stop();
});

type Fig = { meals: number; blindBoxes: number; walkIns: number; personTimes: number; valueFen: number };
const sum = (rows: Fig[]) => rows.reduce((a, r) => ({ meals: a.meals + r.meals, blindBoxes: a.blindBoxes + r.blindBoxes, walkIns: a.walkIns + r.walkIns, personTimes: a.personTimes + r.personTimes, valueFen: a.valueFen + r.valueFen }), { meals: 0, blindBoxes: 0, walkIns: 0, personTimes: 0, valueFen: 0 });

describe('the demo history', () => {
  it('is loaded in the background after the server listens, once', async () => {
    expect(report.loaded).toBe(true);
    expect(report.meals).toBeGreaterThan(0);
    expect((await app.api.listProviders({ query: { kind: 'restaurant' } })).providers.length).toBeGreaterThanOrEqual(10);
  });

  it('every view agrees: public figures, rolled months, sub-districts, providers and days', async () => {
    const pub = await app.api.publicStats();
    expect(pub.totals).toMatchObject({ meals: report.meals, personTimes: report.personTimes, recipients: report.people, districts: 10 });
    expect(Math.round(pub.totals.valueFen / 100)).toBe(report.yuan);
    const views = await Promise.all((['day', 'month', 'district', 'provider'] as const).map((by) => app.api.adminStats({ token: admin, query: { from, to: yesterday, by } })));
    for (const v of views) {
      expect(v.totals).toMatchObject({ meals: pub.totals.meals, personTimes: pub.totals.personTimes, valueFen: pub.totals.valueFen });
      expect(sum(v.rows), v.by).toEqual(sum([v.totals]));
    }
    expect(views[0]!.totals.recipientsExact).toBe(true);
  });

  it('the roll-up already ran: a second run adds nothing', async () => {
    const again = (await app.call<{ days: number; rolledThrough: string }>('POST', '/__test__/jobs/roll-up-impact')).body;
    expect(again.days).toBe(0);
    expect(again.rolledThrough >= addDays(yesterday, -1)).toBe(true);
  });

  it('leaderboards of the ended periods were published from the same figures', async () => {
    for (const period of ['month', 'quarter', 'year'] as const) {
      const board = await app.api.latestLeaderboard({ query: { period } });
      expect(board.version).toBe(1);
      // Only a period that has ended (and been rolled up) is published: never the current one.
      expect(board.key < periodKeyOf(period, today)).toBe(true);
      const preview = await app.api.previewLeaderboard({ token: admin, query: { period, key: board.key } });
      expect(preview.entries.map((e) => [e.providerId, e.meals])).toEqual(board.entries.map((e) => [e.providerId, e.meals]));
      const meals = board.entries.map((e) => e.meals);
      expect(meals).toEqual([...meals].sort((a, b) => b - a));
      // The history's 40 days always reach into last month.
      if (period === 'month') expect(board.entries.length).toBeGreaterThan(0);
    }
  });
});
