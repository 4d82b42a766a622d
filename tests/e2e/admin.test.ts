// The administrator's desk at 1280 × 800, against the real local server: from vetting a new
// restaurant to the first meal it hands out, and a verification approved from the queue.
// Screenshots of every admin page in both languages go to artifacts/e2e/admin-*.png.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { artifactPath } from '../support/browser.js';
import { browserSuite, desk, type PhonePage } from '../support/h5.js';
import { recipient, staff } from '../support/people.js';

// Monday 30 November 2026, 11:20 in Shanghai: ten minutes before the new contract's lunch window.
const MONDAY = '2026-11-30T11:20:00+08:00';
const suite = browserSuite(MONDAY);
let app: TestApp;
let admin: PhonePage;
let page: Page;
let providerId = '';
beforeAll(async () => {
  app = suite.app;
  admin = await suite.open(MONDAY, {}, desk);
  page = admin.page;
});

/** Taro keeps the pages below the current one in the DOM, hidden: only what is on screen counts. */
const v = (selector: string) => page.locator(selector).filter({ visible: true });
const field = (name: string) => v(`[data-field="${name}"]`);
const errorAt = (name: string) => field(name).locator('.admin-field__error');
const shoot = (name: string) => page.screenshot({ path: artifactPath(`admin-${name}.png`), fullPage: true, animations: 'disabled' });

/** Waits until the page's loading states are gone. */
async function settled(): Promise<void> {
  await expect.poll(() => v('.status--loading').count()).toBe(0);
}

describe('an administrator vets a restaurant and sets it up', () => {
  it('signs in with the keyboard and lands on Needs attention', async () => {
    await page.goto(app.url + '/#/admin/signin/index');
    await v('#admin-username').fill('admin');
    await v('#admin-password').fill('wrong-password');
    await page.keyboard.press('Enter');
    await expect.poll(() => v('.admin-notice--error').innerText()).toBe('用户名或密码不正确。');
    await v('#admin-password').fill('test-admin-password');
    await page.keyboard.press('Enter');
    await v('.admin-cards').waitFor();
    await settled();
    expect(await v('.admin__title').innerText()).toBe('待办');
    // The desk is drawn at desktop size, not the phone pages' doubled scale.
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
  });

  it('creates a provider with its licence and permit; the form marks what is missing at the field', async () => {
    await v('.admin__link[data-area="providers"]').click();
    await v('.admin-providers__table').waitFor();
    await v('.admin-providers__new').click();
    await v('.admin-profile').waitFor();
    await v('.admin-profile__save').click();
    await expect.poll(() => errorAt('name').innerText()).toBe('必填');
    expect(await errorAt('businessLicence.expiresOn').innerText()).toBe('请填写日期');

    await v('#f-name').fill('福田爱心面馆');
    await v('#f-kind').selectOption('restaurant');
    await v('#f-district').selectOption('futian');
    await v('#f-address').fill('福田路 8 号');
    await v('#f-businessLicence-number').fill('91440300MA5FUTIAN');
    await v('#f-businessLicence-expiresOn').fill('2027-06-30');
    await v('#f-hygienePermit-number').fill('JY14403040000001');
    await v('#f-hygienePermit-expiresOn').fill('2026-12-20');
    await v('.admin-profile__save').click();
    await v('.admin-status').waitFor();
    expect(await v('.admin-badge').first().innerText()).toBe('待审批');
    providerId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(providerId).toMatch(/^p_/);
    const stored = await app.call('GET', `/v1/admin/providers/${providerId}`, { token: await app.adminToken() });
    expect(stored.body.provider).toMatchObject({ name: '福田爱心面馆', status: 'PENDING', hygienePermit: { number: 'JY14403040000001', expiresOn: '2026-12-20' } });
  });

  it('writes its contract: the schema’s errors and the server’s land at their fields; yuan shown, fen stored', async () => {
    await v('.admin-offerings__new').click();
    await v('.admin-offering').waitFor();
    await v('#f-id').fill('demo-futian-lunch');
    await v('#f-name').fill('爱心午餐');
    await v('#f-dailyQuota').fill('30');
    await v('#f-valueFen').fill('25.9');
    await expect.poll(() => field('valueFen').locator('.admin-field__hint').innerText()).toBe('按分保存：2590 分');
    await v('#f-standard').fill('两荤一素一汤');
    await v('#f-windows-0-end').fill('11:00');
    await v('.admin-offering__save').click();
    await expect.poll(() => errorAt('windows.0.end').innerText()).toBe('结束时间须晚于开始时间');

    await v('#f-windows-0-end').fill('13:30');
    await v('.admin-offering__save').click();
    // A seeded restaurant already owns that id: only the server knows, and says so at the field.
    await expect.poll(() => errorAt('id').innerText()).toBe('这个编号已被其他服务点使用');

    await v('#f-id').fill('story-lunch');
    await v('.admin-offering__save').click();
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('合约已保存。');
    const detail = await app.call('GET', `/v1/admin/providers/${providerId}`, { token: await app.adminToken() });
    expect(detail.body.offerings).toEqual([
      expect.objectContaining({ id: 'story-lunch', dailyQuota: 30, valueFen: 2590, weekdays: [1, 2, 3, 4, 5], windows: [{ id: 'lunch', start: '11:30', end: '13:30' }] }),
    ]);
    await shoot('offering-zh');
  });

  it('creates its staff account', async () => {
    await page.goto(`${app.url}/#/admin/provider/index?id=${providerId}`);
    await v('.admin-staff__form').waitFor();
    // The provider page reloads what it shows when it comes back into view.
    await expect.poll(() => v('.admin-offerings tr[data-row="story-lunch"]').count()).toBe(1);
    await v('.admin-staff__form #f-username').fill('story-cook');
    await v('.admin-staff__form #f-name').fill('李师傅');
    await v('.admin-staff__form #f-password').fill('short');
    await v('.admin-staff__add').click();
    await expect.poll(() => v('.admin-staff [data-field="password"] .admin-field__error').innerText()).toBe('密码至少 8 位');
    await v('.admin-staff__form #f-password').fill('story-cook-pass');
    await v('.admin-staff__add').click();
    await v('.admin-staff tr[data-row]').first().waitFor();
    expect(await v('.admin-staff td[data-col="username"]').allInnerTexts()).toEqual(['story-cook']);
  });

  it('approves it after a confirmation; it then takes bookings', async () => {
    await v('.admin-status__approve').click();
    await v('.dialog').waitFor();
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-status .admin-badge').innerText()).toBe('运营中');
    expect((await app.call('GET', `/v1/providers/${providerId}`)).body.provider.offerings[0]).toMatchObject({ id: 'story-lunch', capacity: 30, remaining: 30 });
    await v('.admin-poster__code').waitFor();
    expect(await v('.admin-poster__code').innerText()).toMatch(new RegExp(`^M1W\\.${providerId}\\.`));
    await shoot('provider-zh');
  });

  it('a recipient books there and its new staff redeem the meal', async () => {
    const token = await recipient(app);
    const booked = await app.call('POST', '/v1/bookings', { token, body: { offeringId: 'story-lunch', windowId: 'lunch' } });
    expect(booked.status).toBe(201);
    const cook = await staff(app, 'story-cook', 'story-cook-pass');
    const redeemed = await app.call('POST', '/v1/staff/redemptions', { token: cook, body: { code: booked.body.booking.code } });
    expect(redeemed.status).toBe(200);
  });

  it('approves a verification from the queue, where the applicant’s details are shown', async () => {
    const token = await recipient(app);
    const applied = await app.call('POST', '/v1/verifications', { token, body: { name: '张三', phone: '13800138000', category: 'graduate', note: '应届毕业生，求职中' } });
    expect(applied.status).toBe(202);

    await v('.admin__link[data-area="attention"]').click();
    await settled();
    await expect.poll(() => v('[data-card="verifications"] .admin-card__count').innerText()).toBe('1');
    await expect.poll(() => v('[data-card="documents"] .admin-card__body').innerText()).toContain('福田爱心面馆');
    await shoot('attention-zh');
    await v('[data-card="verifications"] .admin-card__go').click();
    const row = v(`.admin-verifications__table tr[data-row="${applied.body.verification.id}"]`);
    await row.waitFor();
    expect(await row.locator('td[data-col="phone"]').innerText()).toBe('13800138000');
    expect(await row.locator('td[data-col="purge"]').innerText()).toBe('处理后 180 天清除');
    await shoot('verifications-zh');
    await row.locator('.admin-verifications__approve').click();
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('已通过。');
    await expect.poll(() => row.count()).toBe(0);
    expect((await app.call('GET', '/v1/me', { token })).body.user.verified).toBe(true);

    await v('.admin-tab[data-status="APPROVED"]').click();
    await expect.poll(() => v(`tr[data-row="${applied.body.verification.id}"] td[data-col="purge"]`).innerText()).toBe('2027-05-29 清除');
  });

  it('finds the provider by search and status, and opens it from the table with the keyboard', async () => {
    await v('.admin__link[data-area="providers"]').click();
    await v('.admin-filters__q').fill('爱心面馆');
    await v('.admin-filters__q').press('Enter');
    await v('.admin-filters__status').selectOption('ACTIVE');
    const row = v(`.admin-providers__table tr[data-row="${providerId}"]`);
    await row.waitFor();
    expect(await v('.admin-providers__table tbody tr').count()).toBe(1);
    await shoot('providers-zh');
    await row.focus();
    await page.keyboard.press('Enter');
    await v('.admin-status').waitFor();
    expect(await v('.admin__title').innerText()).toBe('福田爱心面馆');
  });
});

describe('every admin page, in both languages', () => {
  const pages = () => ({
    attention: '/admin/attention/index',
    providers: '/admin/providers/index',
    provider: `/admin/provider/index?id=${providerId}`,
    'provider-new': '/admin/provider/index',
    offering: `/admin/offering/index?provider=${providerId}&offering=story-lunch`,
    verifications: '/admin/verifications/index',
  });

  it('switches to English and shows every page in it', async () => {
    await v('.admin__lang').click();
    await expect.poll(() => v('.admin__link[data-area="providers"]').innerText()).toBe('Providers');
    for (const [name, path] of Object.entries(pages())) {
      await page.goto(`${app.url}/#${path}`);
      await v('.admin__title').waitFor();
      await settled();
      await shoot(`${name}-en`);
      expect(await v('.admin__link').allInnerTexts()).toEqual(['Needs attention', 'Providers', 'Verification review']);
    }
    await v('.admin__signout').click();
    await v('.admin-signin').waitFor();
    await shoot('signin-en');
    await v('.admin__lang').click();
    await shoot('signin-zh');
  });

  it('draws the pages not yet shot in Chinese too', async () => {
    await v('#admin-username').fill('admin');
    await v('#admin-password').fill('test-admin-password');
    await page.keyboard.press('Enter');
    await v('.admin-cards').waitFor();
    await page.goto(`${app.url}/#/admin/provider/index`);
    await v('.admin-profile').waitFor();
    await shoot('provider-new-zh');
  });

  it('stays usable on a tablet in portrait: navigation on top, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    try {
      await page.goto(`${app.url}/#/admin/provider/index?id=${providerId}`);
      await v('.admin-staff__form').waitFor();
      const box = await v('.admin__nav').boundingBox();
      expect(box?.width).toBe(768);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
      await shoot('provider-tablet-zh');
    } finally {
      await page.setViewportSize(desk.viewport);
    }
  });

  it('disables a staff account after a confirmation; it can no longer sign in', async () => {
    await page.goto(`${app.url}/#/admin/provider/index?id=${providerId}`);
    await v('.admin-staff__disable').click();
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-staff td[data-col="status"]').innerText()).toBe('已停用');
    expect(await v('.admin-staff__disable').count()).toBe(0);
    const signIn = await app.call('POST', '/v1/staff/sessions', { body: { username: 'story-cook', password: 'story-cook-pass' } });
    expect(signIn.status).toBe(403);
  });
});
