import type { DeviceSessionBody, MeResponse, PasswordSessionBody, RecipientSessionResponse, WechatSessionBody } from '../../contract/index.js';
import type { AdminSessionResponse, SessionMethodsResponse, StaffSessionResponse } from '../../contract/sessions.js';
import { DomainError } from '../../domain/errors.js';
import { recipientId, type IdentitySource } from '../../security/recipient-ids.js';
import type { AdminAccountRecord } from '../../store/records.js';
import { accountView } from '../office.js';
import type { Ctx, RecipientCtx } from '../context.js';
import { takeRate } from '../rate-limit.js';
import { recipientProfile, recipientSummary } from '../recipient/profile.js';
import { signIn } from './passwords.js';

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

export async function createStaffSession(ctx: Ctx, body: PasswordSessionBody): Promise<StaffSessionResponse> {
  const { account: a, device } = await signIn(ctx, body, 'staff');
  // Said only to someone who knows the password.
  if (a.disabled) throw new DomainError('FORBIDDEN', 'this staff account is disabled; ask an administrator');
  const token = await ctx.deps.tokens.issue({ role: 'staff', id: a.id, providerId: a.providerId, name: a.name }, ctx.now, ctx.deps.config.sessions.staffTtlSeconds, { sv: a.sessionVersion ?? 0 });
  return { token, staff: { id: a.id, providerId: a.providerId, name: a.name }, device };
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
  const { account: a, device } = await signIn(ctx, body, 'admin', (account) => secondStep(ctx, account as AdminAccountRecord, body));
  // Said only to someone who knows the password.
  if (a.disabled) throw new DomainError('FORBIDDEN', 'this administrator account is disabled; ask an owner');
  // The username and session version ride along, so ending the account's sessions ends this one.
  // The role does not: each request reads it with the session version, so a change applies at once.
  const token = await ctx.deps.tokens.issue({ role: 'admin', id: a.id, name: a.name }, ctx.now, ctx.deps.config.sessions.adminTtlSeconds, { u: a.username, sv: a.sessionVersion ?? 0 });
  const { id, username, name, role, districts, mustChangePassword } = accountView(a);
  return { token, admin: { id, username, name, role, districts, mustChangePassword }, device };
}

export async function getMe(ctx: RecipientCtx): Promise<MeResponse> {
  const r = await ctx.deps.store.recipients.ensure(ctx.principal.id, ctx.now);
  return { user: recipientProfile(r, ctx.now, ctx.deps.config) };
}
