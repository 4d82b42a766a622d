import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSent } from '../support/api-client.js';
import { deviceKey, startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('recipient sessions by device key', () => {
  it('maps the same device key to the same recipient, and different keys to different ones', async () => {
    const key = deviceKey();
    const a = await app.api.createDeviceSession.reply({ body: { deviceKey: key } });
    const b = await app.api.createDeviceSession({ body: { deviceKey: key } });
    const c = await app.api.createDeviceSession({ body: { deviceKey: deviceKey() } });
    expect(a.status).toBe(200);
    expect(a.body?.user).toEqual({ id: b.user.id, verified: false, freeClaimsLeft: 3, claimsToday: 0 });
    expect(c.user.id).not.toBe(a.body?.user.id);
    // The id is a keyed hash: the device key itself never comes back.
    expect(a.text).not.toContain(key);
  });

  it('rejects device keys that are too short, too long or not url-safe, naming the field', async () => {
    for (const bad of ['short', 'x'.repeat(129), 'a'.repeat(31) + '!', 42]) {
      // Raw: the list holds a number, which the typed client would not send as a device key.
      const r = await app.call<{ error: { code: string; details: unknown } }>('POST', '/v1/sessions/device', { body: { deviceKey: bad } });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.details).toEqual([expect.objectContaining({ in: 'body', field: 'deviceKey' })]);
    }
  });

  it('GET /v1/me answers for the token holder with the full profile', async () => {
    const s = await app.api.createDeviceSession({ body: { deviceKey: deviceKey() } });
    const me = await app.api.getMe.reply({ token: s.token });
    expect(me.status).toBe(200);
    expect(me.body?.user).toEqual({
      id: s.user.id,
      verified: false,
      verifiedUntil: null,
      freeClaimsLeft: 3,
      claimsToday: 0,
      claimsThisMonth: 0,
      suspendedUntil: null,
      verification: null,
      blocked: null,
    });
  });
});

describe('staff and admin sessions', () => {
  it('signs staff in with the right password and binds them to their provider', async () => {
    const r = await app.api.createStaffSession.reply({ body: { username: 'staff-futian', password: 'mcan-demo' } });
    expect(r.status).toBe(200);
    expect(r.body?.staff).toEqual({ id: 's-demo-futian', providerId: 'demo-futian', name: expect.any(String) });
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await app.api.createStaffSession.reply({ body: { username: 'staff-futian', password: 'nope-nope' } });
    const unknown = await app.api.createStaffSession.reply({ body: { username: 'nobody', password: 'nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(asSent(wrong)).toEqual(asSent(unknown));
  });

  it('keeps roles apart: staff cannot sign in as admin and vice versa', async () => {
    expect((await app.api.createAdminSession.reply({ body: { username: 'staff-futian', password: 'mcan-demo' } })).status).toBe(401);
    expect((await app.api.createStaffSession.reply({ body: { username: 'admin', password: 'test-admin-password' } })).status).toBe(401);
    const admin = await app.api.createAdminSession.reply({ body: { username: 'admin', password: 'test-admin-password' } });
    expect(admin.status).toBe(200);
    expect(admin.body?.admin).toEqual({ id: 'a_admin', username: 'admin', name: expect.any(String), role: 'owner', districts: [], mustChangePassword: false });
  });
});

describe('tokens and roles', () => {
  it('401 without a token, with a forged one, and after expiry; 403 with the wrong role', async () => {
    await app.setClock('2026-11-28T10:00:00+08:00');
    try {
      const s = await app.api.createDeviceSession({ body: { deviceKey: deviceKey() } });
      const staff = await app.api.createStaffSession({ body: { username: 'staff-futian', password: 'mcan-demo' } });
      expect((await app.api.getMe.reply()).status).toBe(401);
      const [h, p] = s.token.split('.');
      const forged = `${h}.${p}.${'A'.repeat(43)}`;
      expect((await app.api.getMe.reply({ token: forged })).error?.code).toBe('UNAUTHENTICATED');
      expect((await app.api.getMe.reply({ token: 'not-a-token' })).status).toBe(401);
      const wrongRole = await app.api.getMe.reply({ token: staff.token });
      expect(wrongRole.status).toBe(403);
      expect(wrongRole.error?.code).toBe('FORBIDDEN');
      expect((await app.api.adminListProviders.reply({ token: s.token })).status).toBe(403);

      // Staff sessions last 12 hours; recipients' 30 days.
      await app.setClock('2026-11-28T22:01:00+08:00');
      expect((await app.api.adminListProviders.reply({ token: staff.token })).status).toBe(401);
      expect((await app.api.getMe.reply({ token: s.token })).status).toBe(200);
      await app.setClock('2026-12-28T10:01:00+08:00');
      expect((await app.api.getMe.reply({ token: s.token })).status).toBe(401);
    } finally {
      await app.setClock(null);
    }
  });
});

describe('session rate limit', () => {
  it('allows 20 device sessions a minute per device key, then 429 with Retry-After; other keys are unaffected', async () => {
    await app.setClock('2026-11-30T09:00:05+08:00');
    try {
      const key = deviceKey();
      for (let i = 0; i < 20; i++) expect((await app.api.createDeviceSession.reply({ body: { deviceKey: key } })).status).toBe(200);
      const limited = await app.api.createDeviceSession.reply({ body: { deviceKey: key } });
      expect(limited.status).toBe(429);
      expect(limited.error?.code).toBe('RATE_LIMITED');
      expect(limited.headers.get('retry-after')).toBe('55');
      expect((await app.api.createDeviceSession.reply({ body: { deviceKey: deviceKey() } })).status).toBe(200);
      await app.setClock('2026-11-30T09:01:00+08:00');
      expect((await app.api.createDeviceSession.reply({ body: { deviceKey: key } })).status).toBe(200);
    } finally {
      await app.setClock(null);
    }
  });
});
