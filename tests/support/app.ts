import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { config as defaultConfig } from '../../functions/config.js';
import { startApp, type AppOptions, type RunningApp } from '../../functions/local/app.js';

export interface TestApp extends RunningApp {
  call<T = any>(method: string, path: string, opts?: CallOptions): Promise<Reply<T>>;
  adminToken(): Promise<string>;
  setClock(iso: string | null): Promise<void>;
  /** The last SMS code the local stand-in sent to this phone (11 digits). */
  smsCode(phone: string): string | undefined;
}

export interface TestAppOptions extends Partial<AppOptions> {
  /**
   * Keep the per-address limits (new device keys, SMS codes) of the config. Off by default: every
   * test's people share one loopback address, which those limits would treat as one client.
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
  const config = perClientLimits ? base : { ...base, clients: { newDevicesPerMinute: 1_000_000, phoneChallengesPerHour: 1_000_000 } };
  const app = await startApp({
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: `t_${randomBytes(6).toString('hex')}`,
    port: 0,
    seed: true,
    testClock: true,
    adminPassword: 'test-admin-password',
    jobTimers: false,
    // The local stand-in's message, caught where a test can read the code.
    sms: { send: async (phone, text) => void codes.set(phone, /(\d{4,8})/.exec(text)![1]!) },
    ...opts,
    config,
  });

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

  let admin: string | undefined;
  return {
    ...app,
    call,
    async adminToken() {
      if (!admin) {
        const r = await call<{ token: string }>('POST', '/v1/admin/sessions', { body: { username: 'admin', password: 'test-admin-password' } });
        if (r.status !== 200) throw new Error(`admin sign-in failed: ${r.text}`);
        admin = r.body.token;
      }
      return admin;
    },
    smsCode: (phone) => codes.get(phone),
    async setClock(iso) {
      const r = await call('POST', '/__test__/clock', { body: { now: iso } });
      if (r.status !== 200) throw new Error(`clock: ${r.text}`);
    },
  };
}

export const deviceKey = (): string => randomBytes(32).toString('base64url');
