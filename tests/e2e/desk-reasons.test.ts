import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser.js';
import { deviceKey, type TestApp } from '../support/app.js';
import { browserSuite, field, tap, type PhonePage } from '../support/h5.js';
import { providerWithOffering } from '../support/people.js';

// Issue 22 items 8 and 11 on the phones: after the desk's decision, each person reads words meant
// for them — the recipient whose booking a suspension cancelled, the staff scanning at a suspended
// restaurant, the applicant whose verification was rejected. Screenshots in both languages.
const MONDAY_LUNCH = '2026-11-30T11:40:00+08:00';

const suite = browserSuite(MONDAY_LUNCH);
let app: TestApp;
beforeAll(() => {
  app = suite.app;
});

const languages = [
  { lang: 'zh', storage: { 'mcan.introSeen': '1' } },
  { lang: 'en', storage: { 'mcan.introSeen': '1', 'mcan.lang': 'en' } },
] as const;

/** A recipient's phone, signed in with a device session made beforehand (its token in the app's storage). */
async function recipientPhone(storage: Record<string, string>): Promise<{ p: PhonePage; token: string }> {
  const key = deviceKey();
  const { token } = await app.api.createDeviceSession({ body: { deviceKey: key } });
  const p = await suite.open(MONDAY_LUNCH, { ...storage, 'mcan.deviceKey': key, 'mcan.token': token });
  return { p, token };
}

describe('a suspension, as the recipient and the staff read it', () => {
  it('the cancelled booking says the provider paused service; the counter refuses with the suspension’s words', async () => {
    const place = await providerWithOffering(app, '暂停说明小馆', 10);
    const phones = await Promise.all(languages.map((l) => recipientPhone(l.storage)));
    const bookings = await Promise.all(phones.map(({ token }) => app.api.createBooking({ token, body: { offeringId: place.offeringId, windowId: 'lunch' } })));
    await app.api.suspendProvider({ token: await app.adminToken(), params: { id: place.providerId }, body: { reason: '食品安全检查' } });

    const expected = { zh: '商家暂停服务，预约已取消', en: 'Cancelled: the provider has paused service' };
    for (const [i, { lang }] of languages.entries()) {
      const { p } = phones[i]!;
      await p.page.goto(app.url + '/#/pages/bookings/index');
      const row = p.page.locator(`.booking-row[data-booking="${bookings[i]!.booking.id}"]`);
      await expect.poll(() => row.locator('.voucher-status').innerText()).toBe(expected[lang]);
      await p.page.screenshot({ path: artifactPath(`bookings-suspended-${lang}.png`), fullPage: true, animations: 'disabled' });
      await p.page.goto(app.url + `/#/pages/voucher/index?id=${bookings[i]!.booking.id}`);
      await expect.poll(() => p.page.locator('.voucher .voucher-status').innerText()).toBe(expected[lang]);
      await p.page.screenshot({ path: artifactPath(`voucher-suspended-${lang}.png`), fullPage: true, animations: 'disabled' });
    }

    const refusals = {
      zh: '本店已被项目办公室暂停服务，暂时不能核销或发放餐食。请联系项目办公室。',
      en: 'The programme office has suspended this restaurant: meals cannot be redeemed or handed out now. Please contact the office.',
    };
    const titles = { zh: '本店暂停服务', en: 'Service suspended' };
    for (const { lang, storage } of languages) {
      const p = await suite.open(MONDAY_LUNCH, storage);
      await p.page.goto(app.url + '/#/staff/signin/index');
      await field(p.page, '.staff-signin__username').fill(place.username);
      await field(p.page, '.staff-signin__password').fill('password-1');
      await tap(p.page.locator('.staff-signin__submit'));
      await p.page.locator('.keypad').waitFor();
      for (const digit of bookings[0]!.booking.code!) await tap(p.page.locator(`.keypad__key[data-key="${digit}"]`));
      await tap(p.page.locator('.staff-scan__redeem'));
      const refused = p.page.locator('[data-result="cannot"]');
      await expect.poll(() => refused.innerText()).toContain(refusals[lang]);
      // Titled for what happened: the voucher may well be good, the restaurant is not serving.
      expect(await refused.locator('.scan-result__title').innerText()).toBe(titles[lang]);
      await p.page.screenshot({ path: artifactPath(`staff-scan-suspended-${lang}.png`), animations: 'disabled' });
    }
  });
});

describe('a verification decided with a reason, as the applicant reads it', () => {
  it('the verification page says why it was rejected, and that they may apply again', async () => {
    const admin = await app.adminToken();
    const expected = {
      zh: '上次申请未通过，原因：毕业证明照片不清晰。可修改信息后重新提交。',
      en: 'Your last application was not approved: 毕业证明照片不清晰. You may correct it and apply again.',
    };
    for (const [i, { lang, storage }] of languages.entries()) {
      const { p, token } = await recipientPhone(storage);
      const { verification } = await app.api.submitVerification({ token, body: { name: '赵六', phone: `1360013600${i}`, category: 'graduate', note: '' } });
      await app.api.rejectVerification({ token: admin, params: { id: verification.id }, body: { reason: '毕业证明照片不清晰' } });
      await p.page.goto(app.url + '/#/pages/verify/index');
      await expect.poll(() => p.page.locator('.verify__decision').innerText()).toBe(expected[lang]);
      await p.page.screenshot({ path: artifactPath(`verify-rejected-${lang}.png`), fullPage: true, animations: 'disabled' });
    }
  });
});
