import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering } from '../support/people.js';

/**
 * A stand-in for WeChat's code2Session endpoint: the real HTTP call, answered locally.
 * Codes starting with "ok-" log in as openid "openid-<rest>"; "used" is WeChat's 40163.
 */
let wechat: Server;
let wechatUrl: string;
const seen: URL[] = [];
let withWechat: TestApp;
let without: TestApp;
let tokensIssued = 0;
let refuseCodes = false;
const codeRequests: { token: string | null; body: { path: string; width: number } }[] = [];
// A few bytes standing in for the image WeChat draws.
const CODE_IMAGE = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x4d, 0x43]);

beforeAll(async () => {
  wechat = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push(url);
    const code = url.searchParams.get('js_code') ?? '';
    if (url.pathname === '/cgi-bin/token') {
      res.setHeader('content-type', 'application/json');
      const right = url.searchParams.get('appid') === 'wx-app' && url.searchParams.get('secret') === 'wx-secret';
      return res.end(JSON.stringify(right ? { access_token: `access-${++tokensIssued}`, expires_in: 7200 } : { errcode: 40013, errmsg: 'invalid appid' }));
    }
    if (url.pathname === '/wxa/getwxacode') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        codeRequests.push({ token: url.searchParams.get('access_token'), body: JSON.parse(Buffer.concat(chunks).toString()) });
        if (refuseCodes) {
          res.setHeader('content-type', 'application/json');
          return res.end(JSON.stringify({ errcode: 45009, errmsg: 'reach max api daily quota limit' }));
        }
        res.setHeader('content-type', 'image/jpeg');
        res.end(CODE_IMAGE);
      });
      return;
    }
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
    const a = await withWechat.api.createWechatSession.reply({ body: { code: 'ok-alice' } });
    const b = await withWechat.api.createWechatSession({ body: { code: 'ok-alice' } });
    const c = await withWechat.api.createWechatSession({ body: { code: 'ok-bob' } });
    expect(a.status).toBe(200);
    expect(a.body?.user.id).toBe(b.user.id);
    expect(c.user.id).not.toBe(a.body?.user.id);
    const call = seen.find((u) => u.searchParams.get('js_code') === 'ok-alice')!;
    expect(Object.fromEntries(call.searchParams)).toEqual({ appid: 'wx-app', secret: 'wx-secret', js_code: 'ok-alice', grant_type: 'authorization_code' });
    // Neither the openid nor the session key reaches the client.
    expect(a.text).not.toContain('openid-alice');
    expect(a.text).not.toContain('SECRET-SESSION-KEY');
    expect((await withWechat.api.getMe.reply({ token: a.body?.token })).status).toBe(200);
  });

  it('a used code is 401; a WeChat failure is a retryable 503', async () => {
    const used = await withWechat.api.createWechatSession.reply({ body: { code: 'used' } });
    expect(used.status).toBe(401);
    const broken = await withWechat.api.createWechatSession.reply({ body: { code: 'boom' } });
    expect(broken.status).toBe(503);
    expect(broken.error?.code).toBe('BUSY');
    expect(broken.headers.get('retry-after')).toBe('5');
  });

  it('answers 503 NOT_CONFIGURED with a clear message when no app id and secret are set', async () => {
    const r = await without.api.createWechatSession.reply({ body: { code: 'ok-alice' } });
    expect(r.status).toBe(503);
    expect(r.error).toEqual({ code: 'NOT_CONFIGURED', message: expect.stringContaining('WECHAT_APP_ID') });
  });
});

describe('the walk-in poster’s mini-program code', () => {
  it('is made once per poster for its walk-in path, with one access token; WeChat refusing leaves the web QR alone', async () => {
    const a = await providerWithOffering(withWechat, '码餐厅甲', 10);
    const b = await providerWithOffering(withWechat, '码餐厅乙', 10);
    const first = await withWechat.api.staffPoster({ token: a.staffToken });
    expect(first.wxacode).toBe(`data:image/jpeg;base64,${CODE_IMAGE.toString('base64')}`);
    const again = await withWechat.api.staffPoster({ token: a.staffToken });
    expect(again.wxacode).toBe(first.wxacode);
    await withWechat.api.staffPoster({ token: b.staffToken });
    // Two posters, two codes (a view again asks nothing), both under the first access token.
    expect(codeRequests).toHaveLength(2);
    expect(codeRequests.map((r) => r.token)).toEqual(['access-1', 'access-1']);
    expect(codeRequests[0]!.body).toEqual({ path: first.walkInPath.slice(1), width: 430 });
    expect(codeRequests[0]!.body.path).toMatch(/^pages\/walkin\/index\?poster=M1W\./);

    refuseCodes = true;
    const rotated = await withWechat.api.rotatePoster({ token: a.staffToken });
    expect(rotated.wxacode).toBeNull();
    expect(rotated.qrSvg).toContain('<svg');
    refuseCodes = false;
    // A refusal is not remembered: the next view asks again and gets the code.
    expect((await withWechat.api.staffPoster({ token: a.staffToken })).wxacode).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('is null where WeChat is not configured', async () => {
    const p = await providerWithOffering(without, '无码餐厅', 10);
    const r = await without.api.staffPoster({ token: p.staffToken });
    expect(r.wxacode).toBeNull();
  });
});
