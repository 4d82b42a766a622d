import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

/**
 * A stand-in for WeChat's code2Session endpoint: the real HTTP call, answered locally.
 * Codes starting with "ok-" log in as openid "openid-<rest>"; "used" is WeChat's 40163.
 */
let wechat: Server;
let wechatUrl: string;
const seen: URL[] = [];
let withWechat: TestApp;
let without: TestApp;

beforeAll(async () => {
  wechat = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push(url);
    const code = url.searchParams.get('js_code') ?? '';
    res.setHeader('content-type', 'text/plain'); // WeChat really answers JSON as text/plain
    if (url.pathname !== '/sns/jscode2session' || url.searchParams.get('secret') !== 'wx-secret') {
      res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
    } else if (code.startsWith('ok-')) {
      res.end(JSON.stringify({ openid: `openid-${code.slice(3)}`, session_key: 'SECRET-SESSION-KEY' }));
    } else if (code === 'used') {
      res.end(JSON.stringify({ errcode: 40163, errmsg: 'code been used' }));
    } else {
      res.end(JSON.stringify({ errcode: -1, errmsg: 'system error' }));
    }
  });
  await new Promise<void>((r) => wechat.listen(0, '127.0.0.1', () => r()));
  wechatUrl = `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`;
  withWechat = await startTestApp({ seed: false, wechat: { appId: 'wx-app', appSecret: 'wx-secret', baseUrl: wechatUrl, timeoutMs: 2000 } });
  without = await startTestApp({ seed: false });
});
afterAll(async () => {
  await withWechat.stop();
  await without.stop();
  wechat.close();
});

describe('POST /v1/sessions/wechat', () => {
  it('trades a login code for a session; the same openid is the same recipient', async () => {
    const a = await withWechat.call('POST', '/v1/sessions/wechat', { body: { code: 'ok-alice' } });
    const b = await withWechat.call('POST', '/v1/sessions/wechat', { body: { code: 'ok-alice' } });
    const c = await withWechat.call('POST', '/v1/sessions/wechat', { body: { code: 'ok-bob' } });
    expect(a.status).toBe(200);
    expect(a.body.user.id).toBe(b.body.user.id);
    expect(c.body.user.id).not.toBe(a.body.user.id);
    const call = seen.find((u) => u.searchParams.get('js_code') === 'ok-alice')!;
    expect(Object.fromEntries(call.searchParams)).toEqual({ appid: 'wx-app', secret: 'wx-secret', js_code: 'ok-alice', grant_type: 'authorization_code' });
    // Neither the openid nor the session key reaches the client.
    expect(a.text).not.toContain('openid-alice');
    expect(a.text).not.toContain('SECRET-SESSION-KEY');
    expect((await withWechat.call('GET', '/v1/me', { token: a.body.token })).status).toBe(200);
  });

  it('a used code is 401; a WeChat failure is a retryable 503', async () => {
    const used = await withWechat.call('POST', '/v1/sessions/wechat', { body: { code: 'used' } });
    expect(used.status).toBe(401);
    const broken = await withWechat.call('POST', '/v1/sessions/wechat', { body: { code: 'boom' } });
    expect(broken.status).toBe(503);
    expect(broken.body.error.code).toBe('BUSY');
    expect(broken.headers.get('retry-after')).toBe('5');
  });

  it('answers 503 NOT_CONFIGURED with a clear message when no app id and secret are set', async () => {
    const r = await without.call('POST', '/v1/sessions/wechat', { body: { code: 'ok-alice' } });
    expect(r.status).toBe(503);
    expect(r.body.error).toEqual({ code: 'NOT_CONFIGURED', message: expect.stringContaining('WECHAT_APP_ID') });
  });
});
