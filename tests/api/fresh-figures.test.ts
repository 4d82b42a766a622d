/**
 * A fresh server, before the nightly roll-up has ever run: distinct recipients are as exact as
 * after it. (They were summed per day, so one person served on two days counted 2 in the admin
 * figures while the public ones said 1.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering, recipient, staff } from '../support/people.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
});
afterAll(() => app.stop());

describe('distinct recipients before the first roll-up', () => {
  it('one person served on two days is one recipient, in the admin figures and the public ones alike', async () => {
    await app.setClock('2026-11-24T11:40:00+08:00');
    const place = await providerWithOffering(app, '新开张餐厅', 10);
    const token = await recipient(app);
    for (const day of ['2026-11-24', '2026-11-25']) {
      await app.setClock(`${day}T11:40:00+08:00`);
      const booked = await app.api.createBooking({ token, body: { offeringId: place.offeringId, windowId: 'lunch' } });
      // A staff session lasts 12 hours: sign in anew each day.
      await app.api.redeem({ token: await staff(app, place.username, 'password-1'), body: { code: booked.booking.code! } });
    }
    const admin = await app.adminToken();
    const stats = await app.api.adminStats({ token: admin, query: { from: '2026-11-24', to: '2026-11-25', by: 'day' } });
    expect(stats.totals).toMatchObject({ meals: 2, recipients: 1, recipientsExact: true });
    expect((await app.api.publicStats()).totals).toMatchObject({ meals: 2, recipients: 1 });
  });
});
