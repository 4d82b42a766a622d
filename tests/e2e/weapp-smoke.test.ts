import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/process.js';
import { ensureWeappBuild, installWx, weappDir, type WxCall } from '../support/weapp.js';

const provider = {
  id: 'demo-futian',
  name: '福田老街面馆',
  nameEn: 'Futian Old Street Noodles',
  location: { lat: 22.5333, lng: 114.0556 },
  kind: 'restaurant',
  district: 'futian',
  address: '福田街道福华路 9 号',
  date: '2026-11-30',
  offerings: [
    { id: 'demo-futian-lunch', name: '午餐套餐', kind: 'meal', standard: '两荤一素', valueFen: 2590, windows: [{ id: 'lunch', start: '11:30', end: '13:30' }], capacity: 20, remaining: 17 },
  ],
};

beforeAll(() => {
  ensureWeappBuild();
}, 180_000);

const voucher = 'M1.bk_weapp1.' + 'A'.repeat(86);
const booking = {
  id: 'bk_weapp1',
  status: 'BOOKED',
  providerId: 'demo-futian',
  providerName: '福田老街面馆',
  offeringId: 'demo-futian-lunch',
  offeringName: '午餐套餐',
  kind: 'meal',
  date: '2026-11-30',
  window: { id: 'lunch', start: '11:30', end: '13:30' },
  voucher,
  code: '12345678',
  createdAt: '2026-11-30T03:40:00.000Z',
  redeemedAt: null,
};

type Env = ReturnType<typeof installWx>;
let env: Env;
let load: NodeRequire;

/** A page instance as the mini-program makes one: the config's methods and data, plus setData. */
function openPage(route: string, query: Record<string, string> = {}) {
  (globalThis as any).__currentRoute = route;
  load(`./${route}.js`);
  const config = env.registered.pages[route];
  expect(config, `Page() was called for ${route}`).toBeTruthy();
  const updates: unknown[] = [];
  const page: any = Object.assign(Object.create(config), { data: structuredClone(config.data ?? {}), route, __wxWebviewId__: env.pageStack.length + 1 });
  page.setData = (data: Record<string, unknown>, cb?: () => void) => {
    updates.push(data);
    Object.assign(page.data, data);
    cb?.();
  };
  env.pageStack.push(page);
  page.onLoad.call(page, query);
  page.onShow?.call(page);
  page.onReady?.call(page);
  return { page, updates, text: () => JSON.stringify(updates) };
}

const requests = (calls: WxCall[]) => calls.filter((c) => c.api === 'request').map((c) => `${c.options.method} ${c.options.url}`);

describe('the WeChat build, run in Node with a wx stand-in', () => {
  beforeAll(() => {
    // Older WeChat clients have no TextEncoder: the app must not need it.
    delete (globalThis as any).TextEncoder;
    env = installWx((url) => {
      if (url.includes('/v1/providers')) return { statusCode: 200, data: { providers: [provider] } };
      if (url.includes('/v1/districts')) return { statusCode: 200, data: [{ id: 'futian', name: '福田' }] };
      if (url.endsWith(`/v1/bookings/${booking.id}`)) return { statusCode: 200, data: { booking } };
      return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'not found' } } };
    });
    load = createRequire(join(weappDir, 'app.js'));
    load('./app.js');
    const app = env.registered.app;
    expect(app, 'App() was called').toBeTruthy();
    app.onLaunch?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 });
    app.onShow?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 });
  });

  it('starts the app and, on loading the home page, asks for the providers and renders them', async () => {
    const home = openPage('pages/home/index');
    await expect.poll(() => requests(env.calls), { timeout: 5000 }).toContain('GET http://127.0.0.1:8787/v1/providers');
    // The answer reaches the page: the provider's name and meals left are in what was sent to the view.
    await expect.poll(() => home.text(), { timeout: 5000 }).toContain('福田老街面馆');
    expect(home.text()).toContain('剩余 17 份');
    // Browsing needs no session: no wx.login yet.
    expect(env.calls.some((c) => c.api === 'login')).toBe(false);
  });

  it('loads the voucher page, asks for the booking, and draws the voucher QR module by module on the canvas', async () => {
    env.storage.set('mcan.token', 'a-recipient-token');
    const voucherPage = openPage('pages/voucher/index', { id: booking.id });
    await expect.poll(() => requests(env.calls), { timeout: 5000 }).toContain(`GET http://127.0.0.1:8787/v1/bookings/${booking.id}`);
    const request = env.calls.find((c) => c.api === 'request' && String(c.options.url).endsWith(booking.id))!;
    expect(request.options.header.Authorization).toBe('Bearer a-recipient-token');
    await expect.poll(() => voucherPage.text(), { timeout: 5000 }).toContain('1234 5678');
    // The same matrix the app encodes (bytes, level M): every dark module is one black square.
    const { modules } = QRCode.create([{ data: Buffer.from(voucher), mode: 'byte' }], { errorCorrectionLevel: 'M' });
    const dark = Array.from(modules.data).filter((m) => m === 1).length;
    await expect.poll(() => env.drawn.filter((d) => d.fill === '#000').length, { timeout: 5000 }).toBe(dark);
    expect(env.drawn[0]).toMatchObject({ fill: '#fff' });
    // A usable voucher turns the screen to full brightness, and leaving gives the user's level back.
    const brightness = () => env.calls.filter((c) => c.api === 'setScreenBrightness').map((c) => c.options.value);
    await expect.poll(brightness, { timeout: 5000 }).toEqual([1]);
    voucherPage.page.onHide?.call(voucherPage.page);
    await expect.poll(brightness, { timeout: 5000 }).toEqual([1, 0.4]);
  });
});

describe('the admin desk stays out of the mini-program', () => {
  it('has no admin sub-package, folder or wording in the weapp build', () => {
    const app = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
    expect((app.subPackages ?? []).map((p) => p.root).sort()).toEqual(['impact', 'staff']);
    expect(existsSync(join(weappDir, 'admin'))).toBe(false);
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    // The desk's own wording (its title, its sign-in) appears nowhere in what WeChat would load.
    const withAdmin = files(weappDir).filter((f) => /管理台|管理员登录|Administrator sign-in/.test(readFileSync(f, 'utf8')));
    expect(withAdmin).toEqual([]);
  });
});

describe("WeChat's own compiler and code-quality checks (miniprogram-ci, offline)", () => {
  it('compiles the build and passes every check, lazy code loading included', { timeout: 400_000 }, () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/wechat-check.ts'], { cwd: repoRoot, encoding: 'utf8', timeout: 380_000 });
    // The tools log to stdout; the verdict is the last line.
    const verdict = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { compiledFiles: number; checks: { name: string; success: boolean; text: string }[] };
    expect(verdict.compiledFiles).toBeGreaterThan(0);
    expect(verdict.checks.length).toBeGreaterThanOrEqual(11);
    expect(verdict.checks.filter((c) => !c.success)).toEqual([]);
    expect(verdict.checks.find((c) => c.name === 'LAZYCODE_LOADING_OPEN')?.success).toBe(true);
    expect(run.status).toBe(0);
  });
});
