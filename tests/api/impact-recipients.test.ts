import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceKey, startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering, staff } from '../support/people.js';

/**
 * Distinct people over ranges longer than a month: the "受助人数 ≤ 8,542" against 4,467
 * real people. Who is served when (three people over a quarter and into the next year;
 * at most three meals each, the most an unverified person gets):
 */
const SERVINGS: [person: number, date: string][] = [
  [0, '2026-10-30'],
  [1, '2026-10-30'],
  [0, '2026-11-02'],
  [2, '2026-11-02'],
  [0, '2026-12-01'],
  [1, '2026-12-15'],
  [2, '2027-01-04'],
];

describe('distinct recipients over months, quarters and years', () => {
  let app: TestApp;
  const devices = [deviceKey(), deviceKey(), deviceKey()];
  beforeAll(async () => {
    app = await startTestApp({ seed: true });
    await app.setClock('2026-10-30T09:00:00+08:00');
    const { offeringId, username } = await providerWithOffering(app, '跨月餐厅', 20);
    for (const [person, date] of SERVINGS) {
      await app.setClock(`${date}T11:40:00+08:00`);
      // Sessions do not outlive the clock's months: each day signs in afresh (the same device is the same person).
      const token = (await app.api.createDeviceSession({ body: { deviceKey: devices[person]! } })).token;
      const { booking } = await app.api.createBooking({ token, body: { offeringId, windowId: 'lunch' } });
      await app.api.redeem({ token: await staff(app, username, 'password-1'), body: { code: booking.code! } });
    }
  }, 120_000);
  afterAll(() => app.stop());

  const recipients = async (from: string, to: string) => (await app.api.adminStats({ token: await app.adminToken(true), query: { from, to, by: 'month' } })).totals;
  const distinct = (from: string, to: string) => new Set(SERVINGS.filter(([, d]) => d >= from && d <= to).map(([p]) => p)).size;

  async function expectExact() {
    // A quarter: person 0 was served in all three months and counts once.
    expect(await recipients('2026-10-01', '2026-12-31')).toMatchObject({ recipients: 3, recipientsExact: true, personTimes: 6 });
    // A year, and a quarter to date, and a year to date.
    expect(await recipients('2026-01-01', '2026-12-31')).toMatchObject({ recipients: 3, recipientsExact: true });
    expect(await recipients('2026-10-01', '2026-11-30')).toMatchObject({ recipients: distinct('2026-10-01', '2026-11-30'), recipientsExact: true });
    expect(await recipients('2027-01-01', '2027-01-04')).toMatchObject({ recipients: 1, recipientsExact: true });
    // Everything from the first day, across the new year.
    expect(await recipients('2026-10-30', '2027-01-04')).toMatchObject({ recipients: 3, recipientsExact: true });
    // A month.
    expect(await recipients('2026-12-01', '2026-12-31')).toMatchObject({ recipients: 2, recipientsExact: true });
  }

  it('are exact for a month, a quarter or a year (or one to date), live', async () => {
    await app.setClock('2027-01-04T15:00:00+08:00');
    await expectExact();
  });

  it('are exact from the rolled-up figures too', async () => {
    await app.setClock('2027-01-05T03:00:00+08:00');
    await app.call('POST', '/__test__/jobs/roll-up-impact');
    await expectExact();
  });

  it('a range cut across periods says its number is an upper bound, never less than the people served', async () => {
    // Nov 2 – Dec 15: person 0, served in both months, counts in each piece.
    const cut = await recipients('2026-11-02', '2026-12-15');
    expect(cut).toMatchObject({ recipients: 4, recipientsExact: false });
    expect(cut.recipients).toBeGreaterThanOrEqual(distinct('2026-11-02', '2026-12-15'));
  });
});
