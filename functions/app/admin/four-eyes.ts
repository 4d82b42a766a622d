/**
 * Four eyes: what asks for a second administrator, and what an approval hands to the change it
 * carries out. The deciding is in approvals.ts.
 */
import type { Approval, ApprovalChange, ApprovalKind, Person } from '../../contract/approvals.js';
import { DomainError, unexpected } from '../../domain/errors.js';
import { newId } from '../../security/ids.js';
import type { ApprovalDecision } from '../../store/approvals.js';
import { audited } from '../audit.js';
import type { AdminCtx } from '../context.js';
import { Accepted } from '../prepared.js';

export const personOf = (ctx: AdminCtx): Person => ({ id: ctx.principal.id, username: ctx.principal.username, name: ctx.principal.name ?? '' });

/** An approval being carried out: the decision that commits with the change, and both names for its audit entry. */
export interface Approved {
  decision: ApprovalDecision;
  record: { approval: { id: string; requestedBy: Person; approvedBy: Person } };
}

export const approvedBy = (ctx: AdminCtx, a: Approval): Approved => {
  const by = personOf(ctx);
  return {
    decision: { id: a.id, status: 'APPROVED', by, at: ctx.now.toISOString(), reason: null },
    record: { approval: { id: a.id, requestedBy: a.requestedBy, approvedBy: by } },
  };
};

/** The change waits as a pending request (audited under the asking route); nothing moves yet. */
export async function requestApproval(ctx: AdminCtx, kind: ApprovalKind, change: ApprovalChange, target: { type: string; id: string }, providerId?: string): Promise<Accepted<{ approval: Approval }>> {
  const approval: Approval = {
    id: newId('ap'),
    kind,
    status: 'PENDING',
    change,
    requestedBy: personOf(ctx),
    requestedAt: ctx.now.toISOString(),
    decidedBy: null,
    decidedAt: null,
    reason: null,
  };
  const out = await ctx.deps.store.approvals.request(approval, { audit: audited(ctx, target, null, { approval: { id: approval.id, kind, status: 'PENDING', change } }, providerId) });
  if (!out.ok) return unexpected('requestApproval', out);
  return new Accepted({ approval });
}

export const decidedMeanwhile = (): never => {
  throw new DomainError('CONFLICT', 'this request was decided meanwhile', { reason: 'decided' });
};
