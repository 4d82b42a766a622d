import { deviceKey, type TestApp } from './app.js';

/** A new recipient's token. */
export async function recipient(app: TestApp): Promise<string> {
  const r = await app.call<{ token: string }>('POST', '/v1/sessions/device', { body: { deviceKey: deviceKey() } });
  if (r.status !== 200) throw new Error(`device session: ${r.text}`);
  return r.body.token;
}

/** A staff token for a seeded provider's account (e.g. staff-futian). */
export async function staff(app: TestApp, username: string, password = 'mcan-demo'): Promise<string> {
  const r = await app.call<{ token: string }>('POST', '/v1/staff/sessions', { body: { username, password } });
  if (r.status !== 200) throw new Error(`staff session: ${r.text}`);
  return r.body.token;
}

export const offering = (quota: number, windows = [{ id: 'lunch', start: '11:30', end: '13:30' }]) => ({
  name: '午餐套餐',
  kind: 'meal',
  dailyQuota: quota,
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  windows,
  standard: '两荤一素',
  valueFen: 2590,
  active: true,
});

/** A fresh ACTIVE provider with one offering and a staff account; returns their ids and staff token. */
export async function providerWithOffering(app: TestApp, name: string, quota: number) {
  const admin = await app.adminToken();
  const body = {
    name,
    kind: 'restaurant',
    district: 'futian',
    address: '测试路 1 号',
    businessLicence: { number: 'BL', expiresOn: '2030-01-01' },
    hygienePermit: { number: 'HP', expiresOn: '2030-01-01' },
  };
  const id = (await app.call('POST', '/v1/admin/providers', { token: admin, body })).body.provider.id as string;
  await app.call('POST', `/v1/admin/providers/${id}/approve`, { token: admin });
  const offeringId = `o-${id.slice(2).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  const put = await app.call('PUT', `/v1/admin/providers/${id}/offerings/${offeringId}`, { token: admin, body: offering(quota) });
  if (put.status !== 200) throw new Error(put.text);
  const username = `staff-${offeringId.slice(2, 12)}`;
  await app.call('POST', '/v1/admin/staff', { token: admin, body: { providerId: id, username, password: 'password-1', name: '店员' } });
  return { providerId: id, offeringId, staffToken: await staff(app, username, 'password-1') };
}
