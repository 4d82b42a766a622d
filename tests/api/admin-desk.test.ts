// The admin desk's reads: the provider list (search, filters, cursor paging), one provider with its
// contracts, its staff, its poster, and the documents about to expire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  kind: 'restaurant',
  district: 'meilin',
  address: '梅林路 1 号',
  businessLicence: { number: 'BL-1', expiresOn: '2027-12-31' },
  hygienePermit: { number: 'HP-1', expiresOn: '2027-06-30' },
};

async function create(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await app.call('POST', '/v1/admin/providers', { token: admin, body: { ...base, name, ...extra } });
  expect(r.status).toBe(201);
  return r.body.provider.id;
}

type Listed = { providers: Array<{ id: string; name: string; status: string }>; next: string | null };
const list = async (query: string) => {
  const r = await app.call<Listed>('GET', `/v1/admin/providers?${query}`, { token: admin });
  expect(r.status).toBe(200);
  return r.body;
};

/** Every id a query lists, following `next` to the end. */
async function walk(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const pages = await allPages(({ cursor }) => list(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
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
    await app.call('POST', `/v1/admin/providers/${made[0]}/approve`, { token: admin });
    await app.call('POST', `/v1/admin/providers/${made[0]}/suspend`, { token: admin });
    await app.call('POST', `/v1/admin/providers/${made[2]}/approve`, { token: admin });
  });

  it('pages through every provider once, newest first, with no silent cut', async () => {
    const { ids, pages } = await walk('q=面馆', 3);
    expect(pages).toBe(3);
    expect(ids).toEqual([...made].reverse());
    const whole = await list('q=面馆&limit=200');
    expect(whole.next).toBeNull();
    expect(whole.providers.map((p) => p.id)).toEqual([...made].reverse());
  });

  it('filters by status, sub-district and kind, and pages filtered lists too', async () => {
    expect((await list('status=SUSPENDED')).providers.map((p) => p.id)).toEqual([made[0]]);
    expect((await list('status=ACTIVE')).providers.map((p) => p.id)).toEqual([made[2]]);
    const huafu = await walk('district=huafu', 1);
    expect(huafu.ids).toEqual([made[5], made[3], made[1]]);
    expect((await walk('kind=base&status=PENDING', 2)).ids).toEqual([made[5], made[3], made[1]]);
    expect((await list('district=meilin&kind=base')).providers).toEqual([]);
  });

  it('searches the name, the address or the exact id', async () => {
    expect((await list('q=面馆4')).providers.map((p) => p.id)).toEqual([made[4]]);
    expect((await list(`q=${made[6]}`)).providers.map((p) => p.id)).toEqual([made[6]]);
    const addressed = await create('粥铺', { address: '福田区彩田路 9 号' });
    expect((await list(`q=${encodeURIComponent('彩田路')}`)).providers.map((p) => p.id)).toEqual([addressed]);
    expect((await list('q=nothing-like-this')).providers).toEqual([]);
  });

  it('refuses a made-up or foreign cursor and a bad limit with 422, never a 500', async () => {
    const foreign = Buffer.from(JSON.stringify({ PK: 'X', SK: 'Y', GSI2PK: 'LIVE#2026-11-28', GSI2SK: 'z' })).toString('base64url');
    for (const q of ['cursor=garbage', `cursor=${foreign}`, 'limit=0', 'limit=201', 'limit=ten', 'status=OPEN', 'sort=name']) {
      const r = await app.call('GET', `/v1/admin/providers?${q}`, { token: admin });
      expect(r.status, q).toBe(422);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('is for admins only', async () => {
    expect((await app.call('GET', '/v1/admin/providers')).status).toBe(401);
  });
});

describe('one provider at the desk', () => {
  it('shows its contracts, its staff and its poster', async () => {
    const id = await create('饺子馆');
    const lunch = { name: '午餐', kind: 'meal', dailyQuota: 20, weekdays: [1, 2, 3], windows: [{ id: 'l', start: '11:30', end: '13:00' }], standard: '一荤两素', valueFen: 1500, active: true };
    expect((await app.call('PUT', `/v1/admin/providers/${id}/offerings/jz-lunch`, { token: admin, body: lunch })).status).toBe(200);
    const detail = await app.call('GET', `/v1/admin/providers/${id}`, { token: admin });
    expect(detail.body.offerings).toEqual([expect.objectContaining({ ...lunch, id: 'jz-lunch', providerId: id })]);

    expect((await app.call('GET', `/v1/admin/providers/${id}/staff`, { token: admin })).body.staff).toEqual([]);
    for (const username of ['jz-b', 'jz-a']) {
      const r = await app.call('POST', '/v1/admin/staff', { token: admin, body: { providerId: id, username, password: 'longenough', name: '师傅' } });
      expect(r.status).toBe(201);
    }
    const staff = (await app.call('GET', `/v1/admin/providers/${id}/staff`, { token: admin })).body.staff;
    expect(staff.map((s: { username: string }) => s.username)).toEqual(['jz-a', 'jz-b']);
    expect(JSON.stringify(staff)).not.toMatch(/password|hash/i);

    const poster = await app.call('GET', `/v1/admin/providers/${id}/poster`, { token: admin });
    expect(poster.body.poster).toMatch(new RegExp(`^M1W\\.${id}\\.`));
    expect((await app.call('GET', `/v1/admin/providers/${id}/poster`, { token: admin })).body.poster).toBe(poster.body.poster);
    expect((await app.call('GET', '/v1/admin/providers/p_none/poster', { token: admin })).status).toBe(404);
    expect((await app.call('GET', '/v1/admin/providers/p_none/staff', { token: admin })).status).toBe(404);
  });
});

describe('documents about to expire', () => {
  it('lists expired and soon-expiring licences and permits, soonest first, in Shanghai dates', async () => {
    // Today is 2026-11-28 in Shanghai.
    const expired = await create('过期店', { hygienePermit: { number: 'HP-OLD', expiresOn: '2026-11-27' } });
    const soon = await create('将到期店', { businessLicence: { number: 'BL-SOON', expiresOn: '2026-12-28' } });
    const later = await create('远期店', { businessLicence: { number: 'BL-LATER', expiresOn: '2026-12-29' } });
    const r = await app.call('GET', '/v1/admin/providers/expiring', { token: admin });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ asOf: '2026-11-28', days: 30 });
    const mine = r.body.documents.filter((d: { providerId: string }) => [expired, soon, later].includes(d.providerId));
    expect(mine).toEqual([
      { providerId: expired, providerName: '过期店', district: 'meilin', status: 'PENDING', document: 'hygienePermit', number: 'HP-OLD', expiresOn: '2026-11-27', daysLeft: -1 },
      { providerId: soon, providerName: '将到期店', district: 'meilin', status: 'PENDING', document: 'businessLicence', number: 'BL-SOON', expiresOn: '2026-12-28', daysLeft: 30 },
    ]);
    const wider = await app.call('GET', '/v1/admin/providers/expiring?days=31', { token: admin });
    expect(wider.body.documents.map((d: { providerId: string }) => d.providerId)).toContain(later);
    expect((await app.call('GET', '/v1/admin/providers/expiring?days=-1', { token: admin })).status).toBe(422);
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
    const { ids, pages } = await walk(`q=${encodeURIComponent('批量')}&district=huafu`, 7);
    expect(ids).toEqual(huafu);
    expect(pages).toBe(3);
  });
});
