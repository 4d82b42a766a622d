import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser.js';
import type { TestApp } from '../support/app.js';
import { launchBrowserWithCamera, qrVideo } from '../support/camera.js';
import { browserSuite, field, readQr, stored, smallTapTargets, tap, type PhonePage } from '../support/h5.js';
import { recipient, staff } from '../support/people.js';

// Monday 30 November 2026, lunchtime in Shanghai.
const MONDAY_LUNCH = '2026-11-30T11:40:00+08:00';

const suite = browserSuite(MONDAY_LUNCH);
const open = suite.open;
let app: TestApp;
beforeAll(() => {
  app = suite.app;
});

/** Home, past the first-open explanation. */
async function home(p: PhonePage): Promise<void> {
  await p.page.goto(app.url + '/');
  await tap(p.page.locator('.intro__ok'));
  await p.page.locator('.provider-card').first().waitFor();
}

const lunchRow = (p: PhonePage) => p.page.locator('[data-offering="demo-futian-lunch"]');
const remaining = async (offeringId = 'demo-futian-lunch') => {
  const r = await app.api.getProvider({ params: { id: 'demo-futian' } });
  return r.provider.offerings.find((o) => o.id === offeringId)!.remaining;
};

async function staffSignIn(p: PhonePage, username = 'staff-futian', password = 'mcan-demo'): Promise<void> {
  await p.page.goto(app.url + '/#/staff/signin/index');
  await field(p.page, '.staff-signin__username').fill(username);
  await field(p.page, '.staff-signin__password').fill(password);
  await tap(p.page.locator('.staff-signin__submit'));
  await p.page.locator('.keypad').waitFor();
}

async function typeCode(p: PhonePage, code: string): Promise<void> {
  for (const digit of code) await tap(p.page.locator(`.keypad__key[data-key="${digit}"]`));
  await tap(p.page.locator('.staff-scan__redeem'));
}

describe('a recipient books a meal and staff hand it over', () => {
  let staffPage: PhonePage;
  let redeemedCode = '';

  it('books from the provider page, shows a QR that decodes to the voucher, and turns to 已领取 once staff redeem the code', async () => {
    const r = await open();
    await home(r);
    await r.page.screenshot({ path: artifactPath('home-list.png'), animations: 'disabled' });
    await tap(r.page.locator('.provider-card[data-provider="demo-futian"]'));
    await lunchRow(r).locator('.meals-left').waitFor();
    const before = await remaining();
    await expect.poll(() => lunchRow(r).locator('.meals-left').innerText()).toBe(`剩余 ${before} 份`);
    await expect(r.page.locator('.offering-card__standard').first().innerText()).resolves.toContain('餐标');
    await r.page.screenshot({ path: artifactPath('provider.png'), fullPage: true, animations: 'disabled' });
    expect(await smallTapTargets(r.page)).toEqual([]);

    await tap(lunchRow(r).locator('.book-window[data-window="lunch"]'));
    await r.page.locator('.voucher__code').waitFor();
    const bookingId = new URL(r.page.url().replace('#', '')).searchParams.get('id')!;
    const token = (await stored(r.page, 'mcan.token'))!;
    const booking = (await app.api.getBooking({ token, params: { id: bookingId } })).booking;
    expect(booking.status).toBe('BOOKED');
    expect(await remaining()).toBe(before - 1);

    // The QR on screen is the voucher itself; the large digits are the backup code.
    expect(await readQr(r.page.locator('.voucher__qr .qr'))).toBe(booking.voucher);
    expect((await r.page.locator('.voucher__code').innerText()).replace(/\s/g, '')).toBe(booking.code);
    await expect(r.page.locator('.voucher-status').innerText()).resolves.toBe('待取餐');
    await expect(r.page.locator('.voucher__countdown').innerText()).resolves.toMatch(/还剩 1 小时 50 分/);
    await r.page.screenshot({ path: artifactPath('voucher.png'), fullPage: true, animations: 'disabled' });
    expect(await smallTapTargets(r.page)).toEqual([]);

    // Staff, on a phone of their own, type the 8 digits on the keypad.
    staffPage = await open();
    await staffSignIn(staffPage);
    await staffPage.page.screenshot({ path: artifactPath('staff-scan.png'), animations: 'disabled' });
    expect(await smallTapTargets(staffPage.page)).toEqual([]);
    redeemedCode = booking.code!;
    await typeCode(staffPage, booking.code!);
    const result = staffPage.page.locator('.scan-result');
    await result.waitFor();
    await expect(result.getAttribute('data-result')).resolves.toBe('ok');
    await expect(result.innerText()).resolves.toContain('1 × 午餐套餐');
    await staffPage.page.screenshot({ path: artifactPath('staff-result-ok.png'), animations: 'disabled' });

    // The recipient's voucher follows by itself.
    await r.page.locator('.voucher-status--REDEEMED').waitFor({ timeout: 15_000 });
    await expect(r.page.locator('.voucher-status').innerText()).resolves.toBe('已领取');
    await expect(r.page.locator('.voucher__qr').count()).resolves.toBe(0);
    await r.page.screenshot({ path: artifactPath('voucher-redeemed.png'), fullPage: true, animations: 'disabled' });
  });

  it('tells staff a wrong code is invalid, the same code twice is already used, and a cancelled booking was cancelled', async () => {
    await tap(staffPage.page.locator('.scan-result__next'));
    await typeCode(staffPage, '00000000');
    const result = staffPage.page.locator('.scan-result');
    await expect(result.getAttribute('data-result')).resolves.toBe('fail');
    await expect(result.innerText()).resolves.toContain('券码无效，请核对数字或重新扫码。');
    await staffPage.page.screenshot({ path: artifactPath('staff-result-fail.png'), animations: 'disabled' });

    await tap(staffPage.page.locator('.scan-result__next'));
    await typeCode(staffPage, redeemedCode);
    await expect.poll(() => result.innerText()).toContain('这张券已经领过餐了');
    // Genuine but used: amber, not the red 无效 of a wrong code.
    await expect(result.getAttribute('data-result')).resolves.toBe('cannot');

    // A cancelled booking's code: staff are told it was cancelled, not that the code is wrong.
    const token = await recipient(app);
    const cancelled = (await app.api.createBooking({ token, body: { offeringId: 'demo-futian-lunch', windowId: 'lunch' } })).booking;
    expect((await app.api.cancelBooking.reply({ token, params: { id: cancelled.id } })).status).toBe(200);
    await tap(staffPage.page.locator('.scan-result__next'));
    await typeCode(staffPage, cancelled.code!);
    await expect.poll(() => result.innerText()).toContain('这份预约已取消，券已失效。');
    await expect(result.getAttribute('data-result')).resolves.toBe('cannot');
  });

  it('shows staff today’s counts, records a no-phone handout, and shows the poster and points', async () => {
    const p = staffPage.page;
    await p.goto(app.url + '/#/staff/today/index');
    const slot = p.locator('.slot[data-offering="demo-futian-lunch"]');
    await slot.locator('[data-count="redeemed"] .slot__number').waitFor();
    await expect(slot.locator('[data-count="redeemed"] .slot__number').innerText()).resolves.toBe('1');
    const left = await remaining();
    await expect(slot.locator('[data-count="remaining"] .slot__number').innerText()).resolves.toBe(String(left));
    await tap(slot.locator('.slot__handout'));
    await tap(p.locator('.dialog__confirm'));
    await expect.poll(() => slot.locator('[data-count="walkIns"] .slot__number').innerText()).toBe('1');
    expect(await remaining()).toBe(left - 1);
    await p.screenshot({ path: artifactPath('staff-today.png'), fullPage: true, animations: 'disabled' });

    await tap(p.locator('.staff-nav__tab[data-tab="poster"]'));
    await p.locator('.poster__qr').waitFor();
    const poster = (await app.api.staffPoster({ token: await staff(app, 'staff-futian') })).poster;
    // The printed QR opens the walk-in page with the code filled in (issue 12, item 2).
    await expect.poll(() => readQr(p.locator('.poster__qr'))).toBe(`${app.url}/#/pages/walkin/index?poster=${encodeURIComponent(poster)}`);
    await p.screenshot({ path: artifactPath('staff-poster.png'), fullPage: true, animations: 'disabled' });

    await tap(p.locator('.staff-nav__tab[data-tab="points"]'));
    await p.locator('.points__number').waitFor();
    // A meal's credit is held before it can be spent: nothing spendable yet, the credit pending.
    expect(Number(await p.locator('.points__number').innerText())).toBe(0);
    await expect(p.locator('.points__pending').innerText()).resolves.toMatch(/待结算 [1-9]\d* 分/);
    await expect(p.locator('.points__entry').count()).resolves.toBe(1);
    await expect(p.locator('.points__reason').innerText()).resolves.toBe('发放餐品');
    await p.screenshot({ path: artifactPath('staff-points.png'), fullPage: true, animations: 'disabled' });
  });
});

describe('cancelling', () => {
  it('gives the meal back: meals left goes down on booking and up again on cancel', async () => {
    const r = await open();
    await r.page.goto(app.url + '/#/pages/provider/index?id=demo-futian');
    await lunchRow(r).locator('.meals-left').waitFor();
    const before = await remaining();
    await expect.poll(() => lunchRow(r).locator('.meals-left').innerText()).toBe(`剩余 ${before} 份`);
    await tap(lunchRow(r).locator('.book-window[data-window="dinner"]'));
    await r.page.locator('.voucher__cancel').waitFor();
    expect(await remaining()).toBe(before - 1);

    await tap(r.page.locator('.voucher__cancel'));
    // The question takes the keyboard's focus (on its safe answer), as a modal dialog must.
    await expect.poll(() => r.page.evaluate(() => document.activeElement?.closest('.dialog') !== null)).toBe(true);
    await r.page.screenshot({ path: artifactPath('voucher-cancel-confirm.png'), animations: 'disabled' });
    await tap(r.page.locator('.dialog__confirm'));
    await expect.poll(() => r.page.locator('.voucher-status').innerText()).toBe('已取消');
    expect(await remaining()).toBe(before);

    await r.page.goto(app.url + '/#/pages/bookings/index');
    await r.page.locator('.booking-row[data-status="CANCELLED"]').waitFor();
    await r.page.screenshot({ path: artifactPath('bookings.png'), fullPage: true, animations: 'disabled' });
    expect(await smallTapTargets(r.page)).toEqual([]);
    await r.page.goto(app.url + '/#/pages/provider/index?id=demo-futian');
    await expect.poll(() => lunchRow(r).locator('.meals-left').innerText()).toBe(`剩余 ${before} 份`);
  });

  it('cancels a live booking from My bookings', async () => {
    const r = await open();
    await r.page.goto(app.url + '/#/pages/provider/index?id=demo-futian');
    await tap(lunchRow(r).locator('.book-window[data-window="lunch"]'));
    await r.page.locator('.voucher__code').waitFor();
    const before = await remaining();
    await r.page.goto(app.url + '/#/pages/bookings/index');
    await tap(r.page.locator('.booking-row[data-status="BOOKED"] .booking-row__cancel'));
    // 11:40, inside the lunch window: the person is told before confirming that this counts as a missed pickup.
    await expect.poll(() => r.page.locator('.dialog__body').innerText()).toContain('会算作一次未取餐');
    await tap(r.page.locator('.dialog__confirm'));
    await r.page.locator('.booking-row[data-status="CANCELLED"]').waitFor();
    await expect(r.page.locator('.booking-row[data-status="BOOKED"]').count()).resolves.toBe(0);
    expect(await remaining()).toBe(before + 1);
  });
});

describe('a retried tap', () => {
  it('never books twice: the retry after a lost answer sends the same Idempotency-Key and gets the same booking', async () => {
    const r = await open();
    const keys: string[] = [];
    let lose = true;
    await r.page.route('**/v1/bookings', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (!lose) return route.continue();
      lose = false;
      // The server books, but the answer never reaches the phone.
      const answer = await route.fetch();
      expect(answer.status()).toBe(201);
      await route.abort('connectionreset');
    });
    await r.page.goto(app.url + '/#/pages/provider/index?id=demo-futian');
    await tap(lunchRow(r).locator('.book-window[data-window="lunch"]'));
    await expect.poll(() => r.page.locator('.booking-error').getAttribute('data-code')).toBe('NETWORK_ERROR');
    await expect(r.page.locator('.booking-error').innerText()).resolves.toContain('网络连接失败');

    await tap(lunchRow(r).locator('.book-window[data-window="lunch"]'));
    await r.page.locator('.voucher__code').waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const token = (await stored(r.page, 'mcan.token'))!;
    const mine = (await app.api.listBookings({ token })).bookings;
    expect(mine).toHaveLength(1);
  });
});

describe('offline', () => {
  it('still shows a saved voucher with its code when the network is gone', async () => {
    const r = await open();
    await r.page.goto(app.url + '/#/pages/provider/index?id=demo-futian');
    await tap(lunchRow(r).locator('.book-window[data-window="lunch"]'));
    await r.page.locator('.voucher__code').waitFor();
    const code = await r.page.locator('.voucher__code').innerText();
    const voucherUrl = r.page.url();
    await r.page.goto(app.url + '/#/pages/home/index');
    await tap(r.page.locator('.intro__ok'));
    await r.page.locator('.provider-card').first().waitFor();
    await r.context.setOffline(true);
    // Home leads back to today's live voucher without asking the network.
    await tap(r.page.locator('.home__live'));
    await expect.poll(() => r.page.url()).toBe(voucherUrl);
    await r.page.locator('.voucher__offline').waitFor();
    await expect(r.page.locator('.voucher__code').innerText()).resolves.toBe(code);
    expect(await readQr(r.page.locator('.voucher__qr .qr'))).toMatch(/^M1\./);
    await r.page.screenshot({ path: artifactPath('voucher-offline.png'), animations: 'disabled' });
    await r.context.setOffline(false);
  });
});

describe('staff camera scanning on H5', () => {
  it('reads the voucher QR from the camera and redeems it', async () => {
    await app.setClock(MONDAY_LUNCH);
    const token = await recipient(app);
    const booking = (await app.api.createBooking({ token, body: { offeringId: 'demo-futian-lunch', windowId: 'dinner' } })).booking;
    // Dinner opens at 17:30; redemption opens 15 minutes before.
    await app.setClock('2026-11-30T17:20:00+08:00');
    const browser = await launchBrowserWithCamera(qrVideo(booking.voucher!));
    try {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const s: PhonePage = { context, page, errors };
      await staffSignIn(s);
      await tap(page.locator('.staff-scan__camera'));
      await page.locator('.camera__video').waitFor();
      const result = page.locator('.scan-result');
      await result.waitFor({ timeout: 15_000 });
      await expect(result.getAttribute('data-result')).resolves.toBe('ok');
      await expect(result.innerText()).resolves.toContain('17:30–19:30');
      expect((await app.api.getBooking({ token, params: { id: booking.id } })).booking.status).toBe('REDEEMED');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await app.setClock(MONDAY_LUNCH);
    }
  });
});
