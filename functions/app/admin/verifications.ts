/** The review queue: where sealed applications are opened, and decided (audited). */
import type { VerificationBody, VerificationQuery } from '../../contract/verifications.js';
import { verifiedThrough } from '../../domain/booking.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { localMoment } from '../../domain/time.js';
import type { VerificationRecord } from '../../store/verifications.js';
import type { AdminCtx } from '../context.js';
import { audited } from '../audit.js';
import type { Personal } from '../recipient/verification.js';

function adminView(ctx: AdminCtx, v: VerificationRecord) {
  const p = ctx.deps.sealer.open<Personal>(v.sealed, v.id);
  return { id: v.id, status: v.status, category: v.category as VerificationBody['category'], submittedAt: v.submittedAt, decidedAt: v.decidedAt, ...p };
}

/** The queue, opened: each application whose name and phone are shown is on record as read, by whom. */
export async function listVerifications(ctx: AdminCtx, query: VerificationQuery) {
  const { store } = ctx.deps;
  const page = await store.verifications.list(query.status, { limit: query.limit, cursor: query.cursor });
  await store.audit.record(page.items.filter((v) => v.sealed).map((v) => audited(ctx, { type: 'verification', id: v.id }, null, { personalData: 'read' })));
  return { verifications: page.items.map((v) => adminView(ctx, v)), next: page.next };
}

const decide = (status: 'APPROVED' | 'REJECTED') => async (ctx: AdminCtx, params: { id: string }) => {
  const { config, store } = ctx.deps;
  const v = (await store.verifications.get(params.id)) ?? notFound('verification');
  if (v.status !== 'PENDING') throw new DomainError('CONFLICT', `this application was already ${v.status.toLowerCase()}`);
  const today = localMoment(ctx.now, config.timeZone).date;
  const verifiedUntil = status === 'APPROVED' ? verifiedThrough(today, config.claims.verificationValidDays) : null;
  const purgeAt = Math.floor(ctx.now.getTime() / 1000) + config.claims.personalDataRetentionDays * 86_400;
  const at = ctx.now.toISOString();
  const audit = audited(ctx, { type: 'verification', id: v.id }, { status: v.status }, { status, verifiedUntil });
  const out = await store.verifications.decide(v, status, at, verifiedUntil, purgeAt, { audit });
  if (!out.ok) throw new DomainError('CONFLICT', 'this application was decided meanwhile');
  if (status === 'REJECTED' && v.phoneKey) await store.verifications.releasePhone(v.phoneKey, v.id);
  return { verification: adminView(ctx, { ...v, status, decidedAt: at }) };
};

export const approveVerification = decide('APPROVED');

export const rejectVerification = decide('REJECTED');
