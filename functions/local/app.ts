import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Deps } from '../app/deps.js';
import { config as defaultConfig, type Config } from '../config.js';
import { buildDeps } from '../deps.js';
import { httpHandler, type HttpHandler } from '../http/adapter.js';
import { logLevelFrom, telemetry } from '../observability/telemetry.js';
import { routes } from '../routes.js';
import { historyStart, seedHistory, type HistoryReport } from '../seed/history-seed.js';
import { ensureAdmin, seedDemo, seedDistricts } from '../seed/seed.js';
import { documentClient, localClientConfig, type TableRef } from '../store/client.js';
import { ensureTable } from '../store/create-table.js';
import { wechatClient } from '../wechat/code2session.js';
import type { WechatConfig } from '../wechat/config.js';
import { printingSms, type SmsSender } from '../sms/sender.js';
import { settableClock, type Clock } from './clock.js';
import { assertPortFree } from './dynamodb-local.js';
import { createLocalServer } from './http-server.js';
import { localJobs } from './jobs.js';
import { localSecrets } from './secrets.js';
import { asCaller, enforceGrants } from './table-grants.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import * as z from 'zod';

export interface AppOptions {
  dynamoEndpoint: string;
  tableName: string;
  host?: string;
  /** 0 picks a free port (tests). */
  port: number;
  seed: boolean;
  testClock: boolean;
  adminPassword?: string;
  dataDir?: string;
  staticDir?: string | null;
  wechat?: WechatConfig | null;
  config?: Config;
  /** Accept random device keys as identities (default true locally; AWS never does). */
  deviceKeys?: boolean;
  /** Where SMS codes go (default: printed to the console; null: no provider, as on AWS today). */
  sms?: SmsSender | null;
  /** Run the scheduled jobs on timers (default true); tests may drive them through the test route instead. */
  jobTimers?: boolean;
  /**
   * With `seed`: a year (or `days`) of demo history, written in the background once the server
   * listens (`historyReady` settles when it is in). Off unless asked: tests start without it.
   */
  history?: boolean | { days: number };
  /**
   * Refuse, as IAM would on AWS, any table command a route's function group is not granted in
   * functions/grants.ts (functions/local/table-grants.ts); stop() then fails. Tests turn it on.
   */
  enforceGrants?: boolean;
  /** Hook to wrap the DynamoDB client (tests inject contention faults here). */
  configureClient?: (doc: DynamoDBDocumentClient) => void;
  /**
   * The level of the API's log lines (Powertools). Default: what LOG_LEVEL (or POWERTOOLS_LOG_LEVEL)
   * names, else WARN: a person running the server or the bench sees start-up, warnings, errors and
   * figures, not one event line per booking; LOG_LEVEL=INFO shows those as on AWS.
   */
  logLevel?: LogLevel;
}

export interface RunningApp {
  url: string;
  tableName: string;
  port: number;
  adminPassword: string;
  seeded: boolean;
  deps: Deps;
  /** The table the app runs on (benchmarks write fixtures straight into it). */
  table: TableRef;
  clock: Clock;
  /** The demo history's loading (see AppOptions.history); null when none was asked for. */
  historyReady: Promise<HistoryReport> | null;
  stop(): Promise<void>;
}

const ClockBody = z.strictObject({ now: z.iso.datetime({ offset: true }).nullable() });

function jsonResult(statusCode: number, body: unknown) {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/**
 * The test routes move the clock and run jobs: no web page may reach them. A browser marks every
 * cross-origin POST with `Origin` (and `Sec-Fetch-Site`); only this server's own origin, or none
 * (curl, tests), is let through. With `json`, the body must be declared JSON: a cross-origin page
 * cannot send that without a CORS preflight, which this server never approves.
 */
function localOnly(handler: HttpHandler, opts: { json: boolean }): HttpHandler {
  return async (event) => {
    const h = event.headers ?? {};
    const own = [`http://${h.host ?? ''}`];
    if ((h.origin !== undefined && !own.includes(h.origin)) || (h['sec-fetch-site'] !== undefined && !['same-origin', 'none'].includes(h['sec-fetch-site']))) {
      return jsonResult(403, { error: { code: 'FORBIDDEN', message: 'test routes answer only this server’s own origin' } });
    }
    if (event.requestContext.http.method !== 'POST') return jsonResult(405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'use POST' } });
    if (opts.json && !/^application\/json\s*(;|$)/i.test(h['content-type'] ?? '')) {
      return jsonResult(400, { error: { code: 'BAD_REQUEST', message: 'send Content-Type: application/json' } });
    }
    return handler(event);
  };
}

function testClockRoute(clock: Clock): HttpHandler {
  return async (event) => {
    let parsed;
    try {
      parsed = ClockBody.safeParse(JSON.parse(event.body ?? ''));
    } catch {
      return jsonResult(400, { error: { code: 'BAD_REQUEST', message: 'the body is not JSON' } });
    }
    if (!parsed.success) return jsonResult(422, { error: { code: 'VALIDATION_FAILED', message: 'send {"now": "<ISO time with offset>"} or {"now": null}' } });
    clock.set(parsed.data.now === null ? null : new Date(parsed.data.now));
    return jsonResult(200, { now: clock.now().toISOString(), frozen: parsed.data.now !== null });
  };
}

/** Table, seed data, handlers and HTTP server: everything local mode runs except DynamoDB Local itself. */
export async function startApp(o: AppOptions): Promise<RunningApp> {
  const host = o.host ?? '127.0.0.1';
  if (o.port !== 0) await assertPortFree(o.port, host, 'the M餐 server');
  const base = o.config ?? defaultConfig;
  const config: Config = { ...base, identity: { ...base.identity, deviceKeys: o.deviceKeys ?? true } };
  const doc = documentClient(localClientConfig(o.dynamoEndpoint));
  o.configureClient?.(doc);
  const grants = o.enforceGrants ? enforceGrants(doc) : null;
  await ensureTable(doc as unknown as Parameters<typeof ensureTable>[0], o.tableName);
  const clock = settableClock();
  const deps = buildDeps({
    table: { doc, tableName: o.tableName },
    secrets: localSecrets(o.dataDir),
    wechat: o.wechat ? wechatClient(o.wechat) : null,
    sms: o.sms === undefined ? printingSms() : o.sms,
    config,
  });

  const adminPassword = o.adminPassword ?? randomBytes(9).toString('base64url');
  await ensureAdmin(deps.store, config, adminPassword);
  await seedDistricts(deps.store);
  const historyDays = o.seed && o.history ? (o.history === true ? config.demo.historyDays : o.history.days) : 0;
  const { seeded } = o.seed ? await seedDemo(deps.store, config, clock.now(), historyDays > 0 ? historyStart(clock.now(), config.timeZone, historyDays).joinedAt : undefined) : { seeded: false };

  // The same event lines as on AWS, to the console; metrics only on AWS (no CloudWatch here).
  const api = httpHandler({
    routes,
    deps,
    clock: clock.now,
    log: (e) => console.error(JSON.stringify(e)),
    telemetry: telemetry({ service: 'mcan-local', emitMetrics: false, logLevel: o.logLevel ?? logLevelFrom(process.env, 'WARN') }),
    ...(grants ? { within: (route, run) => asCaller({ group: route.group, route: route.name }, run) } : {}),
  });
  const extra: Record<string, HttpHandler> = {
    '/healthz': async () => jsonResult(200, { ok: true }),
  };
  const jobs = localJobs(deps, clock, o.jobTimers ?? true, grants ? (job, run) => asCaller({ group: 'jobs', route: job }, run) : undefined);
  if (o.testClock) {
    extra['/__test__/clock'] = localOnly(testClockRoute(clock), { json: true });
    for (const job of jobs.list) extra[`/__test__/jobs/${job.name}`] = localOnly(async () => jsonResult(200, await job.run()), { json: false });
  }
  const server = createLocalServer({ api, extra, staticDir: o.staticDir ?? null, maxBodyBytes: config.http.maxBodyBytes });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // After listening: the app is usable at once, and the history's figures appear when they are in.
  const historyReady = historyDays > 0 ? seedHistory(deps, clock.now(), historyDays) : null;
  // A failure is reported by whoever awaits it (the banner, a test); never an unhandled rejection.
  historyReady?.catch(() => undefined);
  return {
    url: `http://${host}:${port}`,
    tableName: o.tableName,
    port,
    adminPassword,
    seeded,
    deps,
    table: { doc, tableName: o.tableName },
    clock,
    historyReady,
    async stop() {
      jobs.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      doc.destroy();
      // Loud even when the code that met the refusal swallowed it.
      if (grants?.refused.length) throw new Error(`table commands refused by the grants of functions/grants.ts:\n${[...new Set(grants.refused)].join('\n')}`);
    },
  };
}
