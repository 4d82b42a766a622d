import { expect, it } from 'vitest';
import { browserSuite, field, stored, tap } from '../support/h5.js';

// Where device keys are off (as on AWS), the H5 app asks for a phone confirmed by SMS before the
// first booking; the code comes from the server's SMS stand-in.
const suite = browserSuite('2026-11-30T11:40:00+08:00', { deviceKeys: false });

it('booking without a session opens the phone page; after the SMS code the booking goes through', async () => {
  const r = await suite.open();
  await r.page.goto(suite.app.url + '/#/pages/provider/index?id=demo-futian');
  const lunch = r.page.locator('[data-offering="demo-futian-lunch"]');
  await tap(lunch.locator('.book-window[data-window="lunch"]'));
  await r.page.locator('.phone-signin').waitFor();
  await field(r.page, '.phone-signin__number').fill('13800138000');
  await tap(r.page.locator('.phone-signin__send'));
  await expect.poll(() => suite.app.smsCode('13800138000')).toMatch(/^\d{6}$/);
  await field(r.page, '.phone-signin__code').fill(suite.app.smsCode('13800138000')!);
  await tap(r.page.locator('.phone-signin__submit'));
  await lunch.waitFor();
  expect(await stored(r.page, 'mcan.token')).toBeTruthy();
  expect(await stored(r.page, 'mcan.deviceKey')).toBeUndefined();
  await tap(lunch.locator('.book-window[data-window="lunch"]'));
  await r.page.locator('.voucher__qr').waitFor();
});
