import { randomBytes } from 'node:crypto';
import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { config as defaultConfig } from '../../functions/config.js';
import { documentClient, localClientConfig } from '../../functions/store/client.js';
import { startApp, type AppOptions, type RunningApp } from '../../functions/local/app.js';
import { apiClient, type ApiClient } from './api-client.js';
import { fetchFrom } from './source-address.js';

export interface TestApp extends RunningApp {
  /** The contract's endpoints, typed, with every answer checked against the contract (support/api-client.ts). */
  api: ApiClient;
  /** The same client, calling from another loopback address (`127.0.0.2` …): another place, to the server. */
  from(address: string): ApiClient;
  /**
   * Any request at all, unchecked: for malformed input, input the contract's types forbid, and paths
   * outside the contract (/healthz, /__test__). The body is `unknown` unless the caller names the
   * narrow shape it reads (`call<{ error: { code: string } }>`); contract routes belong on `api`.
   */
  call<T = unknown>(method: string, path: string, opts?: CallOptions): Promise<Reply<T>>;
  /** An admin session, shared; `fresh` signs in anew (after the account's sessions were ended). */
  adminToken(fresh?: boolean): Promise<string>;
  setClock(iso: string | null): Promise<void>;
  /** The last SMS code the local stand-in sent to this phone (11 digits). */
  smsCode(phone: string): string | undefined;
  /** Every item in this app's table, sorted by key: for tests that prove a request changed nothing. */
  tableItems(): Promise<Record<string, unknown>[]>;
}

export interface TestAppOptions extends Partial<AppOptions> {
  /**
   * Keep the per-address limits (new device keys, SMS codes, failed password sign-ins) of the
   * config. Off by default: every test's people share one loopback address, which those limits
   * would treat as one client.
   */
  perClientLimits?: boolean;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (no JSON encoding), for malformed-input tests. */
  raw?: string | Uint8Array;
  token?: string;
  headers?: Record<string, string>;
}

export interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/**
 * The real local server (same handlers, same adapter) on a free port, against the run's
 * DynamoDB Local, with a table of its own so test files never see each other's data.
 */
export async function startTestApp({ perClientLimits = false, ...opts }: TestAppOptions = {}): Promise<TestApp> {
  const codes = new Map<string, string>();
  const base = opts.config ?? defaultConfig;
  const lifted = { newDevicesPerMinute: 1_000_000, phoneChallengesPerHour: 1_000_000, signInFailuresPerMinute: 1_000_000, signInFailuresPerHour: 1_000_000 };
  const config = perClientLimits ? base : { ...base, clients: lifted };
  const options: AppOptions = {
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `t_${randomBytes(6).toString('hex')}`,
    port: 0,
    seed: true,
    testClock: true,
    adminPassword: 'test-admin-password',
    jobTimers: false,
    // Every table command a route sends is checked against its group's grant, as IAM does on AWS.
    enforceGrants: true,
    // The local stand-in's message, caught where a test can read the code.
    sms: { send: async (phone, text) => void codes.set(phone, /(\d{4,8})/.exec(text)![1]!) },
    ...opts,
    config,
  };
  const app = await startApp(options);

  async function call<T>(method: string, path: string, o: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | Uint8Array | undefined = o.raw;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(app.url + path, { method, headers, body: body as BodyInit | undefined });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the test reads .text instead.
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  // One sign-in shared by concurrent callers (parallel sign-ins of one account are refused), and
  // dropped whenever the clock moves: an admin session lasts hours, and tests travel days.
  let admin: Promise<string> | undefined;
  return {
    ...app,
    api: apiClient(app.url),
    from: (address) => apiClient(app.url, fetchFrom(address)),
    call,
    adminToken(fresh = false) {
      if (fresh) admin = undefined;
      admin ??= call<{ token: string }>('POST', '/v1/admin/sessions', { body: { username: 'admin', password: 'test-admin-password' } }).then((r) => {
        if (r.status !== 200) {
          admin = undefined;
          throw new Error(`admin sign-in failed: ${r.text}`);
        }
        return r.body.token;
      });
      return admin;
    },
    smsCode: (phone) => codes.get(phone),
    async setClock(iso) {
      const r = await call('POST', '/__test__/clock', { body: { now: iso } });
      if (r.status !== 200) throw new Error(`clock: ${r.text}`);
      admin = undefined;
    },
    async tableItems() {
      const doc = documentClient(localClientConfig(options.dynamoEndpoint));
      try {
        const items: Record<string, unknown>[] = [];
        for await (const page of paginateScan({ client: doc }, { TableName: options.tableName, ConsistentRead: true })) items.push(...(page.Items ?? []));
        const key = (i: Record<string, unknown>) => `${String(i.PK)}\u0000${String(i.SK)}`;
        return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      } finally {
        doc.destroy();
      }
    },
  };
}

export const deviceKey = (): string => randomBytes(32).toString('base64url');
