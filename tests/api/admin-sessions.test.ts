import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import { startTestApp, type TestApp } from '../support/app.js';

// Issue 8, observation 6 for admins: an admin token lived its 8 hours whatever happened. Admin
// tokens now carry the account's session version, checked through the short session cache like
// staff tokens: "sign out everywhere" and a new admin password end them within seconds.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ seed: false });
});
afterAll(() => app.stop());

const signIn = async (target: TestApp = app, password = 'test-admin-password') =>
  (await target.api.createAdminSession({ body: { username: 'admin', password } })).token;
const works = async (token: string, target: TestApp = app) => (await target.api.adminListProviders.reply({ token })).status;

describe('admin sessions', () => {
  it('sign out everywhere ends every session of the account, at once here; a new sign-in works', async () => {
    const laptop = await signIn();
    const phone = await signIn();
    expect(await works(laptop)).toBe(200);
    expect(await works(phone)).toBe(200);
    expect(await app.api.endAdminSessions({ token: laptop })).toEqual({ ended: true });
    expect(await works(laptop)).toBe(401);
    expect(await works(phone)).toBe(401);
    const fresh = await signIn();
    expect(await works(fresh)).toBe(200);
    const audit = await app.api.listAudit({ token: fresh, query: { limit: 10 } });
    expect(audit.entries.map((e) => e.action)).toContain('endAdminSessions');
  });

  it('a new admin password at start ends the old sessions in every process within the cache TTL; the same password keeps them', async () => {
    // Each local app has its own token keys: sign in where the token is checked.
    const quick = { ...config, cache: { ...config.cache, sessionTtlMs: 200 } };
    const watcher = await startTestApp({ seed: false, tableName: app.tableName, config: quick });
    try {
      const token = await signIn(watcher);
      expect(await works(token, watcher)).toBe(200);
      // A restart with the same password keeps the sessions: the version does not move.
      const version = await app.deps.store.accounts.adminSessionState('admin');
      await (await startTestApp({ seed: false, tableName: app.tableName })).stop();
      expect(await app.deps.store.accounts.adminSessionState('admin')).toEqual(version);
      expect(await works(token, watcher)).toBe(200);
      // Another start on the same table with a new password (an operator rotating it).
      const rotated = await startTestApp({ seed: false, tableName: app.tableName, adminPassword: 'a-brand-new-password' });
      try {
        await expect.poll(() => works(token, watcher), { timeout: 3000, interval: 50 }).toBe(401);
        expect(await works(await signIn(rotated, 'a-brand-new-password'), rotated)).toBe(200);
      } finally {
        await rotated.stop();
      }
    } finally {
      await watcher.stop();
    }
  });
});
