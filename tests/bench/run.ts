/**
 * `npm run bench`: the figures behind M餐's speed targets, printed, never asserted.
 *   (a) raw engine rate: the booking's 3-item transaction shape sent straight to DynamoDB Local
 *   (b) booking throughput through the HTTP API at concurrency 32, and b/a (goal ≥ 0.7)
 *   (c) p50/p99 latency of booking and redemption at 50 requests/s for 30 s (goal p99 < 50 ms)
 *   (d) the 500-on-50 burst's wall time (goal < 3 s)
 *   plus the Lambda bundles' sizes and cold initialisation (tests/bench/bundles.ts).
 *   (i) impact at province scale: leaderboard preview and a year of stats by sub-district (tests/bench/impact.ts)
 * Flags: --seconds N (for c, default 30), --skip-bundles, --only booking|impact.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startApp, type RunningApp } from '../../functions/local/app.js';
import { startDynamoLocal } from '../../functions/local/dynamodb-local.js';
import { documentClient, localClientConfig } from '../../functions/store/client.js';
import { ensureTable } from '../../functions/store/create-table.js';
import { keys } from '../../functions/store/keys.js';
import { freePort } from '../support/ports.js';
import { benchBundles, formatBundles } from './bundles.js';
import { benchImpact } from './impact.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, 'skip-bundles': { type: 'boolean', default: false }, only: { type: 'string' } } });
const LUNCH = '2026-11-30T11:40:00+08:00';

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

async function call(app: RunningApp, method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(app.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as any };
}

/** (a) The engine alone: slot update + booking put + recipient update, 32 at a time. */
async function rawEngineRate(endpoint: string, n: number): Promise<number> {
  const doc = documentClient(localClientConfig(endpoint));
  const tableName = `raw_${randomBytes(4).toString('hex')}`;
  await ensureTable(doc as never, tableName);
  const ids = Array.from({ length: n }, (_, i) => `r${i}`);
  const started = performance.now();
  await pool(ids, 32, async (id) => {
    await doc.send(new TransactWriteCommand({
      TransactItems: [
        { Update: { TableName: tableName, Key: keys.slot('p', '2026-11-30', 'o'), UpdateExpression: 'ADD taken :one', ConditionExpression: 'attribute_not_exists(taken) OR taken < :cap', ExpressionAttributeValues: { ':one': 1, ':cap': 1_000_000 } } },
        { Put: { TableName: tableName, Item: { ...keys.booking(`b${id}`), id }, ConditionExpression: 'attribute_not_exists(PK)' } },
        { Update: { TableName: tableName, Key: keys.recipient(id), UpdateExpression: 'SET liveBooking = :b ADD claims :one', ConditionExpression: 'attribute_not_exists(liveBooking)', ExpressionAttributeValues: { ':b': `b${id}`, ':one': 1 } } },
      ],
    }));
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

async function main() {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  const app = await startApp({ dynamoEndpoint: dynamo.endpoint, tableName: 'bench', port: 0, seed: false, testClock: true, jobTimers: false, adminPassword: 'bench-admin' });
  const rows: [string, string, string][] = [];
  try {
    await fetch(`${app.url}/__test__/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: LUNCH }) });
    if (values.only !== 'impact') await bookingBench(app, dynamo.endpoint, rows);
    if (values.only !== 'booking') {
      // Its own table: the province fixture must not share partitions with the booking runs.
      const province = await startApp({ dynamoEndpoint: dynamo.endpoint, tableName: 'bench_impact', port: 0, seed: false, testClock: true, jobTimers: false, adminPassword: 'bench-admin' });
      try {
        province.clock.set(new Date(LUNCH));
        rows.push(...(await benchImpact(province, new Date(LUNCH))));
      } finally {
        await province.stop();
      }
    }
  } finally {
    await app.stop();
    await dynamo.stop();
  }
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('\nM餐 benchmarks (DynamoDB Local, this machine)\n');
  for (const [k, v, note] of rows) console.log(`${k.padEnd(w)}  ${v}${note ? `   (${note})` : ''}`);
  if (!values['skip-bundles'] && values.only === undefined) console.log('\n' + formatBundles(await benchBundles()));
}

async function bookingBench(app: RunningApp, endpoint: string, rows: [string, string, string][]) {
  {
    const admin = (await call(app, 'POST', '/v1/admin/sessions', { username: 'admin', password: 'bench-admin' })).body.token as string;

    // (a) and (b)
    await rawEngineRate(endpoint, 300); // warm the JVM
    const a = await rawEngineRate(endpoint, 2000);
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
    rows.push(['(a) raw engine, 3-item transaction ×32', `${a.toFixed(0)} tx/s`, '']);
    rows.push(['(b) POST /v1/bookings via HTTP ×32', `${b.toFixed(0)} bookings/s`, `${ok} of 2000 booked`]);
    rows.push(['    b / a', (b / a).toFixed(2), 'goal ≥ 0.7']);

    // (c) open loop: 50 requests/s, alternating bookings and redemptions of earlier bookings
    const seconds = Number(values.seconds);
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
    const last = await providerWith(app, admin, 50);
    const racers = await recipients(app, 500);
    const d0 = performance.now();
    const results = await Promise.all(racers.map((t) => call(app, 'POST', '/v1/bookings', { offeringId: last.offeringId, windowId: 'lunch' }, t)));
    const wall = performance.now() - d0;
    const won = results.filter((r) => r.status === 201).length;
    rows.push(['(d) 500 on the last 50 meals', `${wall.toFixed(0)} ms`, `${won} × 201, goal < 3 s`]);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
