import AxeBuilder from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import { artifactPath } from '../support/browser.js';
import type { TestApp } from '../support/app.js';
import { browserSuite, field, readQr, tap } from '../support/h5.js';
import { recipient, staff } from '../support/people.js';

// Meals are served on Monday 30 November 2026 at lunch; the pages are read the next morning, once
// November has ended and been rolled up, so its board can be published. Badges at 2 and 4 meals
// instead of 100 and 500, so a handful of real redemptions earns one (the thresholds are configuration).
const MONDAY_LUNCH = '2026-11-30T11:40:00+08:00';
const NEXT_MORNING = '2026-12-01T09:00:00+08:00';
const suite = browserSuite(MONDAY_LUNCH, { config: { ...config, badges: { caring: { name: '爱心企业', meals: 2 }, gold: { name: '金牌爱心企业', meals: 4 } } } });
let app: TestApp;
let admin: string;

/** Book and redeem `n` meals at a demo restaurant through the API; returns the bookings and their recipients' tokens. */
async function serve(district: string, n: number): Promise<{ id: string; token: string }[]> {
  const staffToken = await staff(app, `staff-${district}`);
  const served: { id: string; token: string }[] = [];
  for (let i = 0; i < n; i++) {
    const token = await recipient(app);
    const b = await app.api.createBooking.reply({ token, body: { offeringId: `demo-${district}-lunch`, windowId: 'lunch' } });
    expect(b.status).toBe(201);
    const booking = b.body!.booking;
    expect((await app.api.redeem.reply({ token: staffToken, body: { code: booking.code! } })).status).toBe(200);
    served.push({ id: booking.id, token });
  }
  return served;
}

let futian: { id: string; token: string }[];
let meilin: { id: string; token: string }[];
beforeAll(async () => {
  app = suite.app;
  admin = await app.adminToken();
  futian = await serve('futian', 3);
  meilin = await serve('meilin', 1);
  await app.setClock(NEXT_MORNING);
  expect((await app.call('POST', '/__test__/jobs/roll-up-impact')).status).toBe(200);
  admin = await app.adminToken();
  const published = await app.api.publishLeaderboard.reply({ token: admin, body: { period: 'month', key: '2026-11' } });
  expect(published.status).toBe(201);
});

describe('impact on the public pages', () => {
  it('home shows the programme’s figures as /v1/stats counts them', async () => {
    const stats = await app.api.publicStats();
    expect(stats.totals).toMatchObject({ meals: 4, personTimes: 4, valueFen: 10_000, providers: 2, districts: 2 });
    const p = await suite.open(NEXT_MORNING, { 'mcan.introSeen': '1' });
    await p.page.goto(app.url + '/');
    const figure = (key: string) => p.page.locator(`.impact__figure[data-figure="${key}"] .impact__value`);
    await figure('meals').waitFor();
    await expect.poll(() => figure('meals').innerText()).toBe('4');
    await expect(figure('personTimes').innerText()).resolves.toBe('4');
    await expect(figure('value').innerText()).resolves.toBe('¥100');
    await expect(figure('providers').innerText()).resolves.toBe('2');
    await expect(figure('districts').innerText()).resolves.toBe('2');
    await p.page.locator('.impact').screenshot({ path: artifactPath('impact-home.png'), animations: 'disabled' });
  });

  it('爱心榜 shows the published board with its badges, and a certificate whose QR opens that very snapshot', async () => {
    const p = await suite.open(NEXT_MORNING, { 'mcan.introSeen': '1' });
    await p.page.goto(app.url + '/');
    await tap(p.page.locator('.impact__board'));
    const entry = (id: string) => p.page.locator(`.board__entry[data-provider="${id}"]`);
    await entry('demo-futian').waitFor();
    await expect(entry('demo-futian').locator('.badge--caring').innerText()).resolves.toBe('爱心企业');
    await expect(entry('demo-futian').locator('.board__rank').innerText()).resolves.toBe('1');
    // One meal is below the (test's) threshold of two: ranked, without a badge.
    await expect(entry('demo-meilin').locator('.badge').count()).resolves.toBe(0);
    await p.page.screenshot({ path: artifactPath('impact-board.png'), fullPage: true, animations: 'disabled' });
    // Not a dead end: a titled page in a main landmark, with the way back into the app; the chart
    // shows each restaurant's whole name.
    await expect(p.page.locator('[role="main"] .top-bar__title').first().innerText()).resolves.toBe('爱心榜');
    await expect(p.page.locator('.top-bar__back').first().isVisible()).resolves.toBe(true);
    await expect(p.page.locator('.bar-chart__label').allInnerTexts()).resolves.toContain('福田老街面馆');
    const cut = await p.page.locator('.bar-chart__label').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
    expect(cut).toBe(0);

    await tap(entry('demo-futian').locator('.board__certificate'));
    const cert = p.page.locator('.certificate');
    await cert.waitFor();
    await expect(cert.locator('.certificate__name').innerText()).resolves.toBe('福田老街面馆');
    const address = `${app.url}/#/impact/certificate/index?period=month&key=2026-11&version=1&provider=demo-futian`;
    await expect(cert.locator('.certificate__qr').getAttribute('data-url')).resolves.toBe(address);
    expect(await readQr(cert.locator('.certificate__qr .qr'))).toBe(address);
    await p.page.screenshot({ path: artifactPath('impact-certificate.png'), fullPage: true, animations: 'disabled' });
    // Its page too leads back: from a scanned certificate to the board and the app.
    await expect(p.page.locator('.certificate__name[role="heading"]').innerText()).resolves.toBe('福田老街面馆');
    const found = await new AxeBuilder({ page: p.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(found.violations.map((x) => x.id)).toEqual([]);
    await tap(p.page.locator('.top-bar__back').filter({ visible: true }));
    await entry('demo-futian').waitFor();

    // Anyone scanning it later sees version 1, even after a second version (with one more like).
    const [fed] = meilin;
    expect((await app.api.thankProvider.reply({ token: fed!.token, params: { id: fed!.id }, body: { like: true } })).status).toBe(201);
    expect((await app.api.publishLeaderboard({ token: admin, body: { period: 'month', key: '2026-11' } })).leaderboard.version).toBe(2);
    const scanner = await suite.open(NEXT_MORNING, { 'mcan.introSeen': '1' });
    await scanner.page.goto(address);
    await scanner.page.locator('.certificate').waitFor();
    await expect(scanner.page.locator('.certificate__body').innerText()).resolves.toContain('送出 3 份爱心餐');
    await expect(scanner.page.locator('.certificate__version').innerText()).resolves.toContain('第 1 版');
  });
});

describe('thanks and food-safety reports', () => {
  it('staff see their notes and likes on the 感谢 page, with nothing about who wrote them', async () => {
    const [first, second] = futian;
    expect((await app.api.thankProvider.reply({ token: first!.token, params: { id: first!.id }, body: { like: true, note: '谢谢老板，饭菜很香！' } })).status).toBe(201);
    expect((await app.api.thankProvider.reply({ token: second!.token, params: { id: second!.id }, body: { like: true } })).status).toBe(201);
    const p = await suite.open(NEXT_MORNING, { 'mcan.introSeen': '1' });
    await p.page.goto(app.url + '/#/staff/signin/index');
    await field(p.page, '.staff-signin__username').fill('staff-futian');
    await field(p.page, '.staff-signin__password').fill('mcan-demo');
    await tap(p.page.locator('.staff-signin__submit'));
    await p.page.locator('.keypad').waitFor();
    await tap(p.page.locator('.staff-nav__tab[data-tab="thanks"]'));
    await p.page.locator('.thanks__note').first().waitFor();
    await expect(p.page.locator('.thanks__count').innerText()).resolves.toBe('2');
    await expect(p.page.locator('.thanks__text').allInnerTexts()).resolves.toEqual(['谢谢老板，饭菜很香！']);
    const text = await p.page.locator('body').innerText();
    for (const b of futian) expect(text).not.toContain(b.id);
    await p.page.screenshot({ path: artifactPath('staff-thanks.png'), fullPage: true, animations: 'disabled' });
  });

  it('a recipient thanks the restaurant from a redeemed voucher, once; staff see the words and nobody who wrote them', async () => {
    const [, , third] = futian;
    const p = await suite.open(NEXT_MORNING, { 'mcan.introSeen': '1', 'mcan.token': third!.token });
    await p.page.goto(`${app.url}/#/pages/voucher/index?id=${third!.id}`);
    await p.page.locator('.voucher__thanks').waitFor();
    await field(p.page, '.voucher__thanks-note').fill('面条很劲道，谢谢！');
    await tap(p.page.locator('.voucher__thanks-send'));
    await expect.poll(() => p.page.locator('.voucher__thanked').innerText()).toMatch(/^你已于 \d\d-\d\d \d\d:\d\d 送出感谢，餐厅会看到。\s*你的留言：面条很劲道，谢谢！$/);
    await p.page.screenshot({ path: artifactPath('voucher-thanked.png'), fullPage: true, animations: 'disabled' });
    // Coming back to the voucher: what was sent is shown, not the form again (a second note would be dropped).
    await p.page.reload();
    await expect.poll(() => p.page.locator('.voucher__thanked').innerText()).toContain('你的留言：面条很劲道，谢谢！');
    expect(await p.page.locator('.voucher__thanks-send').count()).toBe(0);
    const staffView = await app.api.staffThanks.reply({ token: await staff(app, 'staff-futian') });
    expect(staffView.body?.likes).toBe(3);
    expect(staffView.text).toContain('面条很劲道，谢谢！');
    expect(staffView.text).not.toContain(third!.id);
  });

  it('a recipient reports a food-safety problem from a redeemed meal; it reaches the admins only', async () => {
    const [, , third] = futian;
    const p = await suite.open(NEXT_MORNING, { 'mcan.introSeen': '1', 'mcan.token': third!.token });
    await p.page.goto(`${app.url}/#/pages/voucher/index?id=${third!.id}`);
    await tap(p.page.locator('.voucher__report'));
    await p.page.locator('.report__form').waitFor();
    await expect.poll(() => p.page.locator('.report__provider').innerText()).toBe('福田老街面馆');
    // Nothing written: told at the field, nothing sent.
    await tap(p.page.locator('.report__submit'));
    await p.page.locator('.field__error').waitFor();
    await field(p.page, '.report__text').fill('吃完后肚子不舒服，米饭有酸味');
    await tap(p.page.locator('.report__submit'));
    await p.page.locator('.report__sent').waitFor();
    await p.page.screenshot({ path: artifactPath('safety-report.png'), fullPage: true, animations: 'disabled' });

    const reports = (await app.api.adminSafetyReports({ token: admin })).reports;
    expect(reports.filter((r) => r.text === '吃完后肚子不舒服，米饭有酸味')).toEqual([
      expect.objectContaining({ providerId: 'demo-futian', bookingId: third!.id }),
    ]);
    const staffView = await app.api.staffThanks.reply({ token: await staff(app, 'staff-futian') });
    expect(staffView.text).not.toContain('酸味');
  });
});
