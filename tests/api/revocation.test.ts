import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { providerWithOffering } from '../support/people.js';

// Issue 8, observation 6: nothing could be revoked. A disabled staff account's sessions end within
// seconds; a suspended provider's staff may read but not redeem, hand out or exchange.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
  await app.setClock('2026-11-30T10:00:00+08:00');
});
afterAll(() => app.stop());

describe('disabling a staff account', () => {
  it('ends its live sessions and refuses new sign-ins; other staff carry on', async () => {
    const a = await providerWithOffering(app, '停用测试店', 5);
    const admin = await app.adminToken();
    const list = await app.api.adminListStaff({ token: admin, params: { id: a.providerId } });
    const member = list.staff[0]!;
    expect(member.disabled).toBe(false);
    const other = await app.api.createStaff.reply({ token: admin, body: { providerId: a.providerId, username: 'still-here', password: 'password-2', name: '另一位' } });
    expect(other.status).toBe(201);
    const otherToken = (await app.api.createStaffSession({ body: { username: 'still-here', password: 'password-2' } })).token;
    expect((await app.api.staffToday.reply({ token: a.staffToken })).status).toBe(200);

    const off = await app.api.disableStaff.reply({ token: admin, params: { id: member.id } });
    expect(off.status).toBe(200);
    expect(off.body?.staff).toMatchObject({ id: member.id, disabled: true });

    const after = await app.api.staffToday.reply({ token: a.staffToken });
    expect(after.status).toBe(401);
    expect(after.error?.code).toBe('UNAUTHENTICATED');
    const again = await app.api.createStaffSession.reply({ body: { username: member.username, password: 'password-1' } });
    expect(again.status).toBe(403);
    expect(again.error?.code).toBe('FORBIDDEN');
    expect((await app.api.staffToday.reply({ token: otherToken })).status).toBe(200);
    expect((await app.api.adminListStaff({ token: admin, params: { id: a.providerId } })).staff).toContainEqual(expect.objectContaining({ id: member.id, disabled: true }));
  });

  it('bites in another process within the session cache TTL (a second server on the same table)', async () => {
    const a = await providerWithOffering(app, '跨进程停用店', 5);
    const admin = await app.adminToken();
    const member = (await app.api.adminListStaff({ token: admin, params: { id: a.providerId } })).staff[0]!;
    const { config } = await import('../../functions/config.js');
    const twin = await startTestApp({ seed: false, tableName: app.tableName, config: { ...config, cache: { ...config.cache, sessionTtlMs: 200 } } });
    try {
      // Same secrets are needed for the token to verify in the twin: sign in there.
      const there = (await twin.api.createStaffSession({ body: { username: member.username, password: 'password-1' } })).token;
      expect((await twin.api.staffToday.reply({ token: there })).status).toBe(200);
      expect((await app.api.disableStaff.reply({ token: admin, params: { id: member.id } })).status).toBe(200);
      await expect.poll(async () => (await twin.api.staffToday.reply({ token: there })).status, { timeout: 3000, interval: 50 }).toBe(401);
    } finally {
      await twin.stop();
    }
  });

  it('an unknown staff id is 404', async () => {
    const r = await app.api.disableStaff.reply({ token: await app.adminToken(), params: { id: 's-nobody' } });
    expect(r.status).toBe(404);
  });
});
