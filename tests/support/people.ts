import { deviceKey, type TestApp } from './app.js';

/** A new recipient's token. */
export async function recipient(app: TestApp): Promise<string> {
  return (await app.api.createDeviceSession({ body: { deviceKey: deviceKey() } })).token;
}

/** A staff token for a seeded provider's account (e.g. staff-futian). */
export async function staff(app: TestApp, username: string, password = 'mcan-demo'): Promise<string> {
  return (await app.api.createStaffSession({ body: { username, password } })).token;
}

export const offering = (quota: number, windows = [{ id: 'lunch', start: '11:30', end: '13:30' }]) => ({
  name: '午餐套餐',
  kind: 'meal' as const,
  dailyQuota: quota,
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  windows,
  standard: '两荤一素',
  valueFen: 2590,
  active: true,
});

/** A fresh ACTIVE provider with one offering and a staff account (in Futian unless told); returns their ids and staff token. */
export async function providerWithOffering(app: TestApp, name: string, quota: number, district = 'futian') {
  const admin = await app.adminToken();
  const body = {
    name,
    kind: 'restaurant' as const,
    district,
    address: '测试路 1 号',
    businessLicence: { number: 'BL', expiresOn: '2030-01-01' },
    hygienePermit: { number: 'HP', expiresOn: '2030-01-01' },
  };
  // Every setup call must succeed (the typed client throws otherwise), or the test would run on a half-built provider.
  const id = (await app.api.createProvider({ token: admin, body })).provider.id;
  await app.api.approveProvider({ token: admin, params: { id } });
  const offeringId = `o-${id.slice(2).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  await app.api.putOffering({ token: admin, params: { id, offeringId }, body: offering(quota) });
  const username = `staff-${offeringId.slice(2, 12)}`;
  await app.api.createStaff({ token: admin, body: { providerId: id, username, password: 'password-1', name: '店员' } });
  return { providerId: id, offeringId, username, staffToken: await staff(app, username, 'password-1') };
}
