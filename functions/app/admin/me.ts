/** An administrator's own account: who they are to the desk, their password, their sessions. */
import type { AdminAccount, ChangePasswordBody } from '../../contract/office.js';
import { DomainError, notFound, unexpected } from '../../domain/errors.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';
import { audited } from '../audit.js';
import type { AdminCtx } from '../context.js';
import { accountView } from '../office.js';

/** The caller's account: it exists, or the token check would have refused them. */
export async function own(ctx: AdminCtx) {
  return (await ctx.deps.store.accounts.admin(ctx.principal.username)) ?? notFound('administrator');
}

export async function adminMe(ctx: AdminCtx): Promise<{ account: AdminAccount }> {
  return { account: accountView(await own(ctx)) };
}

/**
 * A new password, proven by the current one. Every session of the account ends, this one
 * included (only the sign-in function may mint a token): the desk signs in again with the new
 * password. Clears an owner's reset.
 */
export async function changeAdminPassword(ctx: AdminCtx, body: ChangePasswordBody): Promise<{ account: AdminAccount }> {
  const { config, store } = ctx.deps;
  const before = await own(ctx);
  if (!(await verifyPassword(body.current, before.passwordHash, config.passwords))) throw new DomainError('UNAUTHENTICATED', 'the current password is wrong', { field: 'current' });
  const passwordHash = await hashPassword(body.password, config.passwords);
  const out = await store.accounts.updateAdmin(before.username, { passwordHash, mustChangePassword: false }, { endSessions: true }, {
    audit: audited(ctx, { type: 'admin', id: before.id }, null, { password: 'changed' }),
  });
  if (!out.ok) return unexpected('changeAdminPassword', out);
  ctx.deps.adminSessions.forget(before.username);
  return { account: accountView((await store.accounts.admin(before.username))!) };
}

/**
 * "Sign out everywhere": every session of the calling account ends (this one included) — at once
 * in this process, within the session cache's TTL in every other. For a lost laptop or a token
 * that leaked; others' sessions are untouched.
 */
export async function endAdminSessions(ctx: AdminCtx): Promise<{ ended: true }> {
  const { username } = ctx.principal;
  const out = await ctx.deps.store.accounts.updateAdmin(username, {}, { endSessions: true }, { audit: audited(ctx, { type: 'admin', id: ctx.principal.id }, null, { sessions: 'ended' }) });
  if (!out.ok) return unexpected('endAdminSessions', out);
  ctx.deps.adminSessions.forget(username);
  return { ended: true };
}
