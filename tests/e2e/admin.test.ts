// The administrator's desk at 1280 × 800, against the real local server: from vetting a new
// restaurant to the first meal it hands out, a verification approved from the queue, the meal on
// the impact page, points corrected, a leaderboard previewed and published (and seen on the public
// 爱心榜), and every step in the audit log.
// Screenshots of every admin page in both languages go to artifacts/e2e/admin-*.png.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { artifactPath } from '../support/browser.js';
import { browserSuite, desk, readQr, stored, type PhonePage } from '../support/h5.js';
import { providerWithOffering, recipient, staff } from '../support/people.js';

// Monday 30 November 2026, 11:20 in Shanghai: ten minutes before the new contract's lunch window.
const MONDAY = '2026-11-30T11:20:00+08:00';
const suite = browserSuite(MONDAY);
let app: TestApp;
let admin: PhonePage;
let page: Page;
let providerId = '';
/** The meal the story's recipient ate, and who they are (they report on it below). */
let meal = { token: '', bookingId: '' };
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

/** Signs in from the sign-in page with the keyboard and waits for Needs attention. */
async function signInAtDesk(): Promise<void> {
  await v('#admin-username').fill('admin');
  await v('#admin-password').fill('test-admin-password');
  await page.keyboard.press('Enter');
  await v('.admin-cards').waitFor();
}

/** The labels and aria references of the page on screen whose id leads elsewhere (or twice). */
function strayReferences(): Promise<string[]> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find((p) => getComputedStyle(p).display !== 'none');
    if (!shown) return ['no page on screen'];
    const stray: string[] = [];
    const check = (from: Element, id: string) => {
      const all = document.querySelectorAll(`[id="${CSS.escape(id)}"]`);
      if (all.length !== 1 || !shown.contains(all[0]!)) stray.push(`${from.tagName.toLowerCase()} → #${id} (${all.length} in the document)`);
    };
    for (const label of Array.from(shown.querySelectorAll('label[for]'))) check(label, label.getAttribute('for')!);
    for (const el of Array.from(shown.querySelectorAll('[aria-describedby], [aria-labelledby]'))) {
      for (const attr of ['aria-describedby', 'aria-labelledby']) for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) check(el, id);
    }
    return stray;
  });
}

/** Waits until the page's loading states are gone. */
async function settled(): Promise<void> {
  // Needs attention loads seven cards at once: on a busy machine that takes more than poll's default second.
  await expect.poll(() => v('.status--loading').count(), { timeout: 10_000 }).toBe(0);
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
    const stored = await app.api.adminGetProvider({ token: await app.adminToken(), params: { id: providerId } });
    expect(stored.provider).toMatchObject({ name: '福田爱心面馆', status: 'PENDING', hygienePermit: { number: 'JY14403040000001', expiresOn: '2026-12-20' } });

    // Another admin moves the address while this profile is open: saving the open form is refused
    // rather than putting the old address back, and the form reloads with theirs.
    const token = await app.adminToken();
    await app.api.updateProvider({ token, params: { id: providerId }, body: { address: '福田路 9 号', updatedAt: stored.provider.updatedAt } });
    await v('#f-address').fill('福田路 10 号');
    await v('.admin-profile__save').click();
    await expect.poll(() => v('.admin-status .admin-notice').innerText()).toBe('这家机构的资料刚被别人改动过，已重新载入：请再改一次。');
    await expect.poll(() => v('#f-address').inputValue()).toBe('福田路 9 号');
    await v('#f-address').fill('福田路 8 号');
    await v('.admin-profile__save').click();
    await expect.poll(async () => (await app.api.adminGetProvider({ token, params: { id: providerId } })).provider.address).toBe('福田路 8 号');
  });

  it('writes its contract: the schema’s errors and the server’s land at their fields; yuan shown, fen stored', async () => {
    await v('.admin-offerings__new').click();
    await v('.admin-offering').waitFor();
    await v('#f-valueFen').fill('25.9');
    await expect.poll(() => field('valueFen').locator('.admin-field__hint').innerText()).toBe('按分保存：2590 分');
    // Every problem at once, each in its own words: the window's order beside the missing name, a
    // range's end for a number out of range rather than "a whole number".
    await v('#f-dailyQuota').fill('-5');
    await v('#f-windows-0-end').fill('11:00');
    await v('.admin-offering__save').click();
    await expect.poll(() => errorAt('dailyQuota').innerText()).toBe('不能小于 0');
    expect(await errorAt('name').innerText()).toBe('必填');
    expect(await errorAt('windows.0.end').innerText()).toBe('结束时间须晚于开始时间');
    await v('#f-dailyQuota').fill('99999');
    await v('.admin-offering__save').click();
    await expect.poll(() => errorAt('dailyQuota').innerText()).toBe('不能大于 10000');

    await v('#f-id').fill('demo-futian-lunch');
    await v('#f-name').fill('爱心午餐');
    await v('#f-dailyQuota').fill('30');
    await v('#f-standard').fill('两荤一素一汤');
    await v('#f-windows-0-end').fill('13:30');
    await v('.admin-offering__save').click();
    // A seeded restaurant already owns that id: only the server knows, and says so at the field.
    await expect.poll(() => errorAt('id').innerText()).toBe('这个编号已被其他服务点使用');

    await v('#f-id').fill('story-lunch');
    await v('.admin-offering__save').click();
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('合约已保存。');
    // Saved: leaving now discards nothing, and the button says where it goes.
    expect(await v('.admin-offering__leave').innerText()).toBe('返回服务点');
    const detail = await app.api.adminGetProvider({ token: await app.adminToken(), params: { id: providerId } });
    expect(detail.offerings).toEqual([
      expect.objectContaining({ id: 'story-lunch', dailyQuota: 30, valueFen: 2590, weekdays: [1, 2, 3, 4, 5], windows: [{ id: 'lunch', start: '11:30', end: '13:30' }] }),
    ]);
    await shoot('offering-zh');
  });

  it('creates its staff account', async () => {
    await page.goto(`${app.url}/#/admin/provider/index?id=${providerId}`);
    await v('.admin-staff__form').waitFor();
    // The provider page reloads what it shows when it comes back into view.
    await expect.poll(() => v('.admin-offerings tr[data-row="story-lunch"]').count()).toBe(1);
    await v('.admin-staff__form #f-staff-username').fill('story-cook');
    await v('.admin-staff__form #f-staff-name').fill('李师傅');
    await v('.admin-staff__form #f-staff-password').fill('short');
    await v('.admin-staff__add').click();
    await expect.poll(() => v('.admin-staff [data-field="password"] .admin-field__error').innerText()).toBe('密码至少 8 位');
    await v('.admin-staff__form #f-staff-password').fill('story-cook-pass');
    await v('.admin-staff__add').click();
    await v('.admin-staff tr[data-row]').first().waitFor();
    expect(await v('.admin-staff td[data-col="username"]').allInnerTexts()).toEqual(['story-cook']);
  });

  it('approves it after a confirmation; it then takes bookings', async () => {
    await v('.admin-status__approve').click();
    await v('.dialog').waitFor();
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-status .admin-badge').innerText()).toBe('运营中');
    expect((await app.api.getProvider({ params: { id: providerId } })).provider.offerings[0]).toMatchObject({ id: 'story-lunch', capacity: 30, remaining: 30 });
    // The poster is the staff app's sheet: the name, when to come, and a QR any camera opens.
    const sheet = v('.admin-poster .poster');
    await sheet.locator('.qr').waitFor();
    expect(await sheet.locator('.poster__name').innerText()).toBe('福田爱心面馆');
    expect(await sheet.locator('.poster__windows').innerText()).toBe('领餐时间 11:30–13:30');
    expect(await readQr(sheet.locator('.qr'))).toMatch(new RegExp(`^${app.url}/#/pages/walkin/index\\?poster=M1W\\.${providerId}\\.`));
    await page.emulateMedia({ media: 'print' });
    expect(await v('.admin-poster__print').isVisible()).toBe(false);
    expect(await v('.admin__nav').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await shoot('provider-zh');
  });

  it('a recipient books there and its new staff redeem the meal', async () => {
    const token = await recipient(app);
    const booked = await app.api.createBooking.reply({ token, body: { offeringId: 'story-lunch', windowId: 'lunch' } });
    expect(booked.status).toBe(201);
    const cook = await staff(app, 'story-cook', 'story-cook-pass');
    const redeemed = await app.api.redeem.reply({ token: cook, body: { code: booked.body!.booking.code! } });
    expect(redeemed.status).toBe(200);
    meal = { token, bookingId: booked.body!.booking.id };
  });

  it('the recipient’s food-safety report shows on Needs attention and is closed from the reports page with what was done', async () => {
    const { report } = await app.api.reportSafety({ token: meal.token, body: { providerId, bookingId: meal.bookingId, text: '汤里有异物\n已拍照' } });

    await v('.admin__link[data-area="attention"]').click();
    await settled();
    await expect.poll(() => v('[data-card="reports"] .admin-card__count').innerText()).toBe('1');
    await v('[data-card="reports"] .admin-card__go').click();
    const row = v(`.admin-reports__table tr[data-row="${report.id}"]`);
    await row.waitFor();
    expect(await row.locator('td[data-col="provider"]').innerText()).toBe('福田爱心面馆');
    expect(await row.locator('td[data-col="booking"]').innerText()).toBe(meal.bookingId);
    expect(await row.locator('td[data-col="text"]').innerText()).toBe('汤里有异物\n已拍照');
    expect(await row.locator('td[data-col="at"]').innerText()).toMatch(/^2026-11-30 \d\d:\d\d$/);
    await shoot('reports-zh');

    // The note is required: an empty one is refused at its field and nothing is sent.
    await row.locator('.admin-reports__close-open').click();
    await v('.admin-reports__close-confirm').click();
    await expect.poll(() => errorAt('closeNote').innerText()).not.toBe('');
    await v('#f-closeNote').fill('已约谈店长，留样送检，合格');
    await v('.admin-reports__close-confirm').click();
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('已关闭。');
    await expect.poll(() => row.count()).toBe(0);

    await v('.admin-tab[data-status="CLOSED"]').click();
    const closed = v(`.admin-reports__table tr[data-row="${report.id}"]`);
    await closed.waitFor();
    expect(await closed.locator('td[data-col="closedBy"]').innerText()).toBe('管理员');
    expect(await closed.locator('td[data-col="note"]').innerText()).toBe('已约谈店长，留样送检，合格');
    expect(await closed.locator('td[data-col="closedAt"]').innerText()).toMatch(/^2026-11-30 \d\d:\d\d$/);
    await shoot('reports-closed-zh');
    const stored = await app.api.adminSafetyReports({ token: await app.adminToken(), query: { status: 'CLOSED' } });
    expect(stored.reports.find((r) => r.id === report.id)?.closed?.note).toBe('已约谈店长，留样送检，合格');
  });

  it('approves a verification from the queue, where the applicant’s details are shown', async () => {
    const token = await recipient(app);
    const applied = await app.api.submitVerification.reply({ token, body: { name: '张三', phone: '13800138000', category: 'graduate', note: '应届毕业生，求职中' } });
    expect(applied.status).toBe(202);
    const applicationId = applied.body!.verification.id;

    await v('.admin__link[data-area="attention"]').click();
    await settled();
    await expect.poll(() => v('[data-card="verifications"] .admin-card__count').innerText()).toBe('1');
    await expect.poll(() => v('[data-card="documents"] .admin-card__body').innerText()).toContain('福田爱心面馆');
    await shoot('attention-zh');
    await v('[data-card="verifications"] .admin-card__go').click();
    const row = v(`.admin-verifications__table tr[data-row="${applicationId}"]`);
    await row.waitFor();
    // Masked until asked for; the reveal is on the audit log (checked with the log below).
    expect(await row.locator('td[data-col="phone"]').innerText()).toBe('138****8000 显示');
    expect(await row.locator('td[data-col="purge"]').innerText()).toBe('处理后 180 天清除');
    await shoot('verifications-zh');
    await row.locator('.admin-verifications__reveal').click();
    await expect.poll(() => row.locator('td[data-col="phone"]').innerText()).toBe('13800138000');
    await row.locator('.admin-verifications__approve').click();
    // The confirmation names the applicant.
    expect(await v('.dialog__body').innerText()).toBe('通过后 张三（求职毕业生）可继续领取，有效期 90 天。确定通过吗？');
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('已通过 张三 的申请。');
    await expect.poll(() => row.count()).toBe(0);
    expect((await app.api.getMe({ token })).user.verified).toBe(true);

    await v('.admin-tab[data-status="APPROVED"]').click();
    await expect.poll(() => v(`tr[data-row="${applicationId}"] td[data-col="purge"]`).innerText()).toBe('2027-05-29 清除');
  });

  it('rejects a verification with a reason the applicant then reads', async () => {
    const token = await recipient(app);
    const { verification } = await app.api.submitVerification({ token, body: { name: '王五', phone: '13700137000', category: 'intern', note: '' } });
    await v('.admin-tab[data-status="PENDING"]').click();
    const row = v(`.admin-verifications__table tr[data-row="${verification.id}"]`);
    await row.waitFor();
    await row.locator('.admin-verifications__reject').click();
    expect(await v('.admin-verifications__reject-form h2').innerText()).toBe('拒绝 王五（实习生）的申请');
    await v('.admin-verifications__reject-confirm').click();
    await expect.poll(() => errorAt('decisionReason').innerText()).toBe('必填');
    await page.keyboard.type('实习证明已过期');
    await shoot('verifications-reject-zh');
    await page.keyboard.press('Enter');
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('已拒绝 王五 的申请，原因已告知申请人。');
    await expect.poll(() => row.count()).toBe(0);
    expect((await app.api.getMe({ token })).user.verification).toMatchObject({ status: 'REJECTED', reason: '实习证明已过期' });
    await v('.admin-tab[data-status="REJECTED"]').click();
    await expect.poll(() => v(`tr[data-row="${verification.id}"] td[data-col="reason"]`).innerText()).toBe('实习证明已过期');
  });

  it('finds the provider by search and status, and opens it from the table with the keyboard', async () => {
    await v('.admin__link[data-area="providers"]').click();
    await v('.admin-filters__q').fill('爱心面馆');
    await v('.admin-filters__q').press('Enter');
    // Each filter is in the page URL: a reload, a copied link or Back shows the same list.
    await expect.poll(() => page.url()).toContain('q=');
    await v('.admin-filters__status').selectOption('ACTIVE');
    await expect.poll(() => page.url()).toContain('status=ACTIVE');
    const row = v(`.admin-providers__table tr[data-row="${providerId}"]`);
    await row.waitFor();
    expect(await v('.admin-providers__table tbody tr').count()).toBe(1);
    await shoot('providers-zh');
    await row.focus();
    await page.keyboard.press('Enter');
    await v('.admin-status').waitFor();
    expect(await v('.admin__title').innerText()).toBe('福田爱心面馆');
    // The page starts at its title, not eleven Tabs away.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('admin__title');

    // Back returns to the filtered list, not out of the desk.
    await page.goBack();
    await expect.poll(() => v('.admin-filters__status').inputValue()).toBe('ACTIVE');
    expect(await v('.admin-providers__table tbody tr').count()).toBe(1);
    await v(`.admin-providers__table tr[data-row="${providerId}"]`).click();
    await v('.admin-status').waitFor();
  });

  it('an expired session says so, keeps the unsaved edit, and returns to it after signing in again', async () => {
    await v('.admin-profile #f-address').fill('福田路 10 号（新店面）');
    await app.api.endAdminSessions({ token: (await stored(page, 'mcan.adminToken'))! });
    // The test's own admin session ended too: the later steps sign in afresh.
    await app.adminToken(true);
    await v('.admin-profile__save').click();
    await expect.poll(() => v('.admin-notice--error').innerText()).toBe('登录已过期，请重新登录。未保存的内容已保留，登录后回到原页面。');
    await v('#admin-username').fill('admin');
    await v('#admin-password').fill('test-admin-password');
    await page.keyboard.press('Enter');
    await v('.admin-restored').waitFor();
    expect(await v('.admin__title').innerText()).toBe('福田爱心面馆');
    expect(await v('.admin-profile #f-address').inputValue()).toBe('福田路 10 号（新店面）');
    await v('.admin-profile__save').click();
    await expect
      .poll(async () => (await app.api.adminGetProvider({ token: await app.adminToken(), params: { id: providerId } })).provider.address)
      .toBe('福田路 10 号（新店面）');
  });

  it('its own page shows the day’s meal, its points held, and the thanks it was sent; an improper note is hidden', async () => {
    await app.api.thankProvider({ token: meal.token, params: { id: meal.bookingId }, body: { like: true, note: '谢谢师傅，汤很好喝' } });
    await page.reload();
    await expect.poll(() => v('[data-glance="today"] .admin-glance__value').innerText()).toBe('1');
    expect(await v('[data-glance="points"] .admin-glance__value').innerText()).toMatch(/^可用 0 · 冻结中 [1-9]\d*$/);
    expect(await v('[data-glance="integrity"] .admin-glance__value').innerText()).toBe('无异常');
    await expect.poll(() => v('.admin-thanks td[data-col="note"]').innerText()).toBe('谢谢师傅，汤很好喝');
    await shoot('provider-glance-zh');
    await v('.admin-thanks__hide').click();
    // Hidden everywhere: it leaves the list (the staff's and the public's too), and the page says so.
    await expect.poll(() => v('.admin-thanks .admin-notice--ok').innerText()).toBe('已隐藏这条留言。');
    await expect.poll(() => v('.admin-thanks td[data-col="note"]').count()).toBe(0);
  });

  it('suspends it with a reason, which the page shows with who and when; 恢复营业 brings it back', async () => {
    await v('.admin-status__suspend').click();
    expect(await v('.admin-status__suspend-form h2').innerText()).toBe('暂停「福田爱心面馆」：今日未领取的预约将被取消，员工不能再核销');
    await v('.admin-status__suspend-confirm').click();
    await expect.poll(() => errorAt('suspendReason').innerText()).toBe('必填');
    expect((await app.api.getProvider.reply({ params: { id: providerId } })).status).toBe(200);
    await page.keyboard.type('卫生检查整改');
    await page.keyboard.press('Enter');
    await expect.poll(() => v('.admin-status .admin-notice--ok').innerText()).toBe('已暂停。');
    await expect.poll(() => v('.admin-status .admin-badge').innerText()).toBe('已暂停');
    expect(await v('.admin-status__suspension').innerText()).toMatch(/^暂停原因：卫生检查整改（管理员，2026-11-30 \d\d:\d\d）$/);
    // Reinstated, not approved again: its own button.
    expect(await v('.admin-status__approve').count()).toBe(0);
    expect(await v('.admin-status__reinstate').innerText()).toBe('恢复营业');
    await shoot('provider-suspended-zh');
    await v('.admin__lang').click();
    await expect.poll(() => v('.admin-status__reinstate').innerText()).toBe('Reinstate');
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((x) => x.id)).toEqual([]);
    await shoot('provider-suspended-en');
    await v('.admin__lang').click();

    await v('.admin-status__reinstate').click();
    expect(await v('.dialog__body').innerText()).toBe('恢复后「福田爱心面馆」重新出现在领餐列表中，员工可以继续核销。确定恢复营业吗？');
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-status .admin-badge').innerText()).toBe('运营中');
    expect(await v('.admin-status__suspension').count()).toBe(0);
    expect((await app.api.listProviders({})).providers.map((p) => p.id)).toContain(providerId);
  });
});

describe('the desk runs the programme: impact, points, leaderboards, audit', () => {
  it('the impact page shows the meal by provider and by day, and downloads the figures as CSV', async () => {
    await v('.admin__link[data-area="impact"]').click();
    await v('.admin-impact__range').waitFor();
    await settled();
    await v('.admin-tab[data-by="provider"]').click();
    const row = v(`.admin-impact__table tr[data-row="${providerId}"]`);
    await row.waitFor();
    expect(await row.locator('td[data-col="label"]').innerText()).toBe('福田爱心面馆');
    expect(await row.locator('td[data-col="personTimes"]').innerText()).toBe('1');
    expect(await row.locator('td[data-col="value"]').innerText()).toBe('25.90');
    // Money standing alone is in yuan with its sign; counts are grouped by thousands (the limit below shows it).
    expect(await v('[data-card="value"] .admin-card__count').innerText()).toBe('¥25.90');
    expect(await v(`.admin-impact__chart .bar-chart__row[data-key="${providerId}"]`).getAttribute('data-value')).toBe('1');
    await shoot('impact-zh');

    const [download] = await Promise.all([page.waitForEvent('download'), v('.admin-impact__csv').click()]);
    expect(download.suggestedFilename()).toBe('mcan-stats-provider-2026-11-01-2026-11-30.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split(/\r?\n/).find((line) => line.includes(providerId))).toContain('福田爱心面馆');
    // Headed in Chinese, in yuan, with a totals row.
    expect(csv.replace('\uFEFF', '').split('\r\n')[0]).toBe('"服务点","编号","餐食","盲盒","现场领取","服务人次","价值（元）"');
    expect(csv.trimEnd().split('\r\n').at(-1)).toMatch(/^"合计","",1,0,\d+,\d+,"\d+\.\d\d"$/);

    // A range longer than the page allows is refused at its field before asking, naming the limit; the figures stay.
    await v('#f-from').fill('2020-01-01');
    await v('#f-to').fill('2026-11-30');
    await v('.admin-impact__apply').click();
    await expect.poll(() => errorAt('to').innerText()).toBe('一次最多查询 1,098 天（约 3 年），请缩短日期范围。');
    expect(await v('.admin-impact__table').count()).toBe(1);
    expect(await v('.status--error').count()).toBe(0);
    await shoot('impact-range-zh');

    // A range the wrong way round is refused at its field; a one-day range by day is that day alone.
    await v('#f-from').fill('2026-11-30');
    await v('#f-to').fill('2026-11-29');
    await v('.admin-impact__apply').click();
    await expect.poll(() => errorAt('from').innerText()).toBe('开始日期不能晚于结束日期');
    await v('#f-to').fill('2026-11-30');
    await v('.admin-impact__apply').click();
    await v('.admin-tab[data-by="day"]').click();
    await expect.poll(() => v('.admin-impact__table tbody tr').count()).toBe(1);
    expect(Number(await v('.admin-impact__table tr[data-row="2026-11-30"] td[data-col="personTimes"]').innerText())).toBeGreaterThanOrEqual(1);
  });

  it('points: the meal’s credit is held; an adjustment and its reversal each carry a reason', async () => {
    const token = await app.adminToken();
    const api = await app.api.adminProviderPoints({ token, params: { id: providerId } });
    expect(api.pending).toBeGreaterThan(0);

    await v('.admin__link[data-area="points"]').click();
    await v('.admin-filters__q').fill('福田爱心面馆');
    await v('.admin-filters__q').press('Enter');
    const pick = v(`.admin-points__providers tr[data-row="${providerId}"]`);
    await pick.waitFor();
    await pick.focus();
    await page.keyboard.press('Enter');
    await v('.admin-points__ledger').waitFor();
    // The title names the provider once its record has loaded, which may be after the ledger.
    await expect.poll(() => v('.admin__title').innerText()).toBe('福田爱心面馆 · 积分');
    expect(await v('[data-card="pending"] .admin-card__count').innerText()).toBe(String(api.pending));
    expect(await v('[data-card="balance"] .admin-card__count').innerText()).toBe('0');
    expect(await v('.admin-points__ledger td[data-col="reason"]').allInnerTexts()).toEqual(['核销餐食']);

    await v('#f-points').fill('50');
    await v('.admin-points__save').click();
    await expect.poll(() => errorAt('reason').innerText()).toBe('必填');
    await v('#f-reason').fill('开业补贴');
    await v('.admin-points__save').click();
    // Nothing is sent before a confirmation naming the provider, the amount and the reason.
    expect(await v('.dialog__body').innerText()).toBe('为「福田爱心面馆」增加 50 积分，原因：开业补贴。确定提交吗？');
    expect((await app.api.adminProviderPoints({ token, params: { id: providerId } })).balance).toBe(0);
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('已调整 +50 积分。');
    await expect.poll(() => v('[data-card="balance"] .admin-card__count').innerText()).toBe('50');

    // Part of it taken back: the credit says so and still offers the rest.
    const adjustment = v('.admin-points__ledger tbody tr').filter({ hasText: '开业补贴' });
    await adjustment.locator('.admin-points__reverse-open').click();
    expect(await v('#f-reversePoints').inputValue()).toBe('50');
    await v('#f-reversePoints').fill('20');
    await v('.admin-points__reverse-confirm').click();
    await expect.poll(() => errorAt('reverseReason').innerText()).toBe('必填');
    await v('#f-reverseReason').fill('多发了 20');
    await v('#f-reverseReason').press('Enter');
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('已冲正（-20 积分）。');
    await expect.poll(() => v('[data-card="balance"] .admin-card__count').innerText()).toBe('30');
    await expect.poll(() => adjustment.locator('.admin-points__reversed').innerText()).toBe('已冲正 20');

    // The rest: the credit reads 已冲正 and offers no 冲正 any more.
    await adjustment.locator('.admin-points__reverse-open').click();
    expect(await v('#f-reversePoints').inputValue()).toBe('30');
    await v('#f-reversePoints').fill('31');
    await v('#f-reverseReason').fill('重复发放');
    await v('.admin-points__reverse-confirm').click();
    await expect.poll(() => errorAt('reversePoints').innerText()).toBe('最多可冲正 30 积分。');
    await v('#f-reversePoints').fill('30');
    await v('.admin-points__reverse-confirm').click();
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('已冲正（-30 积分）。');
    await expect.poll(() => v('[data-card="balance"] .admin-card__count').innerText()).toBe('0');
    await expect.poll(() => adjustment.locator('.admin-points__reversed').innerText()).toBe('已冲正');
    expect(await adjustment.locator('.admin-points__reverse-open').count()).toBe(0);
    expect((await v('.admin-points__ledger td[data-col="reason"]').allInnerTexts()).sort()).toEqual(['人工调整', '冲正', '冲正', '核销餐食'].sort());
    // Each reversal's 关联 names the credit it took back (a link to that credit's history), not itself.
    expect(await v('.admin-points__ledger .admin-points__reverses').allInnerTexts()).toEqual([expect.stringMatching(/^冲正 2026-11-30 \d\d:\d\d 的 \+50$/), expect.stringMatching(/^冲正 2026-11-30 \d\d:\d\d 的 \+50$/)]);
    await shoot('points-zh');
    expect((await app.api.adminProviderPoints({ token, params: { id: providerId } })).balance).toBe(0);
  });

  it('catalogue and exchanges: one exchange fulfilled, one rejected with a reason (points and stock back), an item restocked', async () => {
    const token = await app.adminToken();
    expect((await app.api.createPointsAdjustment.reply({ token, body: { providerId, points: 100, reason: '兑换测试' } })).status).toBe(201);
    const cook = await staff(app, 'story-cook', 'story-cook-pass');
    const order = async (quantity: number) => {
      const r = await app.api.createExchange.reply({ token: cook, body: { itemId: 'veg-box', quantity } });
      expect(r.status, r.text).toBe(201);
      return r.body!.exchange.id;
    };
    const first = await order(2);
    const second = await order(1);
    const stockOf = async () => (await app.api.adminCatalog({ token })).items.find((i) => i.id === 'veg-box')!.stock;
    expect(await stockOf()).toBe(57);

    await v('.admin__link[data-area="attention"]').click();
    await settled();
    await expect.poll(() => v('[data-card="exchanges"] .admin-card__count').innerText()).toBe('2');
    await v('[data-card="exchanges"] .admin-card__go').click();
    const row = (id: string) => v(`.admin-exchanges__table tr[data-row="${id}"]`);
    await row(first).waitFor();
    expect(await row(first).locator('td[data-col="item"]').innerText()).toBe('时令蔬菜箱 × 2 箱');
    expect(await row(first).locator('td[data-col="points"]').innerText()).toBe('60');
    await shoot('catalogue-zh');

    await row(first).locator('.admin-exchanges__fulfil').click();
    await expect.poll(() => v('.dialog__body').innerText()).toBe('确认已向「福田爱心面馆」发放 时令蔬菜箱 × 2 箱？');
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('已标记为发放。');
    await expect.poll(() => row(first).count()).toBe(0);

    await row(second).locator('.admin-exchanges__reject-open').click();
    await v('.admin-exchanges__reject-confirm').click();
    await expect.poll(() => errorAt('rejectReason').innerText()).toBe('必填');
    await page.keyboard.type('本周蔬菜已发完');
    await page.keyboard.press('Enter');
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('已拒绝，30 积分和库存已退回。');
    expect(await stockOf()).toBe(58);
    expect((await app.api.adminProviderPoints({ token, params: { id: providerId } })).balance).toBe(40);

    await v('.admin-tab[data-status="REJECTED"]').click();
    await expect.poll(() => row(second).locator('td[data-col="reason"]').innerText()).toBe('本周蔬菜已发完');

    // Restock the item nobody could order.
    const flour = v('.admin-catalogue__table tr[data-row="flour-10kg"]');
    await flour.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => v('#f-id').inputValue()).toBe('flour-10kg');
    // An existing item's form has no stock field: stock moves by the adjuster, never by an edit.
    expect(await v('#f-stock').count()).toBe(0);
    const adjusted = () => v('.admin-catalogue__adjust .admin-notice').innerText();
    await v('#f-delta').fill('-1');
    await v('#f-reason').fill('盘点');
    await v('.admin-catalogue__adjust-save').click();
    await expect.poll(adjusted).toBe('库存不足：减少后会低于零。');
    await v('#f-delta').fill('+20');
    await v('#f-reason').fill('到货 20 袋');
    await v('.admin-catalogue__adjust-save').click();
    await expect.poll(adjusted).toBe('「面粉 10 kg」的库存现为 20 袋。');
    await expect.poll(() => flour.locator('td[data-col="stock"]').innerText()).toBe('20');

    // Someone else adds stock while the form is open: the price change made from the old version
    // is refused, the form reloads and says what changed, and the change made again keeps both.
    await app.api.adjustCatalogStock({ token, params: { itemId: 'flour-10kg' }, body: { delta: 5, reason: '另一位同事入库' } });
    await v('#f-points').fill('65');
    await v('.admin-catalogue__save').click();
    await expect.poll(() => v('.admin-catalogue__notice').innerText()).toBe('这件物资刚被改动过（库存），已重新载入：请再改一次。');
    expect(await v('#f-points').inputValue()).toBe('70');
    await expect.poll(() => flour.locator('td[data-col="stock"]').innerText()).toBe('25');
    await v('#f-points').fill('65');
    await v('.admin-catalogue__save').click();
    await expect.poll(() => v('.admin-catalogue__notice').innerText()).toBe('已保存「面粉 10 kg」。');
    expect((await app.api.adminCatalog({ token })).items.find((i) => i.id === 'flour-10kg')).toMatchObject({ points: 65, stock: 25 });
  });

  it('leaderboards: previews the month against nothing published; publishing waits for the month to end', async () => {
    await v('.admin__link[data-area="leaderboards"]').click();
    await v('.admin-boards__preview').waitFor();
    await settled();
    const mine = v(`.admin-boards__table tr[data-row="${providerId}"]`);
    await mine.waitFor();
    expect(await mine.locator('td[data-col="change"]').innerText()).toBe('新上榜');
    expect(await mine.locator('td[data-col="meals"]').innerText()).toBe('1');
    expect(await v('.admin-boards__against').innerText()).toBe('这个周期还没有发布过，全部为新上榜。');
    expect(await v('.admin-boards__versions').count()).toBe(0);

    // A key of the wrong form is refused before asking.
    await v('#f-key').fill('2026-Q4');
    await v('.admin-boards__show').click();
    await expect.poll(() => errorAt('key').innerText()).toBe('月份，如 2026-11');
    await v('#f-key').fill('2026-11');
    await v('.admin-boards__show').click();

    // November's last day is today: a late meal could still change the figures, so nothing is published.
    await v('.admin-boards__publish').click();
    await expect.poll(() => v('.dialog__body').innerText()).toContain('发布「2026年11月」第 1 版？');
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-boards__preview .admin-notice--error').innerText()).toBe('这个周期的最后一天（2026-11-30）结束、并在次日凌晨结算后才能发布。');
    expect(await v('.admin-boards__versions').count()).toBe(0);
  });

  it('the audit page lists each step, and shows before and after side by side', async () => {
    await page.goto(`${app.url}/#/admin/audit/index`);
    await v('.admin-audit__table').waitFor();
    await settled();
    const actionsShown = () =>
      v('.admin-audit__table > tbody > tr > td[data-col="action"] [data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')).sort());
    const can = async (button: 'next' | 'prev') => (await v(`.admin-pager__${button}`).count()) > 0 && (await v(`.admin-pager__${button}`).isEnabled());
    /** Pages on (newest first) until `until` is on screen, or through every page; the actions seen on the way. */
    const pageOn = async (until?: () => Promise<boolean>) => {
      const seen = await actionsShown();
      while (!(await until?.()) && (await can('next'))) {
        const at = await v('.admin-pager__page').innerText();
        await v('.admin-pager__next').click();
        await expect.poll(() => v('.admin-pager__page').innerText()).not.toBe(at);
        await settled();
        seen.push(...(await actionsShown()));
      }
      return seen.sort();
    };
    // Opening the review queue put each application read on record, once per time it was shown.
    const all = await pageOn();
    expect(all).toContain('listVerifications');
    // The test clock stands still, so the steps share one instant: compared as a set, one entry each.
    expect(all.filter((a) => a !== 'listVerifications')).toEqual(
      [
        'createProvider',
        'updateProvider',
        'updateProvider',
        // The draft an expired session kept, saved after signing in again (and that session's end).
        'endAdminSessions',
        'updateProvider',
        'hideThanks',
        'putOffering',
        'createStaff',
        'approveProvider',
        'redeem',
        'closeSafetyReport',
        'revealVerificationPhone',
        'approveVerification',
        'rejectVerification',
        'suspendProvider',
        'reinstateProvider',
        'createPointsAdjustment',
        'createPointsReversal',
        'createPointsReversal',
        'createPointsAdjustment',
        'createExchange',
        'createExchange',
        'fulfilExchange',
        'rejectExchange',
        'adjustCatalogStock',
        'adjustCatalogStock',
        'putCatalogItem',
      ].sort(),
    );
    await shoot('audit-zh');

    // Only the provider's own entries: opened from the target of its approval.
    while (await can('prev')) {
      const at = await v('.admin-pager__page').innerText();
      await v('.admin-pager__prev').click();
      await expect.poll(() => v('.admin-pager__page').innerText()).not.toBe(at);
    }
    await settled();
    const approval = v('.admin-audit__table > tbody > tr').filter({ has: page.locator('[data-action="approveProvider"]') });
    await pageOn(async () => (await approval.count()) > 0);
    await approval.locator('.admin-audit__target').click();
    await expect.poll(() => v('#f-target').inputValue()).toBe(providerId);
    await expect.poll(actionsShown).toEqual(['approveProvider', 'createPointsAdjustment', 'createPointsAdjustment', 'createProvider', 'reinstateProvider', 'suspendProvider', 'updateProvider', 'updateProvider', 'updateProvider']);
    // Fields and values in words, Beijing time, never JSON.
    const status = approval.locator('.admin-diff tr[data-field="status"]');
    expect(await status.locator('th').innerText()).toBe('状态');
    expect(await status.locator('.admin-diff__before').innerText()).toBe('待审批');
    expect(await status.locator('.admin-diff__after').innerText()).toBe('运营中');
    expect(await approval.locator('td[data-col="action"]').innerText()).toBe('审批服务点');
    expect(await v('.admin-audit__table').innerText()).not.toMatch(/[{}]|"\w+":|T\d\d:\d\d:\d\d/);

    // By action: the two points reversals (a partial one, then the rest) alone, and the URL says so.
    await v('.admin-audit__clear').click();
    await v('#f-action').selectOption('createPointsReversal');
    await v('.admin-audit__apply').click();
    await expect.poll(actionsShown).toEqual(['createPointsReversal', 'createPointsReversal']);
    expect(page.url()).toContain('action=createPointsReversal');
    // Each entry about a part names its provider.
    expect(await v('.admin-audit__provider').allInnerTexts()).toEqual(['福田爱心面馆', '福田爱心面馆']);

    // The export holds what the filters show, in Chinese, for Excel.
    const [download] = await Promise.all([page.waitForEvent('download'), v('.admin-audit__csv').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.replace('\uFEFF', '').trimEnd().split(/\r\n(?=")/);
    expect(lines[0]).toBe('"时间（北京时间）","操作人","账号","角色","操作","对象","对象编号","服务点","变更"');
    expect(lines.slice(1).map((l) => l.split('","')[4])).toEqual(['冲正积分', '冲正积分']);

    // From the provider's ledger, its whole history: its contract, its staff, its reversal.
    await page.goto(`${app.url}/#/admin/points/index?provider=${providerId}`);
    await v('.admin-points__ledger').waitFor();
    await v('a:has-text("查看操作日志")').click();
    await v('.admin-audit__table').waitFor();
    await expect.poll(() => v('#f-provider').inputValue()).toBe('福田爱心面馆');
    await expect.poll(actionsShown).toEqual(expect.arrayContaining(['putOffering', 'createStaff', 'createPointsReversal', 'redeem', 'createExchange', 'approveProvider']));
    expect(await actionsShown()).not.toContain('putCatalogItem');
    await shoot('audit-family-zh');

    // Dates the wrong way round are refused at the field.
    await v('#f-from').fill('2026-11-30');
    await v('#f-to').fill('2026-11-01');
    await v('.admin-audit__apply').click();
    await expect.poll(() => errorAt('from').innerText()).toBe('开始日期不能晚于结束日期');
  });
});

describe('every admin page, in both languages', () => {
  const pages = () => ({
    attention: '/admin/attention/index',
    providers: '/admin/providers/index',
    'providers-documents': '/admin/providers/index?documents=due',
    provider: `/admin/provider/index?id=${providerId}`,
    'provider-new': '/admin/provider/index',
    offering: `/admin/offering/index?provider=${providerId}&offering=story-lunch`,
    verifications: '/admin/verifications/index',
    reports: '/admin/reports/index?status=CLOSED',
    catalogue: '/admin/catalogue/index',
    'points-pick': '/admin/points/index',
    points: `/admin/points/index?provider=${providerId}`,
    leaderboards: '/admin/leaderboards/index',
    impact: '/admin/impact/index',
    audit: '/admin/audit/index',
    profile: '/admin/profile/index',
    accounts: '/admin/accounts/index',
  });

  it('switches to English and shows every page in it; axe-core finds no WCAG 2.1 A/AA problem on any', async () => {
    await v('.admin__lang').click();
    await expect.poll(() => v('.admin__link[data-area="providers"]').innerText()).toBe('Providers');
    const problems: string[] = [];
    for (const [name, path] of Object.entries(pages())) {
      await page.goto(`${app.url}/#${path}`);
      await v('.admin__title').waitFor();
      await settled();
      await shoot(`${name}-en`);
      // Only the page on screen: Taro keeps earlier pages in the DOM, hidden.
      const found = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      problems.push(...found.violations.map((x) => `${name}: ${x.id} (${x.nodes.length}) ${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`));
      // Every label and every aria reference on the page on screen finds its own element, not a
      // twin on a page Taro keeps hidden below (a label once focused another form's field).
      problems.push(...(await strayReferences()).map((r) => `${name}: ${r}`));
      expect(await v('.admin__link').allInnerTexts()).toEqual(['Needs attention', 'Providers', 'Verification review', 'Food-safety reports', 'Catalogue & exchanges', 'Points', 'Leaderboards', 'Impact', 'Audit log', 'Accounts']);
    }
    expect(problems).toEqual([]);
    await v('.admin__signout').click();
    await v('.admin-signin').waitFor();
    await shoot('signin-en');
    await v('.admin__lang').click();
    await shoot('signin-zh');
    // Seventeen pages, each drawn, shot and checked by axe: more than the default test time on a busy machine.
  }, 300_000);

  it('draws the pages not yet shot in Chinese too', async () => {
    await signInAtDesk();
    await page.goto(`${app.url}/#/admin/provider/index`);
    await v('.admin-profile').waitFor();
    await shoot('provider-new-zh');
    await page.goto(`${app.url}/#/admin/points/index`);
    await v('.admin-points__providers').waitFor();
    await shoot('points-pick-zh');
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

  it('resets a staff password: the old sessions end and the temporary one signs in', async () => {
    const before = await staff(app, 'story-cook', 'story-cook-pass');
    await page.goto(`${app.url}/#/admin/provider/index?id=${providerId}`);
    await v('.admin-staff__reset').click();
    expect(await v('.admin-staff__password h2').innerText()).toBe('为 story-cook（李师傅）设置临时密码');
    await v('#f-staffNewPassword').fill('short');
    await v('.admin-staff__password-confirm').click();
    await expect.poll(() => errorAt('staffNewPassword').innerText()).toBe('密码至少 8 位');
    await v('#f-staffNewPassword').fill('temporary-cook-1');
    await shoot('provider-staff-reset-zh');
    await v('.admin-staff__password-confirm').click();
    await expect.poll(() => v('.admin-staff .admin-notice--ok').innerText()).toBe('已为 story-cook 设置新密码，其登录已全部结束。');
    expect(await v('.admin-staff__password').count()).toBe(0);
    expect((await app.api.staffToday.reply({ token: before })).status).toBe(401);
    expect((await app.api.createStaffSession.reply({ body: { username: 'story-cook', password: 'story-cook-pass' } })).status).toBe(401);
    expect((await app.api.createStaffSession.reply({ body: { username: 'story-cook', password: 'temporary-cook-1' } })).status).toBe(200);
  });

  it('disables a staff account after a confirmation; it can no longer sign in until re-enabled', async () => {
    await page.goto(`${app.url}/#/admin/provider/index?id=${providerId}`);
    await v('.admin-staff__disable').click();
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-staff td[data-col="status"]').innerText()).toBe('已停用');
    expect(await v('.admin-staff__disable').count()).toBe(0);
    const signIn = await app.api.createStaffSession.reply({ body: { username: 'story-cook', password: 'temporary-cook-1' } });
    expect(signIn.status).toBe(403);
    await shoot('provider-staff-disabled-zh');

    await v('.admin-staff__enable').click();
    expect(await v('.dialog__body').innerText()).toBe('启用后 story-cook 可以用原密码重新登录。确定启用吗？');
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-staff td[data-col="status"]').innerText()).toBe('可用');
    expect((await app.api.createStaffSession.reply({ body: { username: 'story-cook', password: 'temporary-cook-1' } })).status).toBe(200);
  });
});

describe('Needs attention across the programme', () => {
  let suspect = '';
  it('shows today’s figures, and a provider whose meals look self-dealt stands out, linked to its ledger', async () => {
    // Twelve throwaway identities booking and being redeemed at once: the integrity signals' pattern.
    const p = await providerWithOffering(app, '可疑小馆', 20);
    suspect = p.providerId;
    for (let i = 0; i < 12; i++) {
      const token = await recipient(app);
      const booked = await app.api.createBooking.reply({ token, body: { offeringId: p.offeringId, windowId: 'lunch' } });
      expect(booked.status, booked.text).toBe(201);
      const redeemed = await app.api.redeem.reply({ token: p.staffToken, body: { voucher: booked.body!.booking.voucher! } });
      expect(redeemed.status, redeemed.text).toBe(200);
    }
    await page.goto(`${app.url}/#/admin/attention/index`);
    await v('.admin-cards').waitFor();
    await settled();
    expect(await v('[data-card="signals"] .admin-card__count').innerText()).toBe('1');
    expect(await v('[data-card="signals"] .admin-card__item').allInnerTexts()).toEqual(['可疑小馆 · 首次受助 100% · 2 分钟内核销 100%']);
    // The story's meal and these twelve: today's person-times across the programme.
    expect(await v('[data-card="today"] [data-figure="personTimes"] dd').innerText()).toBe('13');
    await shoot('attention-signals-zh');
    await v('[data-card="signals"] .admin-card__item a').click();
    await expect.poll(() => v('.admin__title').innerText()).toBe('可疑小馆 · 积分');
  });

  it('after the nightly review its points are held: the preview marks it before anyone publishes, and a clear with a reason releases them', async () => {
    // The night after: the review judges the closed day and opens a case; the desk's session has ended meanwhile.
    await app.setClock('2026-12-01T00:45:00+08:00');
    const review = (await app.call<{ flagged: string[] }>('POST', '/__test__/jobs/review-integrity')).body;
    expect(review.flagged).toEqual([suspect]);
    await v('.admin__signout').click();
    await v('.admin-signin').waitFor();
    await v('#admin-username').fill('admin');
    await v('#admin-password').fill('test-admin-password');
    // Signing out kept this browser's device credential: the sign-in sends it back (issue 21).
    const kept = JSON.parse((await stored(page, 'mcan.signInDevices')) ?? '[]') as [string, string][];
    expect(kept.map(([name]) => name)).toEqual(['admin']);
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/v1/admin/sessions'));
    await page.keyboard.press('Enter');
    expect((await sent).postDataJSON()).toMatchObject({ username: 'admin', device: kept[0]![1] });
    await v('.admin-cards').waitFor();

    // November's board: the suspect is marked, the story's restaurant is not.
    await v('.admin__link[data-area="leaderboards"]').click();
    await v('.admin-boards__preview').waitFor();
    await v('#f-key').fill('2026-11');
    await v('.admin-boards__show').click();
    await settled();
    const marked = v(`.admin-boards__table tr[data-row="${suspect}"]`);
    await marked.waitFor();
    expect(await marked.locator('td[data-col="integrity"]').innerText()).toBe('⚠ 待复核');
    expect(await v(`.admin-boards__table tr[data-row="${providerId}"] td[data-col="integrity"]`).innerText()).toBe('');
    expect(await v('.admin-boards__flagged').innerText()).toBe('1 家服务点的诚信标记尚未解除：可疑小馆。它们的份数可能来自员工自订自核，发布前请先在积分页复核。');
    await v('.admin-boards__publish').click();
    await expect.poll(() => v('.dialog__body').innerText()).toContain('注意：其中 1 家的诚信标记尚未解除（可疑小馆）。');
    await v('.dialog__cancel').click();
    await shoot('leaderboards-flagged-zh');

    // The mark opens its ledger, where the case says what was found; in English too.
    await marked.locator('.admin-boards__flag').click();
    await v('.admin-points__integrity').waitFor();
    await expect.poll(() => v('.admin__title').innerText()).toBe('可疑小馆 · 积分');
    expect(await v('.admin-points__held').innerText()).toContain('首次受助占比高、即订即核占比高');
    await v('.admin__lang').click();
    await expect.poll(() => v('.admin-points__integrity h2').innerText()).toBe('⚠ Integrity review');
    await shoot('points-held-en');
    await v('.admin__lang').click();
    await shoot('points-held-zh');

    // Clearing asks why, then releases the points: the case is gone, and the audit log has it.
    await v('.admin-points__clear-open').click();
    await v('.admin-points__clear-confirm').click();
    await expect.poll(() => errorAt('clearReason').innerText()).toBe('必填');
    await v('#f-clearReason').fill('已电话核实：附近工地工人午间集中扫码');
    await v('.admin-points__clear-confirm').click();
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('已解除标记，冻结的积分已放行。');
    await expect.poll(() => v('.admin-points__integrity').count()).toBe(0);
    const token = await app.adminToken();
    const audit = await app.api.listAudit({ token, query: { target: suspect } });
    expect(audit.entries.map((e) => e.action)).toContain('clearIntegrity');
  });
});

describe('once the month has ended', () => {
  it('publishes it after a confirmation, lists the version, and withdraws it with a reason: the public board falls back', async () => {
    // Past midnight and the nightly roll-up: November can no longer change. The desk's session
    // (8 hours) has run out meanwhile, so the administrator signs in again.
    await app.setClock('2026-12-01T00:20:00+08:00');
    expect((await app.call('POST', '/__test__/jobs/roll-up-impact')).status).toBe(200);
    await page.goto(app.url + '/#/admin/signin/index');
    await signInAtDesk();

    await page.goto(`${app.url}/#/admin/leaderboards/index`);
    await v('.admin-boards__preview').waitFor();
    await v('#f-key').fill('2026-11');
    await v('.admin-boards__show').click();
    const mine = v(`.admin-boards__table tr[data-row="${providerId}"]`);
    await mine.waitFor();
    await v('.admin-boards__publish').click();
    await expect.poll(() => v('.dialog__body').innerText()).toContain('发布「2026年11月」第 1 版？');
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-notice--ok').innerText()).toBe('已发布「2026年11月」第 1 版。');
    await expect.poll(() => v('.admin-boards__against').innerText()).toMatch(/^与已发布的第 1 版（2026-12-01 00:20）比较$/);
    await expect.poll(() => mine.locator('td[data-col="change"]').innerText()).toBe('名次不变');
    const version = v('.admin-boards__versions tr[data-row="2026-11-v1"]');
    await version.waitFor();
    expect(await version.locator('td[data-col="status"]').innerText()).toBe('公开中');
    await version.focus();
    await page.keyboard.press('Enter');
    await v(`.admin-boards__shown tr[data-row="${providerId}"]`).waitFor();
    await shoot('leaderboards-zh');

    // The public 爱心榜 shows the published version.
    await page.goto(`${app.url}/#/impact/board/index`);
    await v(`.board__entry[data-provider="${providerId}"]`).waitFor();
    expect(await v(`.board__entry[data-provider="${providerId}"] .board__name`).innerText()).toBe('福田爱心面馆');

    // Withdrawn, with a reason the form insists on: the public board has no month board left.
    await page.goto(`${app.url}/#/admin/leaderboards/index`);
    await v('#f-key').fill('2026-11');
    await v('.admin-boards__show').click();
    await v('.admin-boards__versions tr[data-row="2026-11-v1"]').click();
    await v('.admin-boards__withdraw').click();
    await v('.admin-boards__withdraw-confirm').click();
    await expect.poll(() => field('withdrawReason').locator('.admin-field__error').innerText()).not.toBe('');
    await v('#f-withdrawReason').fill('核销数据待复核');
    await v('.admin-boards__withdraw-confirm').click();
    await expect.poll(() => v('.admin-boards__shown .admin-notice--ok').innerText()).toBe('已撤回「2026年11月」第 1 版，公众爱心榜改为显示仍在公开的最新一版。');
    await expect.poll(() => v('.admin-boards__withdrawn').innerText()).toMatch(/^2026-12-01 00:20 由 管理员 撤回：核销数据待复核$/);
    await expect.poll(() => v('.admin-boards__versions tr[data-row="2026-11-v1"] td[data-col="status"]').innerText()).toBe('已撤回');
    const latest = await app.api.latestLeaderboard.reply({ query: { period: 'month' } });
    expect(latest.status).toBe(404);
  });
});

describe('a provider’s lapsed documents', () => {
  const lapsed = {
    name: '证照过期餐馆',
    kind: 'restaurant' as const,
    district: 'futian',
    address: '福田路 9 号',
    businessLicence: { number: 'BL-LAPSED', expiresOn: '2020-06-30' },
    hygienePermit: { number: 'HP-LAPSED', expiresOn: '2030-06-30' },
  };

  it('approval is refused and the notice says which document expired; the dialog warned first', async () => {
    const token = await app.adminToken();
    const id = (await app.api.createProvider({ token, body: lapsed })).provider.id;
    await page.goto(`${app.url}/#/admin/provider/index?id=${id}`);
    await v('.admin-status__approve').click();
    expect(await v('.dialog__body').innerText()).toBe('营业执照已于 2020-06-30 到期，审批会被拒绝。请先在资料中更新证照。');
    await v('.dialog__confirm').click();
    await expect.poll(() => v('.admin-status .admin-notice--error').innerText()).toBe('未能通过：营业执照已于 2020-06-30 到期。请先在下方资料中更新证照，再审批。');
    expect(await v('.admin-status .admin-badge').innerText()).toBe('待审批');
    await shoot('provider-refused-zh');
  });

  it('an ACTIVE provider whose permit lapsed reads “documents expired” on its page and in the list, not 运营中', async () => {
    const token = await app.adminToken();
    const id = (await app.api.createProvider({ token, body: { ...lapsed, name: '许可证过期餐馆', businessLicence: { number: 'BL-OK', expiresOn: '2030-06-30' } } })).provider.id;
    const { updatedAt } = (await app.api.approveProvider({ token, params: { id } })).provider;
    // Approved while valid, then the permit's real date was entered: it lapsed long ago.
    await app.api.updateProvider({ token, params: { id }, body: { hygienePermit: { number: 'HP-LAPSED', expiresOn: '2020-01-31' }, updatedAt } });
    await page.goto(`${app.url}/#/admin/provider/index?id=${id}`);
    await expect.poll(() => v('.admin-status .admin-badge').innerText()).toBe('证照过期');
    expect(await v('.admin-status__hidden').innerText()).toBe('食品卫生许可证已于 2020-01-31 到期：虽为运营中，但不出现在领餐列表中，也不能预约。');
    await shoot('provider-expired-zh');
    await v('.admin__link[data-area="providers"]').click();
    await v('.admin-filters__q').fill('许可证过期');
    await v('.admin-filters__q').press('Enter');
    await expect.poll(() => v(`.admin-providers__table tr[data-row="${id}"] .admin-badge`).innerText()).toBe('证照过期');
  });
});
