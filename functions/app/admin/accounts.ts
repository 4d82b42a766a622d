/**
 * The programme office's accounts, kept by its owners: who may sign in to the desk, with which
 * role and (officers) which sub-districts. A change of role is not here: it waits for a second
 * administrator (four eyes).
 */
import type { ApprovalChange, RoleChangeBody } from '../../contract/approvals.js';
import type { AdminAccount, CreateAdminAccountBody, PatchAdminAccountBody, ResetPasswordBody } from '../../contract/office.js';
import { DomainError, fail, invalid, notFound, unexpected } from '../../domain/errors.js';
import { newId } from '../../security/ids.js';
import { hashPassword } from '../../security/passwords.js';
import type { AdminAccountRecord } from '../../store/records.js';
import { audited } from '../audit.js';
import type { AdminCtx } from '../context.js';
import { accountView } from '../office.js';
import { decidedMeanwhile, requestApproval, type Approved } from './four-eyes.js';
import { requireKnownDistricts } from './scope.js';

/** The office is tens of people: an account by id is found among them all. */
export async function accountById(ctx: AdminCtx, id: string): Promise<AdminAccountRecord> {
  return (await ctx.deps.store.accounts.admins()).find((a) => a.id === id) ?? notFound('administrator');
}

export async function listAccounts(ctx: AdminCtx): Promise<{ accounts: AdminAccount[] }> {
  return { accounts: (await ctx.deps.store.accounts.admins()).map(accountView) };
}

export async function createAccount(ctx: AdminCtx, body: CreateAdminAccountBody): Promise<{ account: AdminAccount }> {
  await requireKnownDistricts(ctx, body.districts ?? [], 'districts');
  const record: AdminAccountRecord = {
    role: 'admin',
    id: newId('a'),
    username: body.username,
    name: body.name,
    adminRole: body.role,
    districts: body.role === 'officer' ? [...new Set(body.districts)] : [],
    passwordHash: await hashPassword(body.password, ctx.deps.config.passwords),
    sessionVersion: 0,
    version: 1,
  };
  const account = accountView(record);
  const out = await ctx.deps.store.accounts.create(record, { audit: audited(ctx, { type: 'admin', id: record.id }, null, account) });
  if (!out.ok) return out.part === 'account' ? fail('CONFLICT', `username ${body.username} is taken`) : unexpected('createAccount', out);
  return { account };
}

/** A refused account change: gone, or changed since the version the owner saw. */
function refused(out: { ok: false; part: string; old: unknown }, before: AdminAccountRecord): never {
  if (out.part !== 'account') return unexpected('account', out);
  throw new DomainError('CONFLICT', 'this account changed meanwhile; reload it', { version: (out.old as AdminAccountRecord | null)?.version ?? before.version ?? 1 });
}

async function changed(ctx: AdminCtx, before: AdminAccountRecord): Promise<{ account: AdminAccount }> {
  ctx.deps.adminSessions.forget(before.username);
  return { account: accountView((await ctx.deps.store.accounts.admin(before.username))!) };
}

/**
 * Rename, re-district or disable an administrator. Disabling ends their sessions; an owner cannot
 * disable themself (the office would risk having no owner left to undo it).
 */
export async function updateAccount(ctx: AdminCtx, params: { id: string }, body: PatchAdminAccountBody): Promise<{ account: AdminAccount }> {
  const before = await accountById(ctx, params.id);
  if (body.disabled === true && before.id === ctx.principal.id) throw new DomainError('FORBIDDEN', 'you cannot disable your own account', { reason: 'self' });
  if (body.districts !== undefined && (before.adminRole ?? 'owner') !== 'officer') {
    invalid([{ in: 'body', field: 'districts', message: 'only officers have sub-districts' }]);
  }
  if (body.districts !== undefined && body.districts.length === 0) invalid([{ in: 'body', field: 'districts', message: 'an officer looks after at least one sub-district' }]);
  await requireKnownDistricts(ctx, body.districts ?? [], 'districts');
  const change = { name: body.name, districts: body.districts && [...new Set(body.districts)], disabled: body.disabled };
  const after = { ...accountView(before), ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
  const out = await ctx.deps.store.accounts.updateAdmin(before.username, change, { version: body.version, endSessions: body.disabled === true }, {
    audit: audited(ctx, { type: 'admin', id: before.id }, accountView(before), after),
  });
  if (!out.ok) refused(out, before);
  return changed(ctx, before);
}

/** Set another's password: they must choose their own at their next sign-in, and their sessions end now. */
export async function resetPassword(ctx: AdminCtx, params: { id: string }, body: ResetPasswordBody): Promise<{ account: AdminAccount }> {
  const before = await accountById(ctx, params.id);
  if (before.id === ctx.principal.id) throw new DomainError('FORBIDDEN', 'change your own password under your profile', { reason: 'self' });
  const passwordHash = await hashPassword(body.password, ctx.deps.config.passwords);
  const out = await ctx.deps.store.accounts.updateAdmin(before.username, { passwordHash, mustChangePassword: true }, { endSessions: true }, {
    audit: audited(ctx, { type: 'admin', id: before.id }, { mustChangePassword: before.mustChangePassword === true }, { password: 'reset', mustChangePassword: true }),
  });
  if (!out.ok) refused(out, before);
  return changed(ctx, before);
}

/**
 * Turn another's two-step sign-in off (a lost phone and its recovery codes): they sign in with
 * the password alone and may enrol again; their sessions end now, as whoever holds the old
 * factor may hold one of them. Not one's own: a second owner decides, as for a password.
 */
export async function resetTotp(ctx: AdminCtx, params: { id: string }): Promise<{ account: AdminAccount }> {
  const before = await accountById(ctx, params.id);
  if (before.id === ctx.principal.id) throw new DomainError('FORBIDDEN', 'another owner resets your two-step sign-in', { reason: 'self' });
  const out = await ctx.deps.store.accounts.resetTotp(before.username, {
    audit: audited(ctx, { type: 'admin', id: before.id }, { totp: before.totpOn === true }, { totp: false }),
  });
  if (!out.ok) {
    if (out.part === 'account' && out.old !== null) throw new DomainError('CONFLICT', 'two-step sign-in is not on for this account', { reason: 'not_on' });
    return unexpected('resetTotp', out);
  }
  return changed(ctx, before);
}

/** End every session of another administrator (a lost laptop, someone who left). */
export async function endAccountSessions(ctx: AdminCtx, params: { id: string }): Promise<{ ended: true }> {
  const before = await accountById(ctx, params.id);
  const out = await ctx.deps.store.accounts.updateAdmin(before.username, {}, { endSessions: true }, {
    audit: audited(ctx, { type: 'admin', id: before.id }, null, { sessions: 'ended' }),
  });
  if (!out.ok) refused(out, before);
  ctx.deps.adminSessions.forget(before.username);
  return { ended: true };
}

/** A new role is never set at once: it waits for a second owner (four eyes). */
export async function changeRole(ctx: AdminCtx, params: { id: string }, body: RoleChangeBody) {
  const before = await accountById(ctx, params.id);
  await requireKnownDistricts(ctx, body.districts ?? [], 'districts');
  if ((before.adminRole ?? 'owner') === body.role && body.role !== 'officer') throw new DomainError('CONFLICT', `this account is already a ${body.role}`, { reason: 'unchanged' });
  // Always waits: the route itself answers 202.
  return (await requestApproval(ctx, 'role_change', { accountId: before.id, role: body.role, districts: body.role === 'officer' ? [...new Set(body.districts)] : [] }, { type: 'admin', id: before.id })).body;
}

/** The approved role change, with the approval's decision in the same transaction. */
export async function applyRoleChange(ctx: AdminCtx, change: ApprovalChange, approval: Approved): Promise<void> {
  const before = await accountById(ctx, change.accountId ?? '');
  const after = { role: change.role!, districts: change.districts ?? [] };
  const out = await ctx.deps.store.accounts.updateAdmin(before.username, { adminRole: after.role, districts: after.districts }, {}, {
    audit: audited(ctx, { type: 'admin', id: before.id }, { role: before.adminRole ?? 'owner', districts: before.districts ?? [] }, { ...after, ...approval.record }),
    approval: approval.decision,
  });
  if (!out.ok) return out.part === 'approval' ? decidedMeanwhile() : refused(out, before);
  ctx.deps.adminSessions.forget(before.username);
}
