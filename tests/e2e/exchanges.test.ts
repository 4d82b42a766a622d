import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { artifactPath } from '../support/browser.js';
import { browserSuite, field, tap, type PhonePage } from '../support/h5.js';
import { staff } from '../support/people.js';

// Issue 9, the staff side: points with what is held, ordering an ingredient with a confirmation,
// the order pending, an admin fulfilling it through the API, and the staff page showing it sent.
const MONDAY_LUNCH = '2026-11-30T11:40:00+08:00';
const PROVIDER = 'demo-lianhua';
const STAFF = 'staff-lianhua';

const suite = browserSuite(MONDAY_LUNCH);
let app: TestApp;
beforeAll(() => {
  app = suite.app;
});

async function signIn(p: PhonePage, username = STAFF): Promise<void> {
  await p.page.goto(app.url + '/#/staff/signin/index');
  await field(p.page, '.staff-signin__username').fill(username);
  await field(p.page, '.staff-signin__password').fill('mcan-demo');
  await tap(p.page.locator('.staff-signin__submit'));
  await p.page.locator('.keypad').waitFor();
}

describe('staff order ingredients with points', () => {
  it('points page → order two bags of rice with a confirmation → pending; an admin fulfils it → the page shows it sent', async () => {
    const admin = await app.adminToken();
    const credit = await app.api.createPointsAdjustment.reply({ token: admin, body: { providerId: PROVIDER, points: 200, reason: '测试积分' } });
    expect(credit.status).toBe(201);

    const p = await suite.open();
    await signIn(p);
    await tap(p.page.locator('.staff-nav__tab[data-tab="points"]'));
    await p.page.locator('.points__number').waitFor();
    expect(await p.page.locator('.points__number').innerText()).toBe('200');
    await expect(p.page.locator('.points__reason').first().innerText()).resolves.toBe('人工调整');
    await expect(p.page.locator('.points__note').first().innerText()).resolves.toBe('测试积分');

    await tap(p.page.locator('.points__order'));
    const rice = p.page.locator('.catalog__item[data-item="rice-5kg"]');
    await rice.waitFor();
    await expect(p.page.locator('.catalog__balance').innerText()).resolves.toBe('可用积分 200');
    // Flour is seeded with no stock: it cannot be ordered.
    await expect(p.page.locator('.catalog__item[data-item="flour-10kg"] .catalog__order').innerText()).resolves.toBe('已兑完');
    await tap(rice.locator('.catalog__more'));
    await expect(rice.locator('.catalog__quantity').innerText()).resolves.toBe('2');
    await expect(rice.locator('.catalog__cost').innerText()).resolves.toBe('共 120 分');
    await tap(rice.locator('.catalog__order'));
    const dialog = p.page.locator('.dialog');
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain('用 120 分兑换 2 袋「东北大米 5 kg」？');
    await p.page.screenshot({ path: artifactPath('staff-exchange-confirm.png'), animations: 'disabled' });
    await tap(p.page.locator('.dialog__confirm'));

    const placed = p.page.locator('.exchange--placed');
    await placed.waitFor();
    await expect(placed.getAttribute('data-status')).resolves.toBe('PENDING');
    await expect(placed.locator('.exchange__status').innerText()).resolves.toBe('待发货');
    await expect(placed.locator('.exchange__line').innerText()).resolves.toBe('2 袋 · 120 分');
    await expect(p.page.locator('.notice--ok').innerText()).resolves.toBe('已提交兑换，等待管理员发货');
    const id = await placed.getAttribute('data-exchange');

    // The admin desk's work list has it; fulfilled through the API.
    const pending = await app.api.adminExchanges({ token: admin, query: { status: 'PENDING' } });
    expect(pending.exchanges.map((x) => x.id)).toContain(id);
    expect((await app.api.fulfilExchange.reply({ token: admin, params: { id: id! } })).status).toBe(200);

    // Up to the points page and into My orders again: it is shown as sent.
    await tap(p.page.locator('.staff-exchanges .staff-nav__tab[data-tab="points"]'));
    await p.page.locator('.points__number').waitFor();
    await expect.poll(() => p.page.locator('.points__number').innerText()).toBe('80');
    await expect(p.page.locator('.points__entry[data-reason="exchange"] .points__delta').innerText()).resolves.toBe('-120');
    await tap(p.page.locator('.points__exchanges'));
    const sent = p.page.locator(`.exchange[data-exchange="${id}"]`);
    await expect.poll(() => sent.getAttribute('data-status')).toBe('FULFILLED');
    await expect(sent.locator('.exchange__status').innerText()).resolves.toBe('已发货');
    await p.page.screenshot({ path: artifactPath('staff-exchange-fulfilled.png'), animations: 'disabled' });

    // The same in English: statuses and ledger reasons are the app's words, not the server's codes.
    await tap(p.page.locator('.staff-exchanges .top-bar__lang'));
    await expect.poll(() => sent.locator('.exchange__status').innerText()).toBe('Sent');
    await tap(p.page.locator('.staff-exchanges .staff-nav__tab[data-tab="points"]'));
    await expect.poll(() => p.page.locator('.points__entry[data-reason="exchange"] .points__reason').innerText()).toBe('Ingredient exchange');
  });

  it('a rejected order says why and gives the points back; too few points cannot be ordered', async () => {
    const admin = await app.adminToken();
    const p = await suite.open();
    await signIn(p);
    await p.page.goto(app.url + '/#/staff/catalog/index');
    const oil = p.page.locator('.catalog__item[data-item="oil-5l"]');
    await oil.waitFor();
    // 80 points left from the test above; oil costs 90.
    await expect(oil.locator('.catalog__order').innerText()).resolves.toBe('积分不足');
    const veg = p.page.locator('.catalog__item[data-item="veg-box"]');
    await tap(veg.locator('.catalog__order'));
    await tap(p.page.locator('.dialog__confirm'));
    const placed = p.page.locator('.exchange--placed');
    await placed.waitFor();
    const id = await placed.getAttribute('data-exchange');
    expect((await app.api.rejectExchange.reply({ token: admin, params: { id: id! }, body: { reason: '本周蔬菜缺货' } })).status).toBe(200);
    await tap(p.page.locator('.staff-exchanges .staff-nav__tab[data-tab="points"]'));
    await expect.poll(() => p.page.locator('.points__number').innerText()).toBe('80');
    await expect(p.page.locator('.points__entry[data-reason="exchange_refund"] .points__reason').innerText()).resolves.toBe('兑换退回');
    await tap(p.page.locator('.points__exchanges'));
    const rejected = p.page.locator(`.exchange[data-exchange="${id}"]`);
    await expect.poll(() => rejected.getAttribute('data-status')).toBe('REJECTED');
    await expect(rejected.locator('.exchange__reason').innerText()).resolves.toBe('退回原因：本周蔬菜缺货（积分已返还）');
  });
});

describe('the staff ledger past its first page', () => {
  it('更多 appends the older entries under the first 50 until there are none left', async () => {
    const admin = await app.adminToken();
    // The API's page is 50 entries: 53 adjustments leave at least 3 for the second page.
    for (let i = 1; i <= 53; i++) {
      expect((await app.api.createPointsAdjustment.reply({ token: admin, body: { providerId: 'demo-meilin', points: 1, reason: `第${i}次` } })).status).toBe(201);
    }
    const total = (await app.api.staffPoints({ token: await staff(app, 'staff-meilin'), query: { limit: 200 } })).entries.length;
    expect(total).toBeGreaterThanOrEqual(53);

    const p = await suite.open();
    await signIn(p, 'staff-meilin');
    await tap(p.page.locator('.staff-nav__tab[data-tab="points"]'));
    const entries = p.page.locator('.points__entry');
    await expect.poll(() => entries.count()).toBe(50);
    await tap(p.page.locator('.staff-more__button'));
    await expect.poll(() => entries.count()).toBe(total);
    // Every adjustment once (none repeated from the first page), and with nothing left the button is gone.
    const notes = (await p.page.locator('.points__note').allInnerTexts()).filter((n) => /^第\d+次$/.test(n));
    expect(notes.sort()).toEqual(Array.from({ length: 53 }, (_, i) => `第${i + 1}次`).sort());
    expect(await p.page.locator('.staff-more__button').count()).toBe(0);
  });
});
