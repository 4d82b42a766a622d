// The programme office at the desk (issue 21), at 1280 × 800 against the real local server: a
// clerk's big points adjustment waits on Needs attention until the owner approves it there; the
// owner turns on two-step sign-in from their own page, creates a district officer, who then sees
// only their sub-district's providers; and the owner's next sign-in asks for a code.
import { Secret, TOTP } from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { artifactPath } from '../support/browser.js';
import { browserSuite, desk, readQr } from '../support/h5.js';
import { providerWithOffering } from '../support/people.js';

// Monday 30 November 2026, 10:00 in Shanghai.
const MONDAY = '2026-11-30T10:00:00+08:00';
const suite = browserSuite(MONDAY);
let app: TestApp;
let page: Page;
let inMeilin = '';
let inShatou = '';
let secret = '';

const v = (selector: string) => page.locator(selector).filter({ visible: true });
const shoot = (name: string) => page.screenshot({ path: artifactPath(`office-${name}.png`), fullPage: true, animations: 'disabled' });
const settled = () => expect.poll(() => v('.status--loading').count(), { timeout: 10_000 }).toBe(0);

/** The code the authenticator app shows at a moment of the server's (test) clock. */
const codeAt = (iso: string) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.parse(iso) });

async function signIn(username: string, password: string): Promise<void> {
  await page.goto(app.url + '/#/admin/signin/index');
  await v('#admin-username').fill(username);
  await v('#admin-password').fill(password);
  await page.keyboard.press('Enter');
}

async function signOut(): Promise<void> {
  await v('.admin__signout').click();
  await v('.admin-signin').waitFor();
}

beforeAll(async () => {
  app = suite.app;
  page = (await suite.open(MONDAY, {}, desk)).page;
  // Everything the admin's token sets up is done now: once two-step sign-in is on, it needs a code.
  inMeilin = (await providerWithOffering(app, '梅林爱心面馆', 10, 'meilin')).providerId;
  inShatou = (await providerWithOffering(app, '沙头爱心饭堂', 10, 'shatou')).providerId;
  const admin = await app.adminToken();
  await app.api.createAdminAccount({ token: admin, body: { username: 'clerk-li', name: '李会计', role: 'clerk', password: 'clerk-password-1' } });
  const clerk = (await app.api.createAdminSession({ body: { username: 'clerk-li', password: 'clerk-password-1' } })).token;
  const asked = await app.api.createPointsAdjustment.reply({ token: clerk, body: { providerId: inMeilin, points: 5000, reason: '补发十一月配送补贴' } });
  expect(asked.status, asked.text).toBe(202);
});

describe('the programme office at the desk', () => {
  it('a clerk’s 5,000 points wait on Needs attention; the owner approves them there', async () => {
    await signIn('admin', 'test-admin-password');
    await v('.admin-cards').waitFor();
    await settled();
    expect(await v('.admin__who').innerText()).toBe('管理员（负责人）');
    const card = v('[data-card="approvals"]');
    expect(await card.locator('.admin-card__count').innerText()).toBe('1');
    expect(await card.locator('.admin-approval__what').innerText()).toBe('积分调整 · 梅林爱心面馆：5000 积分');
    expect(await card.locator('.admin-approval__by').innerText()).toContain('李会计 于');
    await shoot('approvals-zh');
    await card.locator('.admin-approval__approve').click();
    await expect.poll(() => v('.admin-approvals__notice').innerText()).toBe('已批准，变更已生效。');
    await expect.poll(() => card.locator('.admin-approval').count()).toBe(0);
    const ledger = await app.api.adminProviderPoints({ token: await app.adminToken(), params: { id: inMeilin } });
    expect(ledger.entries.map((e) => e.points)).toContain(5000);
  });

  it('turns on two-step sign-in from the profile page: QR and secret, a code confirms, ten recovery codes', async () => {
    await v('.admin__who').click();
    await v('.admin-totp__start').click();
    secret = (await v('.admin-totp__secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    // The QR holds the same secret, as an otpauth:// URI an authenticator app reads.
    const uri = await readQr(v('.admin-totp__setup .qr'));
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(uri!).searchParams.get('secret')).toBe(secret);
    await v('#f-otp').fill('000000' === codeAt(MONDAY) ? '111111' : '000000');
    await v('.admin-totp__confirm-btn').click();
    await expect.poll(() => v('[data-field="otp"] .admin-field__error').innerText()).toBe('验证码不对，请核对手机时间后输入 App 上新的验证码');
    await v('#f-otp').fill(codeAt(MONDAY));
    await v('.admin-totp__confirm-btn').click();
    await expect.poll(() => v('.admin-totp__codes li').count()).toBe(10);
    await shoot('recovery-codes-zh');
    await v('.admin-totp__kept').click();
    await v('.admin-totp__on').waitFor();
  });

  it('creates an officer for one sub-district on the accounts page', async () => {
    await v('.admin__link[data-area="accounts"]').click();
    await v('.admin-account-new').waitFor();
    await settled();
    const form = v('.admin-account-new');
    await form.locator('#f-username').fill('officer-wang');
    await form.locator('#f-name').fill('王专员');
    await form.locator('#f-role').selectOption('officer');
    await form.locator('#f-password').fill('officer-pass-1');
    await form.locator('.admin-account-new__create').click();
    await expect.poll(() => form.locator('[data-field="districts"] .admin-field__error').innerText()).toBe('街道专员至少负责一个街道');
    await form.locator('input[name="districts"][value="meilin"]').check();
    await form.locator('.admin-account-new__create').click();
    await expect.poll(() => form.locator('.admin-notice--ok').innerText()).toBe('已创建账号 officer-wang。');
    const row = v('.admin-accounts__table tr[data-row="officer-wang"]');
    await row.waitFor();
    expect(await row.locator('td[data-col="role"]').innerText()).toBe('街道专员');
    expect(await row.locator('td[data-col="districts"]').innerText()).toBe('梅林');
    expect(await v('.admin-accounts__table tr[data-row="admin"] td[data-col="totp"]').innerText()).toBe('已开启');
    await shoot('accounts-zh');
  });

  it('the officer signs in and finds only their sub-district’s providers, and no office pages', async () => {
    await signOut();
    await signIn('officer-wang', 'officer-pass-1');
    await v('.admin-cards').waitFor();
    expect(await v('.admin__who').innerText()).toBe('王专员（街道专员）');
    expect(await v('.admin__link').allInnerTexts()).toEqual(['待办', '服务点', '身份审核', '食品安全反馈']);
    await v('.admin__link[data-area="providers"]').click();
    await v(`.admin-providers__table tr[data-row="${inMeilin}"]`).waitFor();
    expect(await v(`tr[data-row="${inShatou}"]`).count()).toBe(0);
    expect(new Set(await v('.admin-providers__table td[data-col="district"]').allInnerTexts())).toEqual(new Set(['梅林']));
  });

  it('the owner’s next sign-in asks for a code from a later time step, and lands on the desk', async () => {
    await signOut();
    const later = '2026-11-30T10:00:45+08:00';
    await app.setClock(later);
    await signIn('admin', 'test-admin-password');
    const code = v('#admin-code');
    await code.waitFor();
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await shoot('signin-code-zh');
    // The code that confirmed was used: the one before does not sign in again.
    await code.fill(codeAt(MONDAY));
    await page.keyboard.press('Enter');
    await expect.poll(() => v('.admin-notice--error').innerText()).toBe('验证码不正确或已用过，请输入 App 上新的验证码。');
    await code.fill(codeAt(later));
    await page.keyboard.press('Enter');
    await v('.admin-cards').waitFor();
    expect(await v('.admin__who').innerText()).toBe('管理员（负责人）');
  });
});
