// Issue 21, item 3: two-step sign-in for administrators. A TOTP secret enrolled and confirmed on
// the account's own routes; from then on sign-in needs a code from the app, or a recovery code,
// each usable once; where the deployment requires it, owners and clerks must enrol before acting.
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import type { AdminRole } from '../../functions/contract/office.js';
import { startTestApp, type TestApp } from '../support/app.js';

const password = 'two-step-password';
// Step-aligned (a multiple of 30 s), so "the next step" is exactly 30 s on.
const T0 = '2026-11-30T10:00:00+08:00';
const later = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

/** What the person's authenticator app shows at that instant. */
const codeAt = (secret: string, iso: string) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.parse(iso) });
/** A code of the same shape that is not the one shown (the next code up, mod a million). */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

async function hire(app: TestApp, owner: string, username: string, role: AdminRole) {
  await app.api.createAdminAccount({ token: owner, body: { username, name: `${role} ${username}`, role, password, ...(role === 'officer' ? { districts: ['meilin'] } : {}) } });
  return (await app.api.createAdminSession({ body: { username, password } })).token;
}

/** Enrol and confirm at the test clock's time: the secret and the recovery codes. */
async function turnOn(app: TestApp, token: string, at: string) {
  const { secret } = await app.api.enrolTotp({ token });
  const { recoveryCodes } = await app.api.confirmTotp({ token, body: { otp: codeAt(secret, at) } });
  return { secret, recoveryCodes };
}

describe('two-step sign-in', () => {
  let app: TestApp;
  let owner: string;
  beforeAll(async () => {
    app = await startTestApp({ seed: false, perClientLimits: true });
    await app.setClock(T0);
    owner = await app.adminToken();
  });
  afterAll(() => app.stop());

  it('enrolling answers a secret and its otpauth URI; a code from it turns two-step sign-in on with ten distinct recovery codes', async () => {
    const token = await hire(app, owner, 'two.step', 'analyst');
    const first = await app.api.enrolTotp({ token });
    expect(first.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(first.uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/M餐:two.step');
    expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: 'M餐', secret: first.secret, algorithm: 'SHA1', digits: '6', period: '30' });
    expect((await app.api.adminMe({ token })).account.totp).toBe(false);

    // Enrolling again replaces the pending secret: the first one's codes no longer confirm.
    const { secret } = await app.api.enrolTotp({ token });
    expect(secret).not.toBe(first.secret);
    const stale = await app.api.confirmTotp.reply({ token, body: { otp: codeAt(first.secret, T0) } });
    expect(stale.status).toBe(422);
    expect(stale.error?.details).toEqual([expect.objectContaining({ in: 'body', field: 'otp' })]);
    expect((await app.api.confirmTotp.reply({ token, body: { otp: wrong(codeAt(secret, T0)) } })).error?.code).toBe('VALIDATION_FAILED');
    expect((await app.api.adminMe({ token })).account.totp).toBe(false);

    // A code from a phone whose clock is one step behind still confirms.
    const { recoveryCodes } = await app.api.confirmTotp({ token, body: { otp: codeAt(secret, later(-30)) } });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    expect((await app.api.adminMe({ token })).account.totp).toBe(true);
    expect((await app.api.listAdminAccounts({ token: owner })).accounts.find((a) => a.username === 'two.step')?.totp).toBe(true);

    // Once on, it stays: enrolling or confirming again is 409.
    expect((await app.api.enrolTotp.reply({ token })).error).toMatchObject({ code: 'CONFLICT', details: { reason: 'already_on' } });
    expect((await app.api.confirmTotp.reply({ token, body: { otp: codeAt(secret, T0) } })).error?.code).toBe('CONFLICT');

    // Neither the secret nor a recovery code is stored or logged in the clear.
    const stored = JSON.stringify(await app.tableItems());
    for (const s of [first.secret, secret, ...recoveryCodes, ...recoveryCodes.map((c) => c.replace('-', ''))]) expect(stored).not.toContain(s);
    const audit = (await app.api.listAudit({ token: owner, query: { from: '2026-11-30', to: '2026-11-30' } })).entries.filter((e) => e.actor.username === 'two.step');
    expect(audit.map((e) => e.action).sort()).toEqual(['confirmTotp', 'enrolTotp', 'enrolTotp']);
    expect(audit.map((e) => e.after)).toEqual(expect.arrayContaining([{ totp: 'pending' }, { totp: true }]));
  });

  it('confirming before enrolling is 409; a code is six digits (422 otherwise)', async () => {
    const token = await hire(app, owner, 'not.yet', 'officer');
    expect((await app.api.confirmTotp.reply({ token, body: { otp: '123456' } })).error).toMatchObject({ code: 'CONFLICT', details: { reason: 'not_enrolled' } });
    expect((await app.api.confirmTotp.reply({ token, body: { otp: '12345' } })).status).toBe(422);
  });

  describe('signing in once it is on', () => {
    const username = 'two.step.in';
    let secret: string;
    let recoveryCodes: string[];
    const signIn = (extra: { otp?: string; recoveryCode?: string; password?: string } = {}) =>
      app.api.createAdminSession.reply({ body: { username, password, ...extra } });

    beforeAll(async () => {
      await app.setClock(T0);
      ({ secret, recoveryCodes } = await turnOn(app, await hire(app, await app.adminToken(), username, 'clerk'), T0));
    });

    it('asks for the code only after the right password: without one 401 OTP_REQUIRED, with a wrong password 401 UNAUTHENTICATED whatever the code', async () => {
      await app.setClock(later(60));
      const missing = await signIn();
      expect(missing.status).toBe(401);
      expect(missing.error?.code).toBe('OTP_REQUIRED');
      const badPassword = await signIn({ password: 'not-the-password', otp: codeAt(secret, later(60)) });
      expect(badPassword.status).toBe(401);
      expect(badPassword.error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'wrong username or password' });
      expect(badPassword.error?.details).toBeUndefined();
      // That right code was not spent by the refused attempt.
      expect((await signIn({ otp: codeAt(secret, later(60)) })).status).toBe(200);
    });

    it('refuses a wrong code, and a right one a second time within its step (replay) or an older step’s after a newer one', async () => {
      await app.setClock(later(120));
      const code = codeAt(secret, later(120));
      const bad = await signIn({ otp: wrong(code) });
      expect(bad.error).toMatchObject({ code: 'UNAUTHENTICATED', details: { field: 'otp' } });
      const ok = await signIn({ otp: code });
      expect(ok.status).toBe(200);
      expect(ok.body?.admin).toMatchObject({ username, role: 'clerk' });
      const replay = await signIn({ otp: code });
      expect(replay.error).toMatchObject({ code: 'UNAUTHENTICATED', details: { field: 'otp' } });

      // 30 s on: the new step's code works; the previous step's, still inside the drift window, does not.
      await app.setClock(later(150));
      expect((await signIn({ otp: codeAt(secret, later(150)) })).status).toBe(200);
      await app.setClock(later(155));
      expect((await signIn({ otp: codeAt(secret, later(120)) })).error?.code).toBe('UNAUTHENTICATED');
      // A code from two steps back is outside the window altogether.
      await app.setClock(later(240));
      expect((await signIn({ otp: codeAt(secret, later(180)) })).error?.code).toBe('UNAUTHENTICATED');
    });

    it('the code that confirmed enrolment cannot sign in afterwards', async () => {
      const fresh = 'two.step.fresh';
      await app.setClock(later(300));
      const keys = await turnOn(app, await hire(app, await app.adminToken(), fresh, 'analyst'), later(300));
      const again = await app.api.createAdminSession.reply({ body: { username: fresh, password, otp: codeAt(keys.secret, later(300)) } });
      expect(again.error?.code).toBe('UNAUTHENTICATED');
      await app.setClock(later(330));
      expect((await app.api.createAdminSession.reply({ body: { username: fresh, password, otp: codeAt(keys.secret, later(330)) } })).status).toBe(200);
    });

    it('a recovery code signs in once, typed in any case with or without its dash; never twice', async () => {
      const typed = recoveryCodes[0]!.toUpperCase().replace('-', ' ');
      expect((await signIn({ recoveryCode: typed })).status).toBe(200);
      expect((await signIn({ recoveryCode: recoveryCodes[0]! })).error).toMatchObject({ code: 'UNAUTHENTICATED', details: { field: 'recoveryCode' } });
      expect((await signIn({ recoveryCode: 'abcde-fghjk' })).error?.code).toBe('UNAUTHENTICATED');
      // The others are still good.
      expect((await signIn({ recoveryCode: recoveryCodes[1]! })).status).toBe(200);
      // Both at once is a malformed request, refused before any password is checked.
      expect((await signIn({ otp: '123456', recoveryCode: recoveryCodes[2]! })).status).toBe(422);
    });

    it('two sign-ins racing with the same recovery code: exactly one gets in', async () => {
      const code = recoveryCodes[3]!;
      const replies = await Promise.all([signIn({ recoveryCode: code }), signIn({ recoveryCode: code })]);
      expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
      // Across processes (where the per-process one-at-a-time guard does not reach), the table's
      // condition decides: of many spends of one code, exactly one succeeds, and so for a time step.
      const { store, secondFactor } = app.deps;
      const hash = secondFactor.recoveryHash(username, recoveryCodes[4]!);
      const spent = await Promise.all(Array.from({ length: 8 }, () => store.accounts.useRecoveryCode(username, hash)));
      expect(spent.filter(Boolean)).toHaveLength(1);
      const steps = await Promise.all(Array.from({ length: 8 }, () => store.accounts.useTotpStep(username, Number.MAX_SAFE_INTEGER - 1)));
      expect(steps.filter(Boolean)).toHaveLength(1);
    });
  });

  it('an owner turns another’s two-step sign-in off for a lost phone: their sessions end, the password alone signs in, they may enrol again', async () => {
    const username = 'lost.phone';
    await app.setClock(later(900));
    const owner = await app.adminToken();
    const token = await hire(app, owner, username, 'clerk');
    await turnOn(app, token, later(900));
    const { id } = (await app.api.adminMe({ token })).account;
    expect((await app.api.resetAdminTotp.reply({ token, params: { id } })).error?.code).toBe('FORBIDDEN'); // a clerk, and their own
    const { account } = await app.api.resetAdminTotp({ token: owner, params: { id } });
    expect(account.totp).toBe(false);
    expect((await app.api.adminMe.reply({ token })).error?.code).toBe('UNAUTHENTICATED');
    const again = await app.api.createAdminSession({ body: { username, password } });
    expect((await app.api.enrolTotp.reply({ token: again.token })).status).toBe(200);
    expect((await app.api.resetAdminTotp.reply({ token: owner, params: { id } })).error).toMatchObject({ code: 'CONFLICT', details: { reason: 'not_on' } });
    const self = (await app.api.adminMe({ token: owner })).account.id;
    expect((await app.api.resetAdminTotp.reply({ token: owner, params: { id: self } })).error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'self' } });
  });

  it('a wrong code counts as a failed sign-in from where it came (so codes are guessed no faster than passwords); being asked for one does not', async () => {
    const username = 'two.step.guess';
    await app.setClock(later(600));
    const { secret } = await turnOn(app, await hire(app, await app.adminToken(), username, 'analyst'), later(600));
    await app.setClock(later(630));
    for (let i = 0; i < config.clients.signInFailuresPerMinute + 2; i++) {
      expect((await app.api.createAdminSession.reply({ body: { username, password } })).error?.code).toBe('OTP_REQUIRED');
    }
    const code = codeAt(secret, later(630));
    for (let i = 0; i < config.clients.signInFailuresPerMinute; i++) {
      expect((await app.api.createAdminSession.reply({ body: { username, password, otp: wrong(code) } })).error?.code).toBe('UNAUTHENTICATED');
    }
    expect((await app.api.createAdminSession.reply({ body: { username, password, otp: code } })).error?.code).toBe('RATE_LIMITED');
  });
});

describe('where the deployment requires two-step sign-in', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: false, config: { ...config, office: { ...config.office, requireTotp: true } } });
    await app.setClock(T0);
  });
  afterAll(() => app.stop());

  it('an owner without it reaches only their own account until they turn it on, then acts with the same session; an analyst is not required to', async () => {
    const owner = await app.adminToken();
    const refused = await app.api.adminStats.reply({ token: owner, query: {} });
    expect(refused.status).toBe(403);
    expect(refused.error?.code).toBe('TOTP_REQUIRED');
    expect((await app.api.createAdminAccount.reply({ token: owner, body: { username: 'too-early', name: '早', role: 'analyst', password } })).error?.code).toBe('TOTP_REQUIRED');
    expect((await app.api.adminMe({ token: owner })).account.totp).toBe(false);

    const { secret } = await turnOn(app, owner, T0);
    expect((await app.api.adminStats.reply({ token: owner, query: {} })).status).toBe(200);
    // From now on the owner's sign-in needs a code (the next step's: the confirming one is spent).
    expect((await app.api.createAdminSession.reply({ body: { username: 'admin', password: 'test-admin-password' } })).error?.code).toBe('OTP_REQUIRED');
    await app.setClock(later(30));
    expect((await app.api.createAdminSession.reply({ body: { username: 'admin', password: 'test-admin-password', otp: codeAt(secret, later(30)) } })).status).toBe(200);

    // An analyst reads without it; a clerk must turn it on first.
    const analyst = await hire(app, owner, 'reader', 'analyst');
    expect((await app.api.adminStats.reply({ token: analyst, query: {} })).status).toBe(200);
    const clerk = await hire(app, owner, 'rice.clerk', 'clerk');
    expect((await app.api.adminCatalog.reply({ token: clerk })).error?.code).toBe('TOTP_REQUIRED');
    await turnOn(app, clerk, later(30));
    expect((await app.api.adminCatalog.reply({ token: clerk })).status).toBe(200);
  });
});
