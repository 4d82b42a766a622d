import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceKey, startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe('recipient sessions by device key', () => {
  it('maps the same device key to the same recipient, and different keys to different ones', async () => {
    const key = deviceKey();
    const a = await app.call('POST', '/v1/sessions/device', { body: { deviceKey: key } });
    const b = await app.call('POST', '/v1/sessions/device', { body: { deviceKey: key } });
    const c = await app.call('POST', '/v1/sessions/device', { body: { deviceKey: deviceKey() } });
    expect(a.status).toBe(200);
    expect(a.body.user).toEqual({ id: b.body.user.id, verified: false, freeClaimsLeft: 3, claimsToday: 0 });
    expect(c.body.user.id).not.toBe(a.body.user.id);
    // The id is a keyed hash: the device key itself never comes back.
    expect(a.text).not.toContain(key);
  });

  it('rejects device keys that are too short, too long or not url-safe, naming the field', async () => {
    for (const bad of ['short', 'x'.repeat(129), 'a'.repeat(31) + '!', 42]) {
      const r = await app.call('POST', '/v1/sessions/device', { body: { deviceKey: bad } });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.details).toEqual([expect.objectContaining({ in: 'body', field: 'deviceKey' })]);
    }
  });

  it('GET /v1/me answers for the token holder with the full profile', async () => {
    const s = await app.call('POST', '/v1/sessions/device', { body: { deviceKey: deviceKey() } });
    const me = await app.call('GET', '/v1/me', { token: s.body.token });
    expect(me.status).toBe(200);
    expect(me.body.user).toEqual({
      id: s.body.user.id,
      verified: false,
      verifiedUntil: null,
      freeClaimsLeft: 3,
      claimsToday: 0,
      claimsThisMonth: 0,
      suspendedUntil: null,
      verification: null,
    });
  });
});

describe('staff and admin sessions', () => {
  it('signs staff in with the right password and binds them to their provider', async () => {
    const r = await app.call('POST', '/v1/staff/sessions', { body: { username: 'staff-futian', password: 'mcan-demo' } });
    expect(r.status).toBe(200);
    expect(r.body.staff).toEqual({ id: 's-demo-futian', providerId: 'demo-futian', name: expect.any(String) });
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await app.call('POST', '/v1/staff/sessions', { body: { username: 'staff-futian', password: 'nope-nope' } });
    const unknown = await app.call('POST', '/v1/staff/sessions', { body: { username: 'nobody', password: 'nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('keeps roles apart: staff cannot sign in as admin and vice versa', async () => {
    expect((await app.call('POST', '/v1/admin/sessions', { body: { username: 'staff-futian', password: 'mcan-demo' } })).status).toBe(401);
    expect((await app.call('POST', '/v1/staff/sessions', { body: { username: 'admin', password: 'test-admin-password' } })).status).toBe(401);
    const admin = await app.call('POST', '/v1/admin/sessions', { body: { username: 'admin', password: 'test-admin-password' } });
    expect(admin.status).toBe(200);
    expect(admin.body.admin).toEqual({ id: 'a_admin', name: expect.any(String) });
  });
});

describe('tokens and roles', () => {
  it('401 without a token, with a forged one, and after expiry; 403 with the wrong role', async () => {
    await app.setClock('2026-11-28T10:00:00+08:00');
    try {
      const s = await app.call('POST', '/v1/sessions/device', { body: { deviceKey: deviceKey() } });
      const staff = await app.call('POST', '/v1/staff/sessions', { body: { username: 'staff-futian', password: 'mcan-demo' } });
      expect((await app.call('GET', '/v1/me')).status).toBe(401);
      const [h, p] = s.body.token.split('.');
      const forged = `${h}.${p}.${'A'.repeat(43)}`;
      expect((await app.call('GET', '/v1/me', { token: forged })).body.error.code).toBe('UNAUTHENTICATED');
      expect((await app.call('GET', '/v1/me', { token: 'not-a-token' })).status).toBe(401);
      const wrongRole = await app.call('GET', '/v1/me', { token: staff.body.token });
      expect(wrongRole.status).toBe(403);
      expect(wrongRole.body.error.code).toBe('FORBIDDEN');
      expect((await app.call('GET', '/v1/admin/providers', { token: s.body.token })).status).toBe(403);

      // Staff sessions last 12 hours; recipients' 30 days.
      await app.setClock('2026-11-28T22:01:00+08:00');
      expect((await app.call('GET', '/v1/admin/providers', { token: staff.body.token })).status).toBe(401);
      expect((await app.call('GET', '/v1/me', { token: s.body.token })).status).toBe(200);
      await app.setClock('2026-12-28T10:01:00+08:00');
      expect((await app.call('GET', '/v1/me', { token: s.body.token })).status).toBe(401);
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
      for (let i = 0; i < 20; i++) expect((await app.call('POST', '/v1/sessions/device', { body: { deviceKey: key } })).status).toBe(200);
      const limited = await app.call('POST', '/v1/sessions/device', { body: { deviceKey: key } });
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      expect(limited.headers.get('retry-after')).toBe('55');
      expect((await app.call('POST', '/v1/sessions/device', { body: { deviceKey: deviceKey() } })).status).toBe(200);
      await app.setClock('2026-11-30T09:01:00+08:00');
      expect((await app.call('POST', '/v1/sessions/device', { body: { deviceKey: key } })).status).toBe(200);
    } finally {
      await app.setClock(null);
    }
  });
});
