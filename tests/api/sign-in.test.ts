import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, ApiReply } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/app.js';

// Issue 8, observation 3: password guessing met no throttle, and a flood of wrong sign-ins queued
// every real one behind hundreds of scrypt runs. Issue 21, item 5: the throttle that fixed it
// counted per username, so anyone could lock the admin (or a counter's staff at the start of a
// shift) out by naming it, and a flood of made-up names made every real sign-in answer BUSY.
// Wrong passwords now count against where they come from: the calling address, or a device that
// signed in to the account before. Each test plays its own addresses (127.0.x.y: the local server
// sees the loopback address a request leaves from), so their allowances never meet.

let app: TestApp;
beforeAll(async () => {
  // The per-address limits are what this file is about: on, as on AWS.
  app = await startTestApp({ perClientLimits: true });
});
afterAll(() => app.stop());

type Route = 'staff' | 'admin';
const ADMIN_PASSWORD = 'test-admin-password';
const STAFF_PASSWORD = 'mcan-demo';

const clients = new Map<string, ApiClient>();
const at = (address: string) => clients.get(address) ?? clients.set(address, app.from(address)).get(address)!;

/** A sign-in from `from` (an address of its own), with the device credential a sign-in answered, if any. */
type SignInReply = ApiReply<{ token: string; device: string }>;
const signIn = (route: Route, username: string, password: string, { from, device }: { from: string; device?: string }): Promise<SignInReply> => {
  const api = at(from);
  const body = { username, password, ...(device === undefined ? {} : { device }) };
  return (route === 'admin' ? api.createAdminSession : api.createStaffSession).reply({ body });
};

/** Signs in (right password) and answers the device credential the session came with. */
async function enrol(route: Route, username: string, password: string, from: string): Promise<{ device: string; token: string }> {
  const r = await signIn(route, username, password, { from });
  if (!r.ok) throw new Error(`enrolling ${username}: ${r.status} ${r.text}`);
  return r.body;
}

async function inTurn<T>(n: number, one: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await one(i));
  return out;
}

const statuses = (answers: { status: number }[]) => answers.map((a) => a.status);
const count = (answers: { status: number }[], status: number) => answers.filter((a) => a.status === status).length;

/**
 * `n` sign-ins at once, and a promise that settles at the first 503 BUSY among them (or when all
 * are in): from then on the gate's open share is full, and stays full while its checks hash.
 */
function flood(n: number, one: (i: number) => Promise<SignInReply>) {
  let full!: () => void;
  const busy = new Promise<void>((resolve) => (full = resolve));
  const all = Promise.all(Array.from({ length: n }, (_, i) => one(i).then((a) => (a.status === 503 && full(), a))));
  return { all, full: Promise.race([busy, all.then(() => undefined)]) };
}

describe('failed sign-ins per calling address, counted before any password hashing', () => {
  it('50 wrong admin passwords from one address: 10 are checked, then 429 with Retry-After at that address — the account itself is not locked', async () => {
    await app.setClock('2026-11-30T09:00:00+08:00');
    const place = '127.0.1.1';
    const answers = await inTurn(50, (i) => signIn('admin', 'admin', `wrong-${i}`, { from: place }));
    expect(statuses(answers.slice(0, 10))).toEqual(Array(10).fill(401));
    expect(answers.slice(10).every((a) => a.status === 429)).toBe(true);
    const last = answers[49]!;
    expect(last.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60, retryAt: '2026-11-30T01:01:00.000Z', limit: 'signin-fail-client' } });
    expect(last.headers.get('retry-after')).toBe('60');
    // A device the server does not know, at that address, waits too, right password or not.
    expect((await signIn('admin', 'admin', ADMIN_PASSWORD, { from: place })).status).toBe(429);
    // The account is not locked: the right password from anywhere else signs in.
    expect((await signIn('admin', 'admin', ADMIN_PASSWORD, { from: '127.0.1.2' })).status).toBe(200);
    // A minute later the address may try again; the hour's allowance still counts the 10.
    await app.setClock('2026-11-30T09:01:00+08:00');
    expect((await signIn('admin', 'admin', ADMIN_PASSWORD, { from: place })).status).toBe(200);
  });

  it('guessing from one address slows to 30 an hour: the burst window reopens each minute, the hour window does not', async () => {
    const checked: number[] = [];
    for (let minute = 0; minute < 6; minute++) {
      await app.setClock(`2026-11-30T10:0${minute}:00+08:00`);
      const wave = await inTurn(12, () => signIn('staff', 'staff-nanyuan', 'wrong-password', { from: '127.0.1.3' }));
      checked.push(count(wave, 401));
    }
    expect(checked).toEqual([10, 10, 10, 0, 0, 0]);
  });

  it('a right password does not use up the allowance: 30 sign-ins in a row from one address all succeed', async () => {
    await app.setClock('2026-11-30T11:00:00+08:00');
    for (let i = 0; i < 30; i++) expect((await signIn('staff', 'staff-meilin', STAFF_PASSWORD, { from: '127.0.1.4' })).status).toBe(200);
  });

  it('the name does not matter: spellings of one account, other accounts and names that do not exist share the address\u2019s allowance (no hint which exist)', async () => {
    await app.setClock('2026-11-30T11:30:00+08:00');
    const place = '127.0.1.5';
    // A name typed as a phone capitalises it signs in.
    expect((await signIn('staff', 'Staff-Huafu', STAFF_PASSWORD, { from: place })).status).toBe(200);
    expect((await signIn('staff', ' STAFF-HUAFU ', STAFF_PASSWORD, { from: place })).status).toBe(200);
    const names = ['Staff-huafu', 'STAFF-HUAFU', 'nobody-here', 'staff-Huafu', 'staff-lianhua', 'nobody-here', 'admin', 'sTaff-huafu', 'ghost', 'staff-huafu', 'nobody-here', 'staff-huafu'];
    const answers = await inTurn(names.length, (i) => signIn('staff', names[i]!, 'wrong-password', { from: place }));
    expect(statuses(answers)).toEqual([...Array(10).fill(401), 429, 429]);
  });
});

describe('known devices: nobody can lock an account out (issue 21)', () => {
  const accounts = [
    { route: 'admin' as const, username: 'admin', password: ADMIN_PASSWORD, place: '127.0.2.1' },
    { route: 'staff' as const, username: 'staff-futian', password: STAFF_PASSWORD, place: '127.0.2.2' },
  ];

  it.each(accounts)(
    '$route: 40 made-up names at once and 50 wrong passwords from one address stop neither a known device\u2019s right password there, nor the account',
    async ({ route, username, password, place }) => {
      await app.setClock(`2026-11-30T15:0${route === 'admin' ? 0 : 5}:00+08:00`);
      // The device signed in before, at the very address the attack comes from (a restaurant's wifi).
      const { device } = await enrol(route, username, password, place);

      // 40 sign-ins at once under made-up names fill the gate's open share; the known device's
      // right password, sent while it is full, goes through the reserve.
      const names = flood(40, (i) => signIn(route, `made-up-${route}-${i}`, 'wrong-password', { from: place }));
      await names.full;
      const during = await signIn(route, username, password, { from: place, device });
      const flooded = await names.all;
      expect(during.status).toBe(200);
      expect(count(flooded, 503)).toBeGreaterThan(0);
      expect(flooded.every((a) => [401, 429, 503].includes(a.status))).toBe(true);

      // 50 wrong passwords for the account itself, from the same address: together with the
      // flood's, 10 are checked in the minute, the rest answered 429.
      const wrong = await inTurn(50, (i) => signIn(route, username, `wrong-${i}`, { from: place }));
      expect(count(flooded, 401) + count(wrong, 401)).toBe(10);
      expect(wrong.at(-1)!.status).toBe(429);

      // The known device's right password still works, at that address, in that minute.
      const after = await signIn(route, username, password, { from: place, device });
      expect(after.status).toBe(200);
      // It keeps its credential: the answer hands the same one back.
      expect(after.ok && after.body.device).toBe(device);
      // A device the server does not know, at that address, is throttled (429 with Retry-After).
      const stranger = await signIn(route, username, password, { from: place });
      expect(stranger.status).toBe(429);
      expect(stranger.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'signin-fail-client' } });
      expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(0);
    },
  );

  it('a lunch shift: 8 staff on known devices sign in while 40 made-up names flood the gate; all 8 succeed', async () => {
    await app.setClock('2026-11-30T11:20:00+08:00');
    const place = '127.0.2.3';
    const staff = ['staff-yuanling', 'staff-nanyuan', 'staff-shatou', 'staff-meilin', 'staff-huafu', 'staff-xiangmihu', 'staff-huaqiangbei', 'staff-fubao'];
    const devices = await inTurn(staff.length, async (i) => (await enrol('staff', staff[i]!, STAFF_PASSWORD, `127.0.2.${10 + i}`)).device);
    const names = flood(40, (i) => signIn('staff', `shift-flood-${i}`, 'wrong-password', { from: place }));
    await names.full;
    const shift = await Promise.all(staff.map((username, i) => signIn('staff', username, STAFF_PASSWORD, { from: `127.0.2.${10 + i}`, device: devices[i] })));
    const flooded = await names.all;
    expect(statuses(shift)).toEqual(Array(8).fill(200));
    expect(count(flooded, 503)).toBeGreaterThan(0);
  });

  it('a known device that sends wrong passwords itself is throttled as a device: 5 a minute, then 429 for it alone', async () => {
    await app.setClock('2026-11-30T16:00:00+08:00');
    const place = '127.0.3.1';
    const phone = (await enrol('staff', 'staff-lianhua', STAFF_PASSWORD, place)).device;
    const tablet = (await enrol('staff', 'staff-lianhua', STAFF_PASSWORD, place)).device;
    expect(tablet).not.toBe(phone);
    const answers = await inTurn(7, (i) => signIn('staff', 'staff-lianhua', `wrong-${i}`, { from: place, device: phone }));
    expect(statuses(answers)).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(answers[6]!.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 60, limit: 'signin-fail-device' } });
    expect(answers[6]!.headers.get('retry-after')).toBe('60');
    // The right password on that device waits out the minute too …
    expect((await signIn('staff', 'staff-lianhua', STAFF_PASSWORD, { from: place, device: phone })).status).toBe(429);
    // … but the account's other device is not held up, and neither is the address: the device's
    // failures were counted against the device alone.
    expect((await signIn('staff', 'staff-lianhua', STAFF_PASSWORD, { from: place, device: tablet })).status).toBe(200);
    const fromPlace = await inTurn(10, (i) => signIn('staff', 'staff-lianhua', `typo-${i}`, { from: place }));
    expect(statuses(fromPlace)).toEqual(Array(10).fill(401));
    await app.setClock('2026-11-30T16:01:00+08:00');
    expect((await signIn('staff', 'staff-lianhua', STAFF_PASSWORD, { from: place, device: phone })).status).toBe(200);
  });

  it('a forged credential, another account\u2019s, or one from before the sessions were ended counts as no device at all', async () => {
    await app.setClock('2026-11-30T17:00:00+08:00');
    const place = '127.0.4.1';
    const home = '127.0.4.2';
    const own = (await enrol('staff', 'staff-shatou', STAFF_PASSWORD, home)).device;
    const others = (await enrol('staff', 'staff-xiangmihu', STAFF_PASSWORD, home)).device;
    const admin = await enrol('admin', 'admin', ADMIN_PASSWORD, home);
    const [nonce, mac] = own.split('.') as [string, string];
    const forged = [`${nonce}.${'A'.repeat(mac.length)}`, `${randomBytes(16).toString('base64url')}.${mac}`, `${nonce}.${mac}.${mac}`, 'not-a-credential'];

    // Wrong passwords sent with a forged credential count against the address, as any.
    const wrong = await inTurn(11, (i) => signIn('staff', 'staff-shatou', `wrong-${i}`, { from: place, device: forged[i % forged.length] }));
    expect(statuses(wrong)).toEqual([...Array(10).fill(401), 429]);
    expect(wrong[10]!.error?.details).toMatchObject({ limit: 'signin-fail-client' });

    // With the right password, none of these gets past the address's throttle.
    for (const device of [...forged, others]) {
      const r = await signIn('staff', 'staff-shatou', STAFF_PASSWORD, { from: place, device });
      expect(r.status, device).toBe(429);
      expect(r.error?.details, device).toMatchObject({ limit: 'signin-fail-client' });
    }
    // Another account's credential is no credential for the admin either.
    expect((await signIn('admin', 'admin', ADMIN_PASSWORD, { from: place, device: own })).status).toBe(429);
    // The account's own credential is.
    expect((await signIn('staff', 'staff-shatou', STAFF_PASSWORD, { from: place, device: own })).status).toBe(200);
    expect((await signIn('admin', 'admin', ADMIN_PASSWORD, { from: place, device: admin.device })).status).toBe(200);

    // "Sign out everywhere" forgets the admin's devices as well as its sessions.
    await app.api.endAdminSessions({ token: admin.token });
    const forgotten = await signIn('admin', 'admin', ADMIN_PASSWORD, { from: place, device: admin.device });
    expect(forgotten.status).toBe(429);

    // Elsewhere a forged credential with the right password signs in, and is given a real one.
    const fresh = await signIn('staff', 'staff-shatou', STAFF_PASSWORD, { from: home, device: forged[0] });
    expect(fresh.ok && fresh.body.device).not.toBe(forged[0]);
    expect((await signIn('staff', 'staff-shatou', STAFF_PASSWORD, { from: place, device: fresh.ok ? fresh.body.device : '' })).status).toBe(200);
  });
});

describe('floods', () => {
  it('200 parallel wrong passwords for one account from one address check at most 10, answering the rest at once; the known device and other addresses sign in meanwhile', async () => {
    await app.setClock('2026-11-30T13:00:00+08:00');
    const attacker = '127.0.5.1';
    const { device } = await enrol('staff', 'staff-futian', STAFF_PASSWORD, '127.0.5.2');
    const guesses = Promise.all(Array.from({ length: 200 }, (_, i) => signIn('staff', 'staff-futian', `guess-${i}`, { from: attacker })));
    const started = performance.now();
    // Not refused as "already in progress": that check is per address, and known devices skip it.
    const known = await signIn('staff', 'staff-futian', STAFF_PASSWORD, { from: attacker, device });
    const elsewhere = await signIn('staff', 'staff-futian', STAFF_PASSWORD, { from: '127.0.5.3' });
    const realMs = performance.now() - started;
    const answers = await guesses;
    expect(known.status).toBe(200);
    expect(elsewhere.status).toBe(200);
    expect(count(answers, 401)).toBeLessThanOrEqual(10);
    expect(count(answers, 429)).toBe(200 - count(answers, 401));
    expect(answers.find((a) => a.status === 429)!.headers.get('retry-after')).toMatch(/^\d+$/);
    console.log(`known device and another address during 200 parallel wrong ones for the same account: ${realMs.toFixed(0)} ms`);
  });

  it('200 made-up names from 200 addresses at once: hashing is capped, the excess answers 503 BUSY at once and counts no failure; a known device signs in meanwhile', async () => {
    await app.setClock('2026-11-30T14:00:00+08:00');
    const { device } = await enrol('admin', 'admin', ADMIN_PASSWORD, '127.0.6.250');
    const from = (i: number) => `127.0.6.${i + 1}`;
    const names = flood(200, (i) => signIn('staff', `flood-${i}`, 'wrong-password', { from: from(i) }));
    await names.full;
    const known = await signIn('admin', 'admin', ADMIN_PASSWORD, { from: '127.0.6.250', device });
    const answers = await names.all;
    expect(known.status).toBe(200);
    const busy = answers.filter((a) => a.status === 503);
    expect(answers.every((a) => a.status === 401 || a.status === 503)).toBe(true);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.error?.code).toBe('BUSY');
    expect(busy[0]!.headers.get('retry-after')).toBe('1');
    // BUSY is no failure: an address answered BUSY still has its whole allowance.
    const i = answers.findIndex((a) => a.status === 503);
    const after = await inTurn(11, () => signIn('staff', `flood-${i}`, 'wrong-password', { from: from(i) }));
    expect(statuses(after)).toEqual([...Array(10).fill(401), 429]);
    console.log(`200 made-up names from 200 addresses: ${answers.length - busy.length} hashed, ${busy.length} answered BUSY`);
  });
});
