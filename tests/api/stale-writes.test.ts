// Nothing is overwritten: an edit carries the version it was made from, and one made from an
// older version is refused instead of putting back what its author read. (The catalogue's own
// story, stock included, is in exchanges.test.ts; this is the provider profile's.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering } from '../support/people.js';

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
});
