import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

// Issue 8, observation 3: password guessing met no throttle, and a flood of wrong sign-ins queued
// every real one behind hundreds of scrypt runs.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const signIn = (route: 'staff' | 'admin', username: string, password: string) =>
  (route === 'admin' ? app.api.createAdminSession : app.api.createStaffSession).reply({ body: { username, password } });

describe('failed sign-ins per account, counted before any password hashing', () => {
  it('50 wrong admin passwords in a row: 5 are checked, then 429 with Retry-After — even for the right password', async () => {
    await app.setClock('2026-11-30T09:00:00+08:00');
    const answers = [];
    for (let i = 0; i < 50; i++) answers.push(await signIn('admin', 'admin', `wrong-${i}`));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.slice(5).every((a) => a.status === 429)).toBe(true);
    const last = answers[49]!;
    expect(last.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60, retryAt: '2026-11-30T01:01:00.000Z' } });
    expect(last.headers.get('retry-after')).toBe('60');
    expect((await signIn('admin', 'admin', 'test-admin-password')).status).toBe(429);
    // Other accounts are not affected.
    expect((await signIn('staff', 'staff-futian', 'mcan-demo')).status).toBe(200);
    // A minute later the account can sign in again; the hour's allowance still counts the 5.
    await app.setClock('2026-11-30T09:01:00+08:00');
    expect((await signIn('admin', 'admin', 'test-admin-password')).status).toBe(200);
  });

  it('guessing slows to 20 an hour: the burst window reopens each minute, the hour window does not', async () => {
    const checked: number[] = [];
    for (let minute = 0; minute < 6; minute++) {
      await app.setClock(`2026-11-30T10:0${minute}:00+08:00`);
      const wave = [];
      for (let i = 0; i < 6; i++) wave.push((await signIn('staff', 'staff-nanyuan', 'wrong-password')).status);
      checked.push(wave.filter((s) => s === 401).length);
    }
    expect(checked).toEqual([5, 5, 5, 5, 0, 0]);
  });

  it('a right password does not use up the allowance: 30 sign-ins in a row all succeed', async () => {
    await app.setClock('2026-11-30T11:00:00+08:00');
    for (let i = 0; i < 30; i++) expect((await signIn('staff', 'staff-meilin', 'mcan-demo')).status).toBe(200);
  });

  it('the throttle and the account agree on letter case: a name typed as a phone capitalises it signs in, and its failures count as one account', async () => {
    await app.setClock('2026-11-30T11:30:00+08:00');
    expect((await signIn('staff', 'Staff-Huafu', 'mcan-demo')).status).toBe(200);
    expect((await signIn('staff', ' STAFF-HUAFU ', 'mcan-demo')).status).toBe(200);
    const statuses = [];
    for (const name of ['Staff-huafu', 'STAFF-HUAFU', 'staff-huafu', 'staff-Huafu', 'sTaff-huafu', 'Staff-Huafu']) statuses.push((await signIn('staff', name, 'wrong-password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('unknown usernames are throttled the same way (no hint which accounts exist)', async () => {
    await app.setClock('2026-11-30T12:00:00+08:00');
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn('staff', 'nobody-here', 'wrong-password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});

describe('a flood of wrong sign-ins', () => {
  it('200 parallel wrong passwords for one account check at most 5, answering the rest at once; a real staff sign-in meanwhile succeeds', async () => {
    await app.setClock('2026-11-30T13:00:00+08:00');
    const flood = Promise.all(Array.from({ length: 200 }, (_, i) => signIn('staff', 'staff-futian', `guess-${i}`)));
    const started = performance.now();
    const real = await signIn('staff', 'staff-lianhua', 'mcan-demo');
    const realMs = performance.now() - started;
    const answers = await flood;
    expect(real.status).toBe(200);
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(200 - answers.filter((a) => a.status === 401).length);
    expect(answers.find((a) => a.status === 429)!.headers.get('retry-after')).toMatch(/^\d+$/);
    console.log(`real staff sign-in during 200 parallel wrong ones for another account: ${realMs.toFixed(0)} ms`);
  });

  it('200 parallel sign-ins under 200 different names: hashing is capped, the excess answers 503 BUSY at once', async () => {
    await app.setClock('2026-11-30T14:00:00+08:00');
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => signIn('staff', `flood-${i}`, 'wrong-password')));
    const busy = answers.filter((a) => a.status === 503);
    expect(answers.every((a) => a.status === 401 || a.status === 503)).toBe(true);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.error?.code).toBe('BUSY');
    expect(busy[0]!.headers.get('retry-after')).toBe('1');
    // BUSY is not a failure: those names can sign in (or fail) normally afterwards.
    const name = answers.findIndex((a) => a.status === 503);
    for (let i = 0; i < 5; i++) expect((await signIn('staff', `flood-${name}`, 'wrong-password')).status).toBe(401);
    console.log(`200 distinct-name flood: ${answers.length - busy.length} hashed, ${busy.length} answered BUSY`);
  });
});
