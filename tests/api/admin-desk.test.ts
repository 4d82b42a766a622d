// The admin desk's reads: the provider list (search, filters, cursor paging), one provider with its
// contracts, its staff, its poster, and the documents about to expire.
import type * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminProvidersQuery, ProviderInput } from '../../functions/contract/admin.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { allPages } from '../support/paging.js';

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
  await app.setClock('2026-11-28T10:00:00+08:00');
  admin = await app.adminToken();
});
afterAll(() => app.stop());

const base = {
  kind: 'restaurant' as const,
  district: 'meilin',
  address: '梅林路 1 号',
  businessLicence: { number: 'BL-1', expiresOn: '2027-12-31' },
  hygienePermit: { number: 'HP-1', expiresOn: '2027-06-30' },
};

async function create(name: string, extra: Partial<ProviderInput> = {}): Promise<string> {
  const r = await app.api.createProvider.reply({ token: admin, body: { ...base, name, ...extra } });
  expect(r.status).toBe(201);
  return r.body!.provider.id;
}

type Query = z.input<typeof AdminProvidersQuery>;
const list = async (query: Query) => {
  const r = await app.api.adminListProviders.reply({ token: admin, query });
  expect(r.status).toBe(200);
  return r.body!;
};

/** Every id a query lists, following `next` to the end. */
async function walk(query: Query, limit: number): Promise<{ ids: string[]; pages: number }> {
  const pages = await allPages((after) => list({ ...query, limit, ...after }));
  for (const page of pages) expect(page.providers.length).toBeLessThanOrEqual(limit);
  return { ids: pages.flatMap((p) => p.providers.map((x) => x.id)), pages: pages.length };
}

describe('the admin provider list', () => {
  const made: string[] = [];
  beforeAll(async () => {
    // A second apart, so that "newest first" has one answer.
    for (let i = 0; i < 7; i++) {
      await app.setClock(`2026-11-28T10:00:0${i}+08:00`);
      made.push(await create(`面馆${i}`, i % 2 ? { district: 'huafu', kind: 'base' } : {}));
    }
    await app.setClock('2026-11-28T10:00:00+08:00');
    await app.api.approveProvider({ token: admin, params: { id: made[0]! } });
    await app.api.suspendProvider({ token: admin, params: { id: made[0]! }, body: { reason: '食品安全检查' } });
    await app.api.approveProvider({ token: admin, params: { id: made[2]! } });
  });

  it('pages through every provider once, newest first, with no silent cut', async () => {
    const { ids, pages } = await walk({ q: '面馆' }, 3);
    expect(pages).toBe(3);
    expect(ids).toEqual([...made].reverse());
    const whole = await list({ q: '面馆', limit: 200 });
    expect(whole.next).toBeNull();
    expect(whole.providers.map((p) => p.id)).toEqual([...made].reverse());
  });

  it('filters by status, sub-district and kind, and pages filtered lists too', async () => {
    expect((await list({ status: 'SUSPENDED' })).providers.map((p) => p.id)).toEqual([made[0]]);
    expect((await list({ status: 'ACTIVE' })).providers.map((p) => p.id)).toEqual([made[2]]);
    const huafu = await walk({ district: 'huafu' }, 1);
    expect(huafu.ids).toEqual([made[5], made[3], made[1]]);
    expect((await walk({ kind: 'base', status: 'PENDING' }, 2)).ids).toEqual([made[5], made[3], made[1]]);
    expect((await list({ district: 'meilin', kind: 'base' })).providers).toEqual([]);
  });

  it('searches the name, the address or the exact id', async () => {
    expect((await list({ q: '面馆4' })).providers.map((p) => p.id)).toEqual([made[4]]);
    expect((await list({ q: made[6]! })).providers.map((p) => p.id)).toEqual([made[6]]);
    const addressed = await create('粥铺', { address: '福田区彩田路 9 号' });
    expect((await list({ q: '彩田路' })).providers.map((p) => p.id)).toEqual([addressed]);
    expect((await list({ q: 'nothing-like-this' })).providers).toEqual([]);
  });

  it('refuses a made-up or foreign cursor and a bad limit with 422, never a 500', async () => {
    const foreign = Buffer.from(JSON.stringify({ PK: 'X', SK: 'Y', GSI2PK: 'LIVE#2026-11-28', GSI2SK: 'z' })).toString('base64url');
    for (const q of ['cursor=garbage', `cursor=${foreign}`, 'limit=0', 'limit=201', 'limit=ten', 'status=OPEN', 'sort=name']) {
      // Raw query strings: a made-up status and an unknown field are what the typed client would not send.
      const r = await app.call<{ error: { code: string } }>('GET', `/v1/admin/providers?${q}`, { token: admin });
      expect(r.status, q).toBe(422);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('is for admins only', async () => {
    expect((await app.api.adminListProviders.reply()).status).toBe(401);
  });
});

describe('one provider at the desk', () => {
  it('shows its contracts, its staff and its poster', async () => {
    const id = await create('饺子馆');
    const lunch = { name: '午餐', kind: 'meal' as const, dailyQuota: 20, weekdays: [1, 2, 3], windows: [{ id: 'l', start: '11:30', end: '13:00' }], standard: '一荤两素', valueFen: 1500, active: true };
    expect((await app.api.putOffering.reply({ token: admin, params: { id, offeringId: 'jz-lunch' }, body: lunch })).status).toBe(200);
    const detail = await app.api.adminGetProvider({ token: admin, params: { id } });
    expect(detail.offerings).toEqual([expect.objectContaining({ ...lunch, id: 'jz-lunch', providerId: id })]);

    expect((await app.api.adminListStaff({ token: admin, params: { id } })).staff).toEqual([]);
    for (const username of ['jz-b', 'jz-a']) {
      const r = await app.api.createStaff.reply({ token: admin, body: { providerId: id, username, password: 'longenough', name: '师傅' } });
      expect(r.status).toBe(201);
    }
    const listed = await app.api.adminListStaff.reply({ token: admin, params: { id } });
    const staff = listed.body!.staff;
    expect(staff.map((s) => s.username)).toEqual(['jz-a', 'jz-b']);
    // The answer as sent: the parsed body has already lost any field the contract does not name.
    expect(listed.text).not.toMatch(/password|hash/i);

    const poster = await app.api.adminProviderPoster({ token: admin, params: { id } });
    expect(poster.poster).toMatch(new RegExp(`^M1W\\.${id}\\.`));
    expect((await app.api.adminProviderPoster({ token: admin, params: { id } })).poster).toBe(poster.poster);
    expect((await app.api.adminProviderPoster.reply({ token: admin, params: { id: 'p_none' } })).status).toBe(404);
    expect((await app.api.adminListStaff.reply({ token: admin, params: { id: 'p_none' } })).status).toBe(404);
  });
});

describe('documents about to expire', () => {
  it('lists expired and soon-expiring licences and permits, soonest first, in Shanghai dates', async () => {
    // Today is 2026-11-28 in Shanghai.
    const expired = await create('过期店', { hygienePermit: { number: 'HP-OLD', expiresOn: '2026-11-27' } });
    const soon = await create('将到期店', { businessLicence: { number: 'BL-SOON', expiresOn: '2026-12-28' } });
    const later = await create('远期店', { businessLicence: { number: 'BL-LATER', expiresOn: '2026-12-29' } });
    const r = await app.api.expiringDocuments.reply({ token: admin });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ asOf: '2026-11-28', days: 30 });
    const mine = r.body!.documents.filter((d) => [expired, soon, later].includes(d.providerId));
    expect(mine).toEqual([
      { providerId: expired, providerName: '过期店', district: 'meilin', status: 'PENDING', document: 'hygienePermit', number: 'HP-OLD', expiresOn: '2026-11-27', daysLeft: -1 },
      { providerId: soon, providerName: '将到期店', district: 'meilin', status: 'PENDING', document: 'businessLicence', number: 'BL-SOON', expiresOn: '2026-12-28', daysLeft: 30 },
    ]);
    const wider = await app.api.expiringDocuments({ token: admin, query: { days: 31 } });
    expect(wider.documents.map((d) => d.providerId)).toContain(later);
    expect((await app.api.expiringDocuments.reply({ token: admin, query: { days: -1 } })).status).toBe(422);
  });
});

describe('paging a filtered list that spans several reads', () => {
  it('walks 60 providers 7 at a time with a filter, each match exactly once', async () => {
    const huafu: string[] = [];
    for (let i = 0; i < 60; i++) {
      await app.setClock(`2026-11-28T11:${String(i).padStart(2, '0')}:00+08:00`);
      const id = await create(`批量${i}`, i % 3 === 0 ? { district: 'huafu' } : {});
      if (i % 3 === 0) huafu.unshift(id);
    }
    await app.setClock('2026-11-28T10:00:00+08:00');
    const { ids, pages } = await walk({ q: '批量', district: 'huafu' }, 7);
    expect(ids).toEqual(huafu);
    expect(pages).toBe(3);
  });
});
