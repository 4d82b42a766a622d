import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser.js';
import type { TestApp } from '../support/app.js';
import { browserSuite, field, readQr, stored, tap, type PhonePage } from '../support/h5.js';
import { recipient } from '../support/people.js';

// Issue 12 at the counter: throttled is not invalid, an expired session keeps the typed code,
// refusals say why and when, and a desk keyboard drives the keypad.
const MONDAY_LUNCH = '2026-11-30T11:40:00+08:00';
const MONDAY_MORNING = '2026-11-30T10:30:00+08:00';

const suite = browserSuite(MONDAY_LUNCH);
let app: TestApp;
beforeAll(() => {
  app = suite.app;
});

async function signIn(p: PhonePage, username: string): Promise<void> {
  await p.page.goto(app.url + '/#/staff/signin/index');
  await field(p.page, '.staff-signin__username').fill(username);
  await field(p.page, '.staff-signin__password').fill('mcan-demo');
  await tap(p.page.locator('.staff-signin__submit'));
  await p.page.locator('.keypad').waitFor();
}

async function typeOnKeypad(p: PhonePage, code: string): Promise<void> {
  for (const digit of code) await tap(p.page.locator(`.keypad__key[data-key="${digit}"]`));
}

/** A booking made through the API; its 8-digit code. */
async function bookedCode(offeringId = 'demo-meilin-lunch', windowId = 'lunch'): Promise<string> {
  const token = await recipient(app);
  const b = await app.api.createBooking.reply({ token, body: { offeringId, windowId } });
  expect(b.status).toBe(201);
  return b.body!.booking.code!;
}

describe('the counter', () => {
  it('pauses with a countdown after many wrong codes, never showing a genuine code as invalid', async () => {
    const p = await suite.open();
    await signIn(p, 'staff-nanyuan');
    const token = (await stored(p.page, 'mcan.staffToken'))!;
    // Ten wrong codes from this staff member (the limit per hour), typed elsewhere.
    for (let i = 0; i < 10; i++) {
      const r = await app.api.redeem.reply({ token, body: { code: String(10_000_000 + i) } });
      expect(r.status).toBe(404);
    }
    const genuine = await bookedCode('demo-nanyuan-lunch');
    await typeOnKeypad(p, genuine);
    await tap(p.page.locator('.staff-scan__redeem'));
    const paused = p.page.locator('[data-result="paused"]');
    await paused.waitFor();
    const text = await paused.innerText();
    expect(text).not.toContain('无效');
    expect(text).toContain('顾客的券没有问题');
    // In minutes (the server pauses for the rest of its window), and what still works.
    expect(text).toMatch(/约 \d+ 分钟后可以继续输入券码/);
    expect(text).toContain('扫码核销和无手机发放不受影响');
    // No glyph a phone may lack: the words say it.
    expect(text).not.toMatch(/[\u23f8\u23ef]/u);
    await expect(p.page.locator('.scan-result--fail').count()).resolves.toBe(0);
    await expect(p.page.locator('.scan-paused__scan').innerText()).resolves.toBe('改为扫码核销');
    // Still the app's page: the tabs and sign-out are there.
    await expect(p.page.locator('.staff-nav__tab[data-tab="today"]').isVisible()).resolves.toBe(true);
    await p.page.screenshot({ path: artifactPath('staff-paused.png'), animations: 'disabled' });

    // Away to another tab and back: still paused, not a keypad that refuses every code.
    await tap(p.page.locator('.staff-nav__tab[data-tab="poster"]'));
    await p.page.locator('.poster').waitFor();
    await tap(p.page.locator('.staff-nav__tab[data-tab="scan"]'));
    await p.page.locator('[data-result="paused"]').waitFor();
    expect(await p.page.locator('.keypad').count()).toBe(0);
    // The no-phone handout is one tap away.
    await tap(p.page.locator('.scan-paused__handout'));
    await p.page.locator('.slot__handout').first().waitFor();
  });

  it('says why a voucher cannot be used yet, with the pickup window', async () => {
    await app.setClock(MONDAY_MORNING);
    try {
      const code = await bookedCode('demo-meilin-lunch', 'lunch');
      const p = await suite.open(MONDAY_MORNING);
      await signIn(p, 'staff-meilin');
      await typeOnKeypad(p, code);
      await tap(p.page.locator('.staff-scan__redeem'));
      // A genuine voucher, too early: amber, "not now", never the red 无效.
      const result = p.page.locator('[data-result="cannot"]');
      await result.waitFor();
      // Lunch is 11:30–13:30; staff may redeem from 15 minutes before.
      await expect(result.innerText()).resolves.toContain('还没到取餐时间（11:30–13:30），请 11:15 以后再来。');
      await expect(result.innerText()).resolves.toContain('暂不能核销');
      await expect(result.innerText()).resolves.not.toContain('无效');
      await p.page.screenshot({ path: artifactPath('staff-too-early.png'), animations: 'disabled' });
    } finally {
      await app.setClock(MONDAY_LUNCH);
    }
  });

  it('finds an expired session on opening, says 登录已过期, and keeps the typed code through signing in again', async () => {
    // A token the server no longer accepts (signed for another deployment).
    const p = await suite.open(MONDAY_LUNCH, { 'mcan.staffToken': 'expired.token.value' });
    await p.page.goto(app.url + '/#/staff/scan/index');
    await p.page.locator('.staff-signin__expired').waitFor();
    await expect(p.page.locator('.staff-signin__expired').innerText()).resolves.toContain('登录已过期');
    await p.page.screenshot({ path: artifactPath('staff-signin-expired.png'), animations: 'disabled' });

    // The session runs out while a code is being typed: the digits survive signing in again.
    await field(p.page, '.staff-signin__username').fill('staff-huafu');
    await field(p.page, '.staff-signin__password').fill('mcan-demo');
    await tap(p.page.locator('.staff-signin__submit'));
    await p.page.locator('.keypad').waitFor();
    // The phone keeps the device credential its sign-in answered, under the name as the server
    // reads it; it survives the session (issue 21: it is what a flood cannot lock out).
    const kept = JSON.parse((await stored(p.page, 'mcan.signInDevices')) ?? '[]') as [string, string][];
    expect(kept.map(([name]) => name)).toEqual(['staff-huafu']);
    await typeOnKeypad(p, '1234567');
    await p.page.evaluate(() => localStorage.setItem('mcan.staffToken', JSON.stringify({ data: 'expired.token.value' })));
    await typeOnKeypad(p, '8');
    await tap(p.page.locator('.staff-scan__redeem'));
    await p.page.locator('.staff-signin__expired').waitFor();
    // The same person signs in again: their name is already there.
    await expect.poll(() => field(p.page, '.staff-signin__username').inputValue()).toBe('staff-huafu');
    await field(p.page, '.staff-signin__username').fill('Staff-Huafu');
    await field(p.page, '.staff-signin__password').fill('mcan-demo');
    const again = p.page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/v1/staff/sessions'));
    await tap(p.page.locator('.staff-signin__submit'));
    // Signing in again (the name typed as a phone capitalises it) sends the credential back.
    expect((await again).postDataJSON()).toMatchObject({ username: 'Staff-Huafu', device: kept[0]![1] });
    await p.page.locator('.keypad').waitFor();
    await expect.poll(() => p.page.locator('.code-slot').allInnerTexts()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('sends a signed-in staff member from 商户入口 straight to scanning; an empty sign-in says what is missing', async () => {
    const p = await suite.open();
    await p.page.goto(app.url + '/#/staff/signin/index');
    await tap(p.page.locator('.staff-signin__submit'));
    await expect.poll(() => p.page.locator('.field__error').allInnerTexts()).toEqual(['请输入用户名', '请输入密码']);
    await p.page.screenshot({ path: artifactPath('staff-signin-empty.png'), animations: 'disabled' });

    await signIn(p, 'staff-shatou');
    await p.page.goto(app.url + '/');
    await tap(p.page.locator('.intro__ok'));
    await tap(p.page.locator('.home__staff'));
    await p.page.locator('.keypad').waitFor();
    expect(p.page.url()).toContain('/staff/scan/index');
  });

  it('works from a desk keyboard, with 核销 in view on a 1280 × 800 screen', async () => {
    const p = await suite.open();
    await p.page.setViewportSize({ width: 1280, height: 800 });
    await signIn(p, 'staff-lianhua');
    const code = await bookedCode('demo-lianhua-lunch');
    await p.page.keyboard.type(code.slice(0, 7) + '9');
    await p.page.keyboard.press('Backspace');
    await p.page.keyboard.type(code.slice(7));
    await expect.poll(() => p.page.locator('.code-slot').allInnerTexts()).toEqual(code.split(''));
    const box = (await p.page.locator('.staff-scan__redeem').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    const page = (await p.page.locator('.staff-scan').boundingBox())!;
    expect(page.width).toBeLessThanOrEqual(560);
    expect(Math.abs(page.x + page.width / 2 - 640)).toBeLessThanOrEqual(2);
    await p.page.screenshot({ path: artifactPath('staff-desk.png'), animations: 'disabled' });
    await p.page.keyboard.press('Enter');
    await p.page.locator('[data-result="ok"]').waitFor();
    // Enter again leaves the result for the next code; a digit starts typing it.
    await p.page.keyboard.press('Enter');
    await p.page.locator('.keypad').waitFor();
    await p.page.keyboard.type('4');
    await expect.poll(() => p.page.locator('.code-slot').first().innerText()).toBe('4');
  });

  it('keeps 核销 above the fold on a 320 × 568 phone', async () => {
    const p = await suite.open();
    await p.page.setViewportSize({ width: 320, height: 568 });
    await signIn(p, 'staff-lianhua');
    const box = (await p.page.locator('.staff-scan__redeem').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(568);
    await p.page.screenshot({ path: artifactPath('staff-scan-320.png'), animations: 'disabled' });
  });
});

describe('the walk-in poster', () => {
  it('prints a QR that opens the walk-in page with the code in it, and that page books', async () => {
    const p = await suite.open();
    await signIn(p, 'staff-xiangmihu');
    await tap(p.page.locator('.staff-nav__tab[data-tab="poster"]'));
    const sheet = p.page.locator('.poster');
    await sheet.locator('.qr').waitFor();
    await expect(sheet.locator('.poster__name').innerText()).resolves.toBe('香蜜湖简餐');
    await expect(sheet.innerText()).resolves.toContain('用手机相机或微信扫一扫');
    const url = (await readQr(sheet.locator('.qr')))!;
    expect(url.startsWith(`${app.url}/#/pages/walkin/index?poster=M1W.demo-xiangmihu.`)).toBe(true);
    await p.page.emulateMedia({ media: 'print' });
    await expect(p.page.locator('.staff-nav').isVisible()).resolves.toBe(false);
    await p.page.screenshot({ path: artifactPath('poster-print.png'), fullPage: true });
    await p.page.emulateMedia({ media: 'screen' });

    // A recipient's phone camera opens the URL.
    const r = await suite.open(MONDAY_LUNCH, { 'mcan.introSeen': '1' });
    await r.page.goto(url);
    await expect.poll(() => field(r.page, '.walkin__poster').inputValue()).toMatch(/^M1W\.demo-xiangmihu\./);
    // Before the tap, it says where, what and when, and the rules.
    await expect.poll(() => r.page.locator('.walkin__provider').innerText()).toBe('香蜜湖简餐');
    await expect(r.page.locator('.walkin__claim').innerText()).resolves.toBe('领取：午餐套餐，取餐时间 11:30–13:30');
    await expect(r.page.locator('.walkin__rules').innerText()).resolves.toContain('每人每天限领一份');
    await r.page.screenshot({ path: artifactPath('walkin-from-poster.png'), animations: 'disabled' });
    await tap(r.page.locator('.walkin__submit'));
    await r.page.locator('.voucher__code').waitFor();
  });
});

describe('staff in English', () => {
  it('shows the paused screen and the early-voucher reason in English', async () => {
    const p = await suite.open(MONDAY_LUNCH, { 'mcan.lang': 'en', 'mcan.introSeen': '1' });
    await signIn(p, 'staff-nanyuan');
    await typeOnKeypad(p, '99999999');
    await tap(p.page.locator('.staff-scan__redeem'));
    const paused = p.page.locator('[data-result="paused"]');
    await paused.waitFor();
    await expect(paused.innerText()).resolves.toContain('Scan the QR instead');
    await p.page.screenshot({ path: artifactPath('staff-paused-en.png'), animations: 'disabled' });
  });
});
