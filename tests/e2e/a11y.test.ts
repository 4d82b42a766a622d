import AxeBuilder from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser.js';
import type { TestApp } from '../support/app.js';
import { browserSuite, field, tap, type PhonePage } from '../support/h5.js';
import { recipient } from '../support/people.js';

// Issue 12, item 12: audited by a tool no one here wrote (axe-core, WCAG 2.0/2.1 A and AA) on
// every page in both languages, and the two core tasks done with a keyboard alone.
const MONDAY_LUNCH = '2026-11-30T11:40:00+08:00';
const suite = browserSuite(MONDAY_LUNCH);
let app: TestApp;
beforeAll(() => {
  app = suite.app;
});

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function audit(p: PhonePage, name: string): Promise<string[]> {
  const result = await new AxeBuilder({ page: p.page }).withTags(tags).analyze();
  return result.violations.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

async function staffSignIn(p: PhonePage, username: string): Promise<void> {
  await p.page.goto(app.url + '/#/staff/signin/index');
  await field(p.page, '.staff-signin__username').fill(username);
  await field(p.page, '.staff-signin__password').fill('mcan-demo');
  await tap(p.page.locator('.staff-signin__submit'));
  await p.page.locator('.keypad').waitFor();
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`axe in ${lang}`, () => {
    it('finds no WCAG A/AA violation on any recipient page', async () => {
      const p = await suite.open(MONDAY_LUNCH, { 'mcan.lang': lang });
      const found: string[] = [];
      await p.page.goto(app.url + '/');
      await p.page.locator('.intro').waitFor();
      found.push(...(await audit(p, 'intro')));
      await tap(p.page.locator('.intro__ok'));
      await p.page.locator('.provider-card').first().waitFor();
      found.push(...(await audit(p, 'home')));

      await p.page.goto(app.url + '/#/pages/provider/index?id=demo-futian');
      await p.page.locator('.offering-card').first().waitFor();
      found.push(...(await audit(p, 'provider')));
      await tap(p.page.locator('.book-window[data-window="dinner"]'));
      await p.page.locator('.voucher__code').waitFor();
      await p.page.locator('.voucher .place').waitFor();
      found.push(...(await audit(p, 'voucher')));
      await tap(p.page.locator('.voucher__cancel'));
      await p.page.locator('.dialog').waitFor();
      found.push(...(await audit(p, 'cancel dialog')));
      await tap(p.page.locator('.dialog__cancel'));

      await p.page.goto(app.url + '/#/pages/bookings/index');
      await p.page.locator('.booking-row').first().waitFor();
      found.push(...(await audit(p, 'bookings')));
      await p.page.goto(app.url + '/#/pages/verify/index');
      await p.page.locator('.verify__form').waitFor();
      await tap(p.page.locator('.verify__submit'));
      await p.page.locator('.field__error').first().waitFor();
      found.push(...(await audit(p, 'verify with errors')));
      await p.page.goto(app.url + '/#/pages/walkin/index');
      await p.page.locator('.walkin__submit').waitFor();
      found.push(...(await audit(p, 'walk-in')));
      await p.page.goto(app.url + '/#/pages/report/index?provider=demo-futian');
      await p.page.locator('.report__provider').getByText('福田', { exact: false }).or(p.page.locator('.report__provider').getByText('Futian', { exact: false })).waitFor();
      await tap(p.page.locator('.report__submit'));
      await p.page.locator('.field__error').first().waitFor();
      found.push(...(await audit(p, 'safety report with errors')));
      expect(found).toEqual([]);
    });

    it('finds no WCAG A/AA violation on any staff page', async () => {
      const p = await suite.open(MONDAY_LUNCH, { 'mcan.lang': lang, 'mcan.introSeen': '1' });
      const found: string[] = [];
      await p.page.goto(app.url + '/#/staff/signin/index');
      await p.page.locator('.staff-signin__submit').waitFor();
      await tap(p.page.locator('.staff-signin__submit'));
      await p.page.locator('.field__error').first().waitFor();
      found.push(...(await audit(p, 'sign-in')));
      await staffSignIn(p, lang === 'en' ? 'staff-shatou' : 'staff-fubao');
      found.push(...(await audit(p, 'scan')));
      for (const digit of '00000000') await tap(p.page.locator(`.keypad__key[data-key="${digit}"]`));
      await tap(p.page.locator('.staff-scan__redeem'));
      await p.page.locator('[data-result="fail"]').waitFor();
      found.push(...(await audit(p, 'scan result')));
      for (const tab of ['today', 'poster', 'points', 'thanks', 'catalog', 'exchanges'] as const) {
        await p.page.goto(app.url + `/#/staff/${tab}/index`);
        await p.page.locator(`.staff-${tab}`).waitFor();
        await p.page.locator('.status--loading').waitFor({ state: 'detached' });
        found.push(...(await audit(p, tab)));
      }
      expect(found).toEqual([]);
    });
  });
}

describe('with a keyboard alone', () => {
  it('books a meal: Tab to the intro button, Enter, then to a provider and its book button', async () => {
    const p = await suite.open(MONDAY_LUNCH);
    await p.page.goto(app.url + '/');
    await p.page.locator('.intro').waitFor();
    // The welcome dialog is modal: focus starts inside it, and Esc closes it.
    await expect.poll(() => p.page.evaluate(() => document.activeElement?.classList.contains('intro__ok'))).toBe(true);
    await p.page.keyboard.press('Escape');
    await expect(p.page.locator('.intro').count()).resolves.toBe(0);
    await p.page.locator('.provider-card').first().waitFor();

    const focusOn = async (selector: string, limit = 60) => {
      for (let i = 0; i < limit; i++) {
        await p.page.keyboard.press('Tab');
        if (await p.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await focusOn('.provider-card[data-provider="demo-yuanling"]');
    await p.page.keyboard.press('Enter');
    await p.page.locator('.offering-card').first().waitFor();
    await focusOn('.book-window[data-window="dinner"]');
    await p.page.screenshot({ path: artifactPath('keyboard-book.png'), animations: 'disabled' });
    await p.page.keyboard.press('Enter');
    await p.page.locator('.voucher__code').waitFor();
  });

  it('redeems a code: digits on the keyboard, Enter', async () => {
    const token = await recipient(app);
    const booked = await app.api.createBooking.reply({ token, body: { offeringId: 'demo-huafu-lunch', windowId: 'lunch' } });
    expect(booked.status).toBe(201);
    const p = await suite.open(MONDAY_LUNCH, { 'mcan.introSeen': '1' });
    await p.page.goto(app.url + '/#/staff/signin/index');
    await p.page.locator('.staff-signin__username').waitFor();
    await p.page.keyboard.press('Tab');
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 20; i++) {
        if (await p.page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector)) return;
        await p.page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('.staff-signin__username');
    await p.page.keyboard.type('staff-huafu');
    await tabTo('.staff-signin__password');
    await p.page.keyboard.type('mcan-demo');
    await p.page.keyboard.press('Enter');
    await p.page.locator('.keypad').waitFor();
    await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await p.page.keyboard.type(booked.body!.booking.code!);
    await p.page.keyboard.press('Enter');
    await p.page.locator('[data-result="ok"]').waitFor();
  });
});
