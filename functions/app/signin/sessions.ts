import type { DeviceSessionBody, MeResponse, PasswordSessionBody, RecipientSessionResponse, WechatSessionBody } from '../../contract/index.js';
import type { AdminSessionResponse, SessionMethodsResponse, StaffSessionResponse } from '../../contract/sessions.js';
import { DomainError } from '../../domain/errors.js';
import { decoyHash, verifyPassword } from '../../security/passwords.js';
import { recipientId, type IdentitySource } from '../../security/recipient-ids.js';
import type { Account } from '../../store/index.js';
import type { AdminAccountRecord } from '../../store/records.js';
import { accountView } from '../office.js';
import type { Ctx, RecipientCtx } from '../context.js';
import { limited, reserve, takeRate } from '../rate-limit.js';
import { recipientProfile, recipientSummary } from '../recipient/profile.js';

/** A recipient session for a proven identity (device key, WeChat openid or confirmed phone). */
export async function recipientSession(ctx: Ctx, source: IdentitySource, subject: string): Promise<RecipientSessionResponse> {
  const { deps, now } = ctx;
  const id = recipientId(deps.idSecret, source, subject);
  // Per device key (as its keyed hash), never per IP: thousands share one address on mobile networks.
  await takeRate(ctx, 'session', id, deps.config.rateLimits.sessionsPerMinute, 60);
  const recipient = await deps.store.recipients.ensure(id, now);
  const token = await deps.tokens.issue({ role: 'recipient', id }, now, deps.config.sessions.recipientTtlSeconds);
  return { token, user: recipientSummary(recipient, now, deps.config) };
}

/**
 * Device keys are minted by the client for free, so they are accepted only where the config says
 * (local mode, demos), and only a few a minute from one address.
 */
export async function createDeviceSession(ctx: Ctx, body: DeviceSessionBody): Promise<RecipientSessionResponse> {
  const { config } = ctx.deps;
  if (!config.identity.deviceKeys) {
    throw new DomainError('FORBIDDEN', 'device sign-in is off on this server; confirm a phone number instead', { methods: sessionMethods(ctx) });
  }
  await takeRate(ctx, 'device-client', ctx.client, config.clients.newDevicesPerMinute, 60);
  return recipientSession(ctx, 'device', body.deviceKey);
}

export function sessionMethods(ctx: Ctx): SessionMethodsResponse {
  return { device: ctx.deps.config.identity.deviceKeys, phone: ctx.deps.sms !== null, wechat: ctx.deps.wechat !== null };
}

export async function createWechatSession(ctx: Ctx, body: WechatSessionBody): Promise<RecipientSessionResponse> {
  const wechat = ctx.deps.wechat;
  if (!wechat) throw new DomainError('NOT_CONFIGURED', 'WeChat sign-in is not configured on this server (set WECHAT_APP_ID and WECHAT_APP_SECRET)');
  return recipientSession(ctx, 'wechat', await wechat.openidFor(body.code));
}

let decoy: Promise<string> | undefined;

/**
 * The account, if the password is right. In order, each before any password hashing:
 * - one sign-in per username at a time in this process (a parallel flood on one account is
 *   answered 429 at once, costing neither the table nor a core);
 * - the gate on hashing work: when full, 503 BUSY at once (no failure is counted);
 * - the username's failure allowance, reserved atomically (`n < limit`), so however many attempts
 *   arrive, at most the allowance is ever checked; a right password hands its reservation back.
 * Unknown usernames cost the same scrypt time and share the same throttle, so neither reveals
 * which accounts exist.
 */
async function signIn<R extends Account['role']>(
  ctx: Ctx,
  { username, password }: PasswordSessionBody,
  role: R,
  secondStep?: (account: Extract<Account, { role: R }>) => Promise<void>,
): Promise<Extract<Account, { role: R }>> {
  const { config, store, passwordGate, signingIn } = ctx.deps;
  // Usernames are lowercase (the contract's rule for new accounts): the lookup and the throttle
  // both take the name as typed on a phone that capitalises its first letter, so they agree.
  const who = username.trim().toLowerCase();
  if (signingIn.has(who)) throw limited(ctx, 1, 'a sign-in for this account is already in progress');
  signingIn.add(who);
  try {
    return await passwordGate.run(async () => {
      const [attempt, account] = await Promise.all([
        reserve(
          ctx,
          [
            { scope: 'signin-fail', who, limit: config.signIn.failuresPerMinute, seconds: 60 },
            { scope: 'signin-fail', who, limit: config.signIn.failuresPerHour, seconds: 3600 },
          ],
          'too many failed sign-ins for this account; wait before trying again',
        ),
        store.accounts.get(who),
      ]);
      const hash = account?.passwordHash ?? (await (decoy ??= decoyHash(config.passwords)));
      const ok = await verifyPassword(password, hash, config.passwords);
      if (!account || !ok || account.role !== role) throw new DomainError('UNAUTHENTICATED', 'wrong username or password');
      const known = account as Extract<Account, { role: R }>;
      // A wrong second-factor code keeps its reservation: it counts as a failed sign-in, so codes
      // are guessed no faster than passwords. Asking for the code hands it back, as a right password does.
      await secondStep?.(known).catch(async (e: unknown) => {
        if (e instanceof DomainError && e.code === 'OTP_REQUIRED') await attempt.release();
        throw e;
      });
      await attempt.release();
      return known;
    });
  } finally {
    signingIn.delete(who);
  }
}

export async function createStaffSession(ctx: Ctx, body: PasswordSessionBody): Promise<StaffSessionResponse> {
  const a = await signIn(ctx, body, 'staff');
  // Said only to someone who knows the password.
  if (a.disabled) throw new DomainError('FORBIDDEN', 'this staff account is disabled; ask an administrator');
  const token = await ctx.deps.tokens.issue({ role: 'staff', id: a.id, providerId: a.providerId, name: a.name }, ctx.now, ctx.deps.config.sessions.staffTtlSeconds, { sv: a.sessionVersion ?? 0 });
  return { token, staff: { id: a.id, providerId: a.providerId, name: a.name } };
}

/**
 * An administrator's second step, once the password was right: with two-step sign-in on, a code
 * from the authenticator app or one of the recovery codes. Each works once: the code's time step
 * must be later than the last one used, and a recovery code is removed as it is used, both by a
 * conditional write, so two sign-ins racing with the same code cannot both pass. The answer never
 * says which was wrong beyond the field: the password is known right already.
 */
async function secondStep(ctx: Ctx, a: AdminAccountRecord, body: PasswordSessionBody): Promise<void> {
  if (a.totpOn !== true) return;
  const { store, secondFactor, config } = ctx.deps;
  if (body.otp !== undefined) {
    const step = a.totpSecret ? secondFactor.matchStep(a.totpSecret, a.username, body.otp, ctx.now, config.office.totpDriftSteps) : null;
    if (step === null || !(await store.accounts.useTotpStep(a.username, step))) {
      throw new DomainError('UNAUTHENTICATED', 'wrong code, or one already used: wait for the next one', { field: 'otp' });
    }
    return;
  }
  if (body.recoveryCode !== undefined) {
    if (!(await store.accounts.useRecoveryCode(a.username, secondFactor.recoveryHash(a.username, body.recoveryCode)))) {
      throw new DomainError('UNAUTHENTICATED', 'this recovery code is wrong or was used already', { field: 'recoveryCode' });
    }
    return;
  }
  throw new DomainError('OTP_REQUIRED', 'two-step sign-in is on: send the code from the authenticator app as otp (or a recovery code as recoveryCode)');
}

export async function createAdminSession(ctx: Ctx, body: PasswordSessionBody): Promise<AdminSessionResponse> {
  const a = await signIn(ctx, body, 'admin', (account) => secondStep(ctx, account, body));
  // Said only to someone who knows the password.
  if (a.disabled) throw new DomainError('FORBIDDEN', 'this administrator account is disabled; ask an owner');
  // The username and session version ride along, so ending the account's sessions ends this one.
  // The role does not: each request reads it with the session version, so a change applies at once.
  const token = await ctx.deps.tokens.issue({ role: 'admin', id: a.id, name: a.name }, ctx.now, ctx.deps.config.sessions.adminTtlSeconds, { u: a.username, sv: a.sessionVersion ?? 0 });
  const { id, username, name, role, districts, mustChangePassword } = accountView(a);
  return { token, admin: { id, username, name, role, districts, mustChangePassword } };
}

export async function getMe(ctx: RecipientCtx): Promise<MeResponse> {
  const r = await ctx.deps.store.recipients.ensure(ctx.principal.id, ctx.now);
  return { user: recipientProfile(r, ctx.now, ctx.deps.config) };
}
