// Nothing is overwritten: an edit carries the version it was made from, and one made from an
// older version is refused instead of putting back what its author read. (The catalogue's own
// story, stock included, is in exchanges.test.ts; this is the provider profile's.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { offering, providerWithOffering } from '../support/people.js';

describe('a provider edit carries the updatedAt it was read at', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: false });
  });
  afterAll(() => app.stop());

  it('an edit from before a suspension or another edit is 409 with the provider as it is now; from the current one, 200', async () => {
    const admin = await app.adminToken();
    const { providerId: id } = await providerWithOffering(app, '旧资料', 5);
    // Two desks open the profile …
    const opened = (await app.api.adminGetProvider({ token: admin, params: { id } })).provider;
    // … one saves an address, then the provider is suspended …
    await app.setClock('2026-11-30T10:00:00+08:00');
    const first = await app.api.updateProvider({ token: admin, params: { id }, body: { address: '新地址 8 号', updatedAt: opened.updatedAt } });
    await app.setClock('2026-11-30T10:01:00+08:00');
    await app.api.suspendProvider({ token: admin, params: { id }, body: { reason: '食品安全检查' } });
    // … and the other saves a name from the profile it opened: refused, nothing written.
    const stale = await app.api.updateProvider.reply({ token: admin, params: { id }, body: { name: '改名', updatedAt: opened.updatedAt } });
    expect(stale.status).toBe(409);
    const now = (await app.api.adminGetProvider({ token: admin, params: { id } })).provider;
    expect(now).toMatchObject({ name: '旧资料', address: '新地址 8 号', status: 'SUSPENDED' });
    expect(now.updatedAt).not.toBe(first.provider.updatedAt);
    expect(stale.error).toMatchObject({ code: 'CONFLICT', details: { updatedAt: now.updatedAt, provider: { address: '新地址 8 号', status: 'SUSPENDED' } } });

    // From the current one: saved, keeping both changes made meanwhile.
    const saved = await app.api.updateProvider({ token: admin, params: { id }, body: { name: '改名', updatedAt: now.updatedAt } });
    expect(saved.provider).toMatchObject({ name: '改名', address: '新地址 8 号', status: 'SUSPENDED' });

    // Without the version: 422 on updatedAt, so no client edits blindly.
    const blind = await app.call('PATCH', `/v1/admin/providers/${id}`, { token: admin, body: { name: '盲改' } });
    expect(blind.status).toBe(422);
    expect(JSON.stringify(blind.body)).toContain('updatedAt');
    await app.setClock(null);
  });

  it('an offering contract edited from the same version by two desks at once: one saved, the other 409 with the contract as it is now', async () => {
    const admin = await app.adminToken();
    const { providerId: id, offeringId } = await providerWithOffering(app, '合约并发', 5);
    const opened = (await app.api.adminGetProvider({ token: admin, params: { id } })).offerings.find((o) => o.id === offeringId)!;
    await app.setClock('2026-11-30T11:00:00+08:00');
    const [a, b] = await Promise.all(
      [8, 12].map((quota) => app.api.putOffering.reply({ token: admin, params: { id, offeringId }, body: { ...offering(quota), updatedAt: opened.updatedAt } })),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const won = a!.status === 200 ? a! : b!;
    const lost = a!.status === 200 ? b! : a!;
    const now = (await app.api.adminGetProvider({ token: admin, params: { id } })).offerings.find((o) => o.id === offeringId)!;
    expect(now.dailyQuota).toBe(won.body!.offering.dailyQuota);
    expect(lost.error).toMatchObject({ code: 'CONFLICT', details: { updatedAt: now.updatedAt, offering: { dailyQuota: now.dailyQuota } } });

    // An edit from the version the 409 named is saved; one without a version is written as sent (a script's put).
    await app.setClock('2026-11-30T11:01:00+08:00');
    const again = await app.api.putOffering({ token: admin, params: { id, offeringId }, body: { ...offering(20), updatedAt: now.updatedAt } });
    expect(again.offering.dailyQuota).toBe(20);
    await app.setClock(null);
  });
});
