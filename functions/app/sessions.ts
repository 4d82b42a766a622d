import type { DeviceSessionBody, MeResponse, PasswordSessionBody, RecipientSessionResponse, WechatSessionBody } from '../contract/index.js';
import type { AdminSessionResponse, StaffSessionResponse } from '../contract/sessions.js';
import { DomainError } from '../domain/errors.js';
import { decoyHash, verifyPassword } from '../security/passwords.js';
import { recipientId, type IdentitySource } from '../security/recipient-ids.js';
import type { Account } from '../store/index.js';
import type { Ctx, RecipientCtx } from './context.js';
import { takeRate } from './rate-limit.js';
import { recipientProfile, recipientSummary } from './recipient-view.js';

async function recipientSession(ctx: Ctx, source: IdentitySource, subject: string): Promise<RecipientSessionResponse> {
  const { deps, now } = ctx;
  const id = recipientId(deps.idSecret, source, subject);
  // Per device key (as its keyed hash), never per IP: thousands share one address on mobile networks.
  await takeRate(ctx, 'session', id, deps.config.rateLimits.sessionsPerMinute, 60);
  const recipient = await deps.store.recipients.ensure(id, now);
  const token = await deps.tokens.issue({ role: 'recipient', id }, now, deps.config.sessions.recipientTtlSeconds);
  return { token, user: recipientSummary(recipient, now, deps.config) };
}

export const createDeviceSession = (ctx: Ctx, body: DeviceSessionBody) => recipientSession(ctx, 'device', body.deviceKey);

export async function createWechatSession(ctx: Ctx, body: WechatSessionBody): Promise<RecipientSessionResponse> {
  const wechat = ctx.deps.wechat;
  if (!wechat) throw new DomainError('NOT_CONFIGURED', 'WeChat sign-in is not configured on this server (set WECHAT_APP_ID and WECHAT_APP_SECRET)');
  return recipientSession(ctx, 'wechat', await wechat.openidFor(body.code));
}

let decoy: Promise<string> | undefined;

/** The account, if the password is right. Unknown usernames cost the same scrypt time. */
async function signIn<R extends Account['role']>(ctx: Ctx, { username, password }: PasswordSessionBody, role: R): Promise<Extract<Account, { role: R }>> {
  const { config, store } = ctx.deps;
  const account = await store.accounts.get(username);
  const hash = account?.passwordHash ?? (await (decoy ??= decoyHash(config.passwords)));
  const ok = await verifyPassword(password, hash, config.passwords);
  if (!account || !ok || account.role !== role) throw new DomainError('UNAUTHENTICATED', 'wrong username or password');
  return account as Extract<Account, { role: R }>;
}

export async function createStaffSession(ctx: Ctx, body: PasswordSessionBody): Promise<StaffSessionResponse> {
  const a = await signIn(ctx, body, 'staff');
  const token = await ctx.deps.tokens.issue({ role: 'staff', id: a.id, providerId: a.providerId, name: a.name }, ctx.now, ctx.deps.config.sessions.staffTtlSeconds);
  return { token, staff: { id: a.id, providerId: a.providerId, name: a.name } };
}

export async function createAdminSession(ctx: Ctx, body: PasswordSessionBody): Promise<AdminSessionResponse> {
  const a = await signIn(ctx, body, 'admin');
  const token = await ctx.deps.tokens.issue({ role: 'admin', id: a.id, name: a.name }, ctx.now, ctx.deps.config.sessions.adminTtlSeconds);
  return { token, admin: { id: a.id, name: a.name } };
}

export async function getMe(ctx: RecipientCtx): Promise<MeResponse> {
  const r = await ctx.deps.store.recipients.ensure(ctx.principal.id, ctx.now);
  return { user: recipientProfile(r, ctx.now, ctx.deps.config) };
}
