/** A provider's staff accounts and walk-in poster, as the admins manage them. */
import type { StaffInput, StaffView } from '../../contract/admin.js';
import type { ResetPasswordBody } from '../../contract/office.js';
import { fail, invalid, notFound, unexpected } from '../../domain/errors.js';
import { newId } from '../../security/ids.js';
import { hashPassword } from '../../security/passwords.js';
import { audited } from '../audit.js';
import type { AdminCtx } from '../context.js';
import { requireProvider } from './providers.js';
import { requireScope } from './scope.js';
import { providerPoster } from '../staff/counter.js';

export async function listStaff(ctx: AdminCtx, params: { id: string }) {
  await requireProvider(ctx, params.id);
  return { staff: await ctx.deps.store.accounts.staffOf(params.id) };
}

export async function createStaff(ctx: AdminCtx, body: StaffInput) {
  const provider = await ctx.deps.store.providers.get(body.providerId);
  if (!provider) return invalid([{ in: 'body', field: 'providerId', message: 'no such provider' }]);
  requireScope(ctx, provider.district);
  const staff = { id: newId('s'), providerId: body.providerId, username: body.username, name: body.name };
  const audit = audited(ctx, { type: 'staff', id: staff.id }, null, staff, staff.providerId);
  const out = await ctx.deps.store.accounts.create({ ...staff, role: 'staff', passwordHash: await hashPassword(body.password, ctx.deps.config.passwords) }, { audit });
  if (!out.ok) return out.part === 'account' ? fail('CONFLICT', `username ${body.username} is taken`) : unexpected('staff', out);
  return { staff: { ...staff, disabled: false } };
}

/** Disable a staff account: no more sign-ins, and its sessions end within seconds (cache TTL). */
export async function disableStaff(ctx: AdminCtx, params: { id: string }): Promise<{ staff: StaffView }> {
  const { accounts } = ctx.deps.store;
  const before = await requireStaff(ctx, params.id);
  const after = { ...before, disabled: true };
  await accounts.disableStaff(before, ctx.now.toISOString(), { audit: audited(ctx, { type: 'staff', id: before.id }, { disabled: before.disabled }, { disabled: true }, before.providerId) });
  ctx.deps.staffSessions.forget(params.id);
  return { staff: after };
}

/** A staff member this administrator looks after (an officer: at a provider in their sub-districts). */
async function requireStaff(ctx: AdminCtx, id: string) {
  const member = (await ctx.deps.store.accounts.staffMember(id)) ?? notFound('staff member');
  await requireProvider(ctx, member.providerId);
  return member;
}

/** A disabled account signs in again (with its password as it was); its old sessions stay ended. */
export async function enableStaff(ctx: AdminCtx, params: { id: string }): Promise<{ staff: StaffView }> {
  const before = await requireStaff(ctx, params.id);
  if (!before.disabled) return fail('CONFLICT', 'this staff account is not disabled', { reason: 'not_disabled' });
  const out = await ctx.deps.store.accounts.enableStaff(before, { audit: audited(ctx, { type: 'staff', id: before.id }, { disabled: true }, { disabled: false }, before.providerId) });
  if (!out.ok) return out.part === 'member' || out.part === 'account' ? fail('CONFLICT', 'the staff account changed meanwhile; reload and retry') : unexpected('enableStaff', out);
  return { staff: { ...before, disabled: false } };
}

/**
 * A temporary password the administrator hands over: every session of the account ends within
 * seconds (cache TTL). The staff app has no change-password screen, so it stays until the next
 * reset; the password itself is never in the audit entry, only that it was reset.
 */
export async function resetStaffPassword(ctx: AdminCtx, params: { id: string }, body: ResetPasswordBody): Promise<{ staff: StaffView }> {
  const before = await requireStaff(ctx, params.id);
  const passwordHash = await hashPassword(body.password, ctx.deps.config.passwords);
  const out = await ctx.deps.store.accounts.resetStaffPassword(before, passwordHash, { audit: audited(ctx, { type: 'staff', id: before.id }, null, { signIn: 'reset', sessionsEnded: true }, before.providerId) });
  if (!out.ok) return out.part === 'member' || out.part === 'account' ? notFound('staff member') : unexpected('resetStaffPassword', out);
  ctx.deps.staffSessions.forget(params.id);
  return { staff: before };
}

/** The provider's walk-in poster, as its staff print it (an unknown id is NOT_FOUND, not a write). */
export async function providerPosterForAdmin(ctx: AdminCtx, params: { id: string }) {
  await requireProvider(ctx, params.id);
  return providerPoster(ctx, params.id);
}
