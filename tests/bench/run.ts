/**
 * `npm run bench`: the figures behind M餐's speed targets, printed, never asserted.
 *   (a) raw engine rate: a booking's own transaction (all five items: slot, booking, backup code,
 *       recipient, rate counter) sent straight through the store to DynamoDB Local, no HTTP
 *   (b) booking throughput through the HTTP API at concurrency 32, and b/a (goal ≥ 0.7)
 *   (c) p50/p99 latency of booking and redemption at 50 requests/s for 30 s (goal p99 < 50 ms)
 *   (d) the 500-on-50 burst's wall time (goal < 3 s)
 *   (e) the hottest read, GET /v1/providers: closed loop at 10 and 50 connections (req/s, p99),
 *       an open-loop run at a fixed rate, and a 500-provider district (goal: p99 < 100 ms at 50)
 *   plus the Lambda bundles' sizes and cold initialisation (tests/bench/bundles.ts).
 *   (h) the H5 app's first screen and second page (bytes), and Lighthouse's performance score (tests/bench/h5.ts)
 *   (i) impact at province scale: leaderboard preview and a year of stats by sub-district (tests/bench/impact.ts)
 * Flags: --seconds N (for c, default 30), --read-seconds N (for each run of e, default 10),
 * --listing-ttl-ms N (0 assembles every listing afresh: the figures before the listing cache), --skip-bundles,
 * --only impact|h5 (just (i) or (h), on a fresh DynamoDB Local: a minute instead of several),
 * --only core (just (a) to (d): the write path, for before/after comparisons of a transaction).
 * The server logs at WARN here, so the figures are not buried under one event line per request;
 * LOG_LEVEL=INFO prints those lines too.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startApp, type RunningApp } from '../../functions/local/app.js';
import { startDynamoLocal } from '../../functions/local/dynamodb-local.js';
import { documentClient, localClientConfig } from '../../functions/store/client.js';
import { ensureTable } from '../../functions/store/create-table.js';
import { newId } from '../../functions/security/ids.js';
import { createStore } from '../../functions/store/index.js';
import { config } from '../../functions/config.js';
import { freePort } from '../support/ports.js';
import { benchBundles, formatBundles } from './bundles.js';
import { ensureH5Build } from '../../functions/local/app-build.js';
import { benchH5 } from './h5.js';
import { call } from './http.js';
import { benchImpact } from './impact.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, 'read-seconds': { type: 'string', default: '10' }, 'listing-ttl-ms': { type: 'string' }, 'skip-bundles': { type: 'boolean', default: false }, only: { type: 'string' } } });
const LUNCH = '2026-11-30T11:40:00+08:00';

/** One line on stderr as each part starts, so a run of minutes shows where it is; the figures come at the end. */
const began = performance.now();
const step = (what: string) => console.error(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${what}`);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/**
 * (a) The engine alone: the very transaction a booking sends (store.bookings.book with the rate
 * counter the API adds), 32 at a time, with no HTTP, no auth and no domain reads. b/a is then the
 * API's own overhead.
 */
async function rawEngineRate(endpoint: string, n: number): Promise<number> {
  const doc = documentClient(localClientConfig(endpoint));
  const tableName = `raw_${randomBytes(4).toString('hex')}`;
  await ensureTable(doc as never, tableName);
  const store = createStore({ doc, tableName }, config);
  const now = new Date(LUNCH);
  const ids = Array.from({ length: n }, () => newId('r'));
  await pool(ids, 32, async (id) => void (await store.recipients.ensure(id, now)));
  const started = performance.now();
  await pool(ids, 32, async (recipientId) => {
    const id = newId('b');
    // As the API does: a code already live that day (a birthday collision among a few thousand) draws another.
    let out;
    do out = await store.bookings.book(
      {
        id, recipientId, providerId: 'p', providerName: '压测', offeringId: 'o', offeringName: '午餐', kind: 'meal', valueFen: 2500,
        date: '2026-11-30', window: { id: 'lunch', start: '11:30', end: '13:30' }, status: 'BOOKED',
        code: String(Math.floor(Math.random() * 1e8)).padStart(8, '0'), voucher: `M1.${id}.${'x'.repeat(86)}`,
        expiresAtLocal: '2026-11-30T13:45', createdAt: now.toISOString(), redeemedAt: null, channel: 'app',
      },
      { today: '2026-11-30', month: '2026-11', capacity: 1_000_000 },
      { rate: { scope: 'booking', who: recipientId, window: '2026-11-30T11:40', limit: 5, expiresAt: Math.floor(now.getTime() / 1000) + 60 } },
    );
    while (!out.ok && out.part === 'code');
    if (!out.ok) throw new Error(`raw booking refused: ${out.part}`);
  });
  const rate = n / ((performance.now() - started) / 1000);
  doc.destroy();
  return rate;
}

async function providerWith(app: RunningApp, admin: string, quota: number) {
  const id = (await call(app, 'POST', '/v1/admin/providers', {
    name: `压测 ${quota}`, kind: 'restaurant', district: 'futian', address: '测试路',
    businessLicence: { number: 'B', expiresOn: '2030-01-01' }, hygienePermit: { number: 'H', expiresOn: '2030-01-01' },
  }, admin)).body.provider.id as string;
  await call(app, 'POST', `/v1/admin/providers/${id}/approve`, undefined, admin);
  const offeringId = `o-${randomBytes(4).toString('hex')}`;
  await call(app, 'PUT', `/v1/admin/providers/${id}/offerings/${offeringId}`, {
    name: '午餐', kind: 'meal', dailyQuota: quota, weekdays: [1, 2, 3, 4, 5, 6, 7],
    windows: [{ id: 'lunch', start: '11:30', end: '13:30' }], standard: '套餐', valueFen: 2500, active: true,
  }, admin);
  const username = `bench-${offeringId.slice(2)}`;
  await call(app, 'POST', '/v1/admin/staff', { providerId: id, username, password: 'bench-password', name: '压测' }, admin);
  const staff = (await call(app, 'POST', '/v1/staff/sessions', { username, password: 'bench-password' })).body.token as string;
  return { offeringId, staff };
}

async function recipients(app: RunningApp, n: number): Promise<string[]> {
  const tokens: string[] = [];
  await pool(Array.from({ length: n }, (_, i) => i), 16, async () => {
    tokens.push((await call(app, 'POST', '/v1/sessions/device', { deviceKey: randomBytes(32).toString('base64url') })).body.token);
  });
  return tokens;
}

interface ReadRun {
  rate: number;
  p50: number;
  p99: number;
  errors: number;
  bytes: number;
}

/** `connections` clients each sending the next request when the last answer arrives, for `seconds`. */
async function closedLoop(url: string, connections: number, seconds: number): Promise<ReadRun> {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < end) {
      const s = performance.now();
      const r = await fetch(url);
      bytes = (await r.arrayBuffer()).byteLength;
      latencies.push(performance.now() - s);
      if (r.status !== 200) errors++;
    }
  }));
  return { rate: latencies.length / ((performance.now() - started) / 1000), p50: pct(latencies, 50), p99: pct(latencies, 99), errors, bytes };
}

/** Requests sent on a fixed schedule whatever the answers do (no coordinated omission). */
async function openLoop(url: string, perSecond: number, seconds: number): Promise<ReadRun> {
  const latencies: number[] = [];
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < perSecond * seconds; i++) {
    const due = t0 + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push((async () => {
      try {
        const r = await fetch(url);
        await r.arrayBuffer();
        if (r.status !== 200) errors++;
      } catch {
        errors++;
      }
      // From when it was due, not when it was sent: a late send counts as waiting.
      latencies.push(performance.now() - due);
    })());
  }
  await Promise.all(inflight);
  return { rate: latencies.length / ((performance.now() - t0) / 1000), p50: pct(latencies, 50), p99: pct(latencies, 99), errors, bytes: 0 };
}

/** A province-size district: `n` approved providers with a lunch offering each. */
async function province(app: RunningApp, admin: string, n: number) {
  await call(app, 'PUT', '/v1/admin/districts/province', { name: '全省', position: 99 }, admin);
  await pool(Array.from({ length: n }, (_, i) => i), 16, async (i) => {
    const id = (await call(app, 'POST', '/v1/admin/providers', {
      name: `省内 ${i}`, kind: 'restaurant', district: 'province', address: '测试路',
      businessLicence: { number: 'B', expiresOn: '2030-01-01' }, hygienePermit: { number: 'H', expiresOn: '2030-01-01' },
    }, admin)).body.provider.id as string;
    await call(app, 'POST', `/v1/admin/providers/${id}/approve`, undefined, admin);
    await call(app, 'PUT', `/v1/admin/providers/${id}/offerings/o-${id}`, {
      name: '午餐', kind: 'meal', dailyQuota: 20, weekdays: [1, 2, 3, 4, 5, 6, 7],
      windows: [{ id: 'lunch', start: '11:30', end: '13:30' }], standard: '套餐', valueFen: 2500, active: true,
    }, admin);
  });
}

/** (i) alone: impact at province scale on a fresh DynamoDB Local. */
async function impactOnly(): Promise<[string, string, string][]> {
  step('(i) impact at province scale');
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const app = await startApp({ dynamoEndpoint: dynamo.endpoint, tableName: 'bench_impact', port: 0, seed: false, testClock: true, jobTimers: false, adminPassword: 'bench-admin' });
  try {
    app.clock.set(new Date(LUNCH));
    return await benchImpact(app, new Date(LUNCH));
  } finally {
    await app.stop();
    await dynamo.stop();
  }
}

/** (h) on the demo data, served as local mode serves it. */
async function h5Rows(dynamoEndpoint: string): Promise<[string, string, string][]> {
  step('(h) the H5 app');
  const staticDir = ensureH5Build((line) => console.log(line));
  if (!staticDir) throw new Error('the H5 build failed');
  const app = await startApp({ dynamoEndpoint, tableName: 'bench_h5', port: 0, seed: true, testClock: true, jobTimers: false, adminPassword: 'bench-admin', staticDir });
  try {
    app.clock.set(new Date(LUNCH));
    return await benchH5(app);
  } finally {
    await app.stop();
  }
}

async function h5Only(): Promise<[string, string, string][]> {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  try {
    return await h5Rows(dynamo.endpoint);
  } finally {
    await dynamo.stop();
  }
}

function print(rows: [string, string, string][]) {
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('\nM餐 benchmarks (DynamoDB Local, this machine)\n');
  for (const [k, v, note] of rows) console.log(`${k.padEnd(w)}  ${v}${note ? `   (${note})` : ''}`);
}

async function main() {
  if (values.only !== undefined && values.only !== 'core') {
    if (values.only === 'impact') print(await impactOnly());
    else if (values.only === 'h5') print(await h5Only());
    else throw new Error('--only takes: core, impact, h5');
    return;
  }
  step('starting DynamoDB Local and the server');
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const app = await startApp({ dynamoEndpoint: dynamo.endpoint, tableName: 'bench', port: 0, seed: false, testClock: true, jobTimers: false, adminPassword: 'bench-admin',
    // Every simulated person comes from 127.0.0.1, which the per-address limits would treat as one client.
    config: {
      ...config,
      clients: { ...config.clients, newDevicesPerMinute: 1_000_000 },
      cache: values['listing-ttl-ms'] === undefined ? config.cache : { ...config.cache, listingPagesTtlMs: Number(values['listing-ttl-ms']) },
    } });
  const rows: [string, string, string][] = [];
  try {
    await fetch(`${app.url}/__test__/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: LUNCH }) });
    const admin = (await call(app, 'POST', '/v1/admin/sessions', { username: 'admin', password: 'bench-admin' })).body.token as string;

    // (a) and (b)
    step('(a) the engine alone, (b) bookings through HTTP');
    await rawEngineRate(dynamo.endpoint, 300); // warm the JVM
    const a = await rawEngineRate(dynamo.endpoint, 2000);
    const big = await providerWith(app, admin, 10_000);
    const warm = await recipients(app, 200);
    await pool(warm, 32, async (t) => void (await call(app, 'POST', '/v1/bookings', { offeringId: big.offeringId, windowId: 'lunch' }, t)));
    const tokens = await recipients(app, 2000);
    let ok = 0;
    const started = performance.now();
    await pool(tokens, 32, async (t) => {
      if ((await call(app, 'POST', '/v1/bookings', { offeringId: big.offeringId, windowId: 'lunch' }, t)).status === 201) ok++;
    });
    const b = ok / ((performance.now() - started) / 1000);
    rows.push(['(a) raw engine, a booking\'s 5-item transaction ×32', `${a.toFixed(0)} tx/s`, '']);
    rows.push(['(b) POST /v1/bookings via HTTP ×32', `${b.toFixed(0)} bookings/s`, `${ok} of 2000 booked`]);
    rows.push(['    b / a', (b / a).toFixed(2), 'goal ≥ 0.7']);

    // (c) open loop: 50 requests/s, alternating bookings and redemptions of earlier bookings
    const seconds = Number(values.seconds);
    step(`(c) bookings and redemptions at 50/s for ${seconds} s`);
    const steady = await providerWith(app, admin, 10_000);
    const perKind = Math.ceil((seconds * 50) / 2);
    const bookers = await recipients(app, perKind * 2);
    const codes: string[] = [];
    await pool(bookers.slice(perKind), 16, async (t) => {
      codes.push((await call(app, 'POST', '/v1/bookings', { offeringId: steady.offeringId, windowId: 'lunch' }, t)).body.booking.code);
    });
    const latency = { booking: [] as number[], redemption: [] as number[] };
    const statuses: Record<string, number> = {};
    const inflight: Promise<void>[] = [];
    const t0 = performance.now();
    for (let i = 0; i < seconds * 50; i++) {
      const due = t0 + i * 20;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const kind = i % 2 === 0 ? 'booking' : 'redemption';
      const j = Math.floor(i / 2);
      inflight.push((async () => {
        const s = performance.now();
        const r = kind === 'booking'
          ? await call(app, 'POST', '/v1/bookings', { offeringId: steady.offeringId, windowId: 'lunch' }, bookers[j])
          : await call(app, 'POST', '/v1/staff/redemptions', { code: codes[j] }, steady.staff);
        latency[kind].push(performance.now() - s);
        statuses[`${kind} ${r.status}`] = (statuses[`${kind} ${r.status}`] ?? 0) + 1;
      })());
    }
    await Promise.all(inflight);
    for (const kind of ['booking', 'redemption'] as const) {
      rows.push([`(c) ${kind} at 25/s (50/s total), ${seconds} s`, `p50 ${pct(latency[kind], 50).toFixed(1)} ms · p99 ${pct(latency[kind], 99).toFixed(1)} ms`, 'goal p99 < 50 ms']);
    }
    rows.push(['    answers', Object.entries(statuses).map(([k, v]) => `${k}: ${v}`).join(', '), '']);

    // (d) 500 recipients on the last 50 meals
    step('(d) 500 on the last 50 meals');
    const last = await providerWith(app, admin, 50);
    const racers = await recipients(app, 500);
    const d0 = performance.now();
    const results = await Promise.all(racers.map((t) => call(app, 'POST', '/v1/bookings', { offeringId: last.offeringId, windowId: 'lunch' }, t)));
    const wall = performance.now() - d0;
    const won = results.filter((r) => r.status === 201).length;
    rows.push(['(d) 500 on the last 50 meals', `${wall.toFixed(0)} ms`, `${won} × 201, goal < 3 s`]);

    if (values.only === 'core') return print(rows);

    // (e) the hottest read
    const readSeconds = Number(values['read-seconds']);
    step('(e) the public listing under load');
    for (const connections of [10, 50]) {
      const r = await closedLoop(app.url + '/v1/providers', connections, readSeconds);
      rows.push([`(e) GET /v1/providers, ${connections} connections, ${readSeconds} s`, `${r.rate.toFixed(0)} req/s · p50 ${r.p50.toFixed(1)} ms · p99 ${r.p99.toFixed(1)} ms`, `${r.errors} errors`]);
    }
    const open = await openLoop(app.url + '/v1/providers', 1000, readSeconds);
    rows.push([`    open loop at 1000 req/s, ${readSeconds} s`, `p50 ${open.p50.toFixed(1)} ms · p99 ${open.p99.toFixed(1)} ms`, `${open.errors} errors, ${open.rate.toFixed(0)} answered/s`]);
    await province(app, admin, 500);
    const alone = await closedLoop(app.url + '/v1/providers?district=province', 1, readSeconds);
    rows.push(['(e) 500-provider district, 1 connection', `p50 ${alone.p50.toFixed(1)} ms · p99 ${alone.p99.toFixed(1)} ms`, `${alone.bytes} bytes per answer`]);
    const crowd = await closedLoop(app.url + '/v1/providers?district=province', 50, readSeconds);
    rows.push(['    500-provider district, 50 connections', `${crowd.rate.toFixed(0)} req/s · p99 ${crowd.p99.toFixed(1)} ms`, 'goal p99 < 100 ms']);

    rows.push(...(await h5Rows(dynamo.endpoint)));

    // (i) impact at province scale, on a table of its own
    step('(i) impact at province scale');
    const provinceApp = await startApp({ dynamoEndpoint: dynamo.endpoint, tableName: 'bench_impact', port: 0, seed: false, testClock: true, jobTimers: false, adminPassword: 'bench-admin' });
    try {
      provinceApp.clock.set(new Date(LUNCH));
      rows.push(...(await benchImpact(provinceApp, new Date(LUNCH))));
    } finally {
      await provinceApp.stop();
    }
  } finally {
    await app.stop();
    await dynamo.stop();
  }
  print(rows);
  if (values['skip-bundles']) return;
  step('the Lambda bundles');
  console.log('\n' + formatBundles(await benchBundles()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
