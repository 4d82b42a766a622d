/**
 * Deciding four-eyes requests. A different eligible administrator approves (the requester never
 * can), and the approval commits in the same transaction as the change: it happens exactly once.
 */
import type { Approval, ApprovalKind, ApprovalsQuery, RejectApprovalBody } from '../../contract/approvals.js';
import { mayUse, type AdminEndpointName } from '../../contract/admin-roles.js';
import { DomainError, notFound, unexpected } from '../../domain/errors.js';
import { audited } from '../audit.js';
import type { AdminCtx } from '../context.js';
import { applyRoleChange } from './accounts.js';
import { approvedBy, decidedMeanwhile, personOf } from './four-eyes.js';
import { applyAdjustment, applyReversal } from './points.js';

/** Who may decide a request: whoever may make that change themself. */
const routeOf: Record<ApprovalKind, AdminEndpointName> = {
  points_adjustment: 'createPointsAdjustment',
  points_reversal: 'createPointsReversal',
  role_change: 'changeAdminRole',
};

export async function listApprovals(ctx: AdminCtx, q: ApprovalsQuery) {
  const page = await ctx.deps.store.approvals.list(q.status, { limit: q.limit, cursor: q.cursor });
  return { approvals: page.items, next: page.next };
}

async function pending(ctx: AdminCtx, id: string): Promise<Approval> {
  const a = (await ctx.deps.store.approvals.get(id)) ?? notFound('approval');
  if (a.status !== 'PENDING') throw new DomainError('CONFLICT', `this request was already ${a.status.toLowerCase()}`, { reason: 'decided' });
  if (!mayUse(ctx.principal.office.role, routeOf[a.kind])) throw new DomainError('FORBIDDEN', `a ${ctx.principal.office.role} may not decide this request`, { reason: 'role' });
  return a;
}

export async function approve(ctx: AdminCtx, params: { id: string }): Promise<{ approval: Approval }> {
  const a = await pending(ctx, params.id);
  if (a.requestedBy.id === ctx.principal.id) throw new DomainError('FORBIDDEN', 'a second administrator must approve your own request', { reason: 'own_request' });
  const approval = approvedBy(ctx, a);
  const { change } = a;
  switch (a.kind) {
    case 'points_adjustment':
      await applyAdjustment(ctx, { providerId: change.providerId!, points: change.points!, reason: change.reason ?? '' }, approval);
      break;
    case 'points_reversal':
      await applyReversal(ctx, { providerId: change.providerId!, entryId: change.entryId!, reason: change.reason ?? '', points: -change.points! }, approval);
      break;
    case 'role_change':
      await applyRoleChange(ctx, change, approval);
      break;
  }
  return { approval: (await ctx.deps.store.approvals.get(a.id))! };
}

/** Turn a request down with a reason; the requester may withdraw their own the same way. */
export async function reject(ctx: AdminCtx, params: { id: string }, body: RejectApprovalBody): Promise<{ approval: Approval }> {
  const a = await pending(ctx, params.id);
  const decision = { id: a.id, status: 'REJECTED' as const, by: personOf(ctx), at: ctx.now.toISOString(), reason: body.reason };
  const out = await ctx.deps.store.approvals.reject(decision, { audit: audited(ctx, { type: 'approval', id: a.id }, { status: 'PENDING' }, { status: 'REJECTED', reason: body.reason }, 'providerId' in a.change ? a.change.providerId : undefined) });
  if (!out.ok) return out.part === 'decision' ? decidedMeanwhile() : unexpected('reject', out);
  return { approval: (await ctx.deps.store.approvals.get(a.id))! };
}
