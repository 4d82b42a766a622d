import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSent } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
  admin = await app.adminToken();
});
afterAll(() => app.stop());

const provider = {
  name: '测试餐厅',
  kind: 'restaurant' as const,
  district: 'meilin',
  address: '梅林路 1 号',
  businessLicence: { number: 'BL-1', expiresOn: '2027-12-31' },
  hygienePermit: { number: 'HP-1', expiresOn: '2027-06-30' },
};

const lunch = {
  name: '午餐套餐',
  kind: 'meal' as const,
  dailyQuota: 40,
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  windows: [{ id: 'lunch', start: '11:30', end: '13:30' }],
  standard: '两荤一素',
  valueFen: 2000,
  active: true,
};

const publicIds = async (query: { district?: string } = {}) => (await app.api.listProviders({ query })).providers.map((p) => p.id);
/** A new PENDING provider's id (the typed client stops the test if setup fails). */
const newProvider = async (body = provider) => (await app.api.createProvider({ token: admin, body })).provider.id;
const approve = (id: string) => app.api.approveProvider({ token: admin, params: { id } });

describe('admin sets a provider up', () => {
  it('creates PENDING, lists only once approved, hides again when suspended', async () => {
    const created = await app.api.createProvider.reply({ token: admin, body: provider });
    expect(created.status).toBe(201);
    expect(created.body?.provider).toMatchObject({ ...provider, status: 'PENDING', id: expect.any(String) });
    const id = created.body!.provider.id;
    expect(await publicIds()).not.toContain(id);
    expect((await app.api.getProvider.reply({ params: { id } })).status).toBe(404);

    const approved = await approve(id);
    expect(approved.provider.status).toBe('ACTIVE');
    expect(await publicIds({ district: 'meilin' })).toContain(id);
    expect(await publicIds({ district: 'lianhua' })).not.toContain(id);

    expect((await app.api.approveProvider.reply({ token: admin, params: { id } })).error?.code).toBe('CONFLICT');
    expect((await app.api.suspendProvider({ token: admin, params: { id }, body: { reason: '食品安全检查' } })).provider.status).toBe('SUSPENDED');
    expect(await publicIds()).not.toContain(id);
    // A suspended provider is reinstated, not approved a second time.
    expect((await app.api.approveProvider.reply({ token: admin, params: { id } })).error?.code).toBe('CONFLICT');
    expect((await app.api.reinstateProvider({ token: admin, params: { id } })).provider.status).toBe('ACTIVE');
  });

  it('puts an offering contract and shows today’s capacity and remaining publicly', async () => {
    const id = await newProvider();
    await approve(id);
    const put = await app.api.putOffering.reply({ token: admin, params: { id, offeringId: `off-${id}` }, body: lunch });
    expect(put.status).toBe(200);
    expect(put.body?.offering).toMatchObject({ ...lunch, id: `off-${id}`, providerId: id });

    const one = await app.api.getProvider({ params: { id } });
    expect(one.provider.offerings).toEqual([
      { id: `off-${id}`, name: '午餐套餐', kind: 'meal', standard: '两荤一素', valueFen: 2000, windows: lunch.windows, capacity: 40, remaining: 40 },
    ]);

    // An offering off today (or inactive) is not among today's offerings.
    await app.api.putOffering({ token: admin, params: { id, offeringId: `off-${id}` }, body: { ...lunch, active: false } });
    expect((await app.api.getProvider({ params: { id } })).provider.offerings).toEqual([]);
  });

  it('refuses an offering id another provider already uses', async () => {
    const a = await newProvider();
    const b = await newProvider();
    expect((await app.api.putOffering.reply({ token: admin, params: { id: a, offeringId: 'shared-id' }, body: lunch })).status).toBe(200);
    const clash = await app.api.putOffering.reply({ token: admin, params: { id: b, offeringId: 'shared-id' }, body: lunch });
    expect(clash.status).toBe(409);
    expect(clash.error?.code).toBe('CONFLICT');
    expect((await app.api.adminGetProvider.reply({ token: admin, params: { id: b } })).status).toBe(200);
  });

  it('hides providers whose licence or permit has expired, by the Asia/Shanghai date', async () => {
    const expiring = { ...provider, hygienePermit: { number: 'HP-2', expiresOn: '2026-11-30' } };
    const id = await newProvider(expiring);
    try {
      // Approved on the permit's last valid day (approval refuses an expired one).
      await app.setClock('2026-11-30T23:59:00+08:00');
      await approve(id);
      expect(await publicIds()).toContain(id);
      // 16:00 UTC on the 30th is already 1 December in Shanghai.
      await app.setClock('2026-11-30T16:00:00Z');
      expect(await publicIds()).not.toContain(id);
    } finally {
      await app.setClock(null);
    }
  });

  it('refuses to approve a provider whose licence or permit expired, naming them; renewed, it is approved', async () => {
    const lapsed = { ...provider, businessLicence: { number: 'BL-3', expiresOn: '2020-06-30' }, hygienePermit: { number: 'HP-3', expiresOn: '2026-11-30' } };
    const id = await newProvider(lapsed);
    try {
      await app.setClock('2026-11-30T23:59:00+08:00');
      const refused = await app.api.approveProvider.reply({ token: admin, params: { id } });
      expect(refused.status).toBe(409);
      // The permit is valid through its last day: only the licence stands in the way.
      expect(refused.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'documents', documents: [{ document: 'businessLicence', expiresOn: '2020-06-30' }] } });
      expect((await app.api.adminGetProvider({ token: admin, params: { id } })).provider.status).toBe('PENDING');

      // 16:00 UTC on the 30th is already 1 December in Shanghai: now the permit has lapsed too.
      await app.setClock('2026-11-30T16:00:00Z');
      const both = await app.api.approveProvider.reply({ token: admin, params: { id } });
      expect(both.error?.details).toEqual({
        reason: 'documents',
        documents: [
          { document: 'businessLicence', expiresOn: '2020-06-30' },
          { document: 'hygienePermit', expiresOn: '2026-11-30' },
        ],
      });

      const { updatedAt } = (await app.api.adminGetProvider({ token: admin, params: { id } })).provider;
      await app.api.updateProvider({ token: admin, params: { id }, body: { businessLicence: { number: 'BL-3', expiresOn: '2030-06-30' }, hygienePermit: { number: 'HP-3', expiresOn: '2027-11-30' }, updatedAt } });
      expect((await approve(id)).provider.status).toBe('ACTIVE');
      expect(await publicIds()).toContain(id);
    } finally {
      await app.setClock(null);
    }
  });

  it('edits a provider with PATCH and validates the sub-district', async () => {
    const id = await newProvider();
    const readAt = (await app.api.adminGetProvider({ token: admin, params: { id } })).provider.updatedAt;
    const moved = await app.api.updateProvider.reply({ token: admin, params: { id }, body: { district: 'huafu', address: '华富路 2 号', updatedAt: readAt } });
    expect(moved.status).toBe(200);
    expect(moved.body?.provider).toMatchObject({ district: 'huafu', address: '华富路 2 号', name: provider.name, status: 'PENDING' });
    const unknown = await app.api.updateProvider.reply({ token: admin, params: { id }, body: { district: 'atlantis', updatedAt: moved.body!.provider.updatedAt } });
    expect(unknown.status).toBe(422);
    expect(unknown.error?.details).toEqual([expect.objectContaining({ field: 'district' })]);
    // Status, ids and points cannot be mass-assigned (fields outside the contract: sent raw).
    for (const sneaky of [{ status: 'ACTIVE' }, { id: 'x' }, { points: 1000 }]) {
      const r = await app.call('PATCH', `/v1/admin/providers/${id}`, { token: admin, body: sneaky });
      expect(r.status).toBe(422);
    }
    expect((await app.api.adminGetProvider({ token: admin, params: { id } })).provider.status).toBe('PENDING');
    expect((await app.api.updateProvider.reply({ token: admin, params: { id: 'nope' }, body: { name: 'x', updatedAt: readAt } })).status).toBe(404);
  });

  it('creates staff bound to a provider who can then sign in; usernames are unique', async () => {
    const id = await newProvider();
    const staff = { providerId: id, username: `cook-${id.slice(2, 8).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`, password: 'longenough', name: '王师傅' };
    const created = await app.api.createStaff.reply({ token: admin, body: staff });
    expect(created.status).toBe(201);
    // The staff member as sent, so that a field beyond these (a password hash) fails here rather than being parsed away.
    expect((asSent(created) as { staff: unknown }).staff).toEqual({ id: expect.any(String), providerId: id, username: staff.username, name: '王师傅', disabled: false });
    expect(created.text).not.toContain('longenough');
    expect((await app.api.createStaff.reply({ token: admin, body: staff })).status).toBe(409);
    const signIn = await app.api.createStaffSession({ body: { username: staff.username, password: 'longenough' } });
    expect(signIn.staff.providerId).toBe(id);

    const short = await app.api.createStaff.reply({ token: admin, body: { ...staff, username: 'other', password: 'short' } });
    expect(short.status).toBe(422);
    const orphan = await app.api.createStaff.reply({ token: admin, body: { ...staff, username: 'orphan', providerId: 'p_none' } });
    expect(orphan.status).toBe(422);
  });

  it('validates offering contracts: windows in order and not overlapping, weekdays 1–7', async () => {
    const id = await newProvider();
    const bad = [
      { ...lunch, windows: [{ id: 'w', start: '13:30', end: '11:30' }] },
      { ...lunch, windows: [{ id: 'a', start: '11:00', end: '12:00' }, { id: 'b', start: '11:30', end: '13:00' }] },
      { ...lunch, weekdays: [0] },
      { ...lunch, dailyQuota: -1 },
      { ...lunch, valueFen: 12.5 },
    ];
    for (const body of bad) {
      expect((await app.api.putOffering.reply({ token: admin, params: { id, offeringId: 'o-bad' }, body })).status).toBe(422);
    }
    expect((await app.api.putOffering.reply({ token: admin, params: { id: 'p_missing', offeringId: 'o-x' }, body: lunch })).status).toBe(404);
  });

  it('adds a sub-district as data', async () => {
    const r = await app.api.putDistrict.reply({ token: admin, params: { id: 'chegongmiao' }, body: { name: '车公庙' } });
    expect(r.status).toBe(200);
    expect(await app.api.listDistricts()).toContainEqual({ id: 'chegongmiao', name: '车公庙' });
  });
});
