/** The review queue: where sealed applications are opened, and decided (audited). */
import type { VerificationBody, VerificationQuery, VerificationReasonBody } from '../../contract/verifications.js';
import { verifiedThrough } from '../../domain/booking.js';
import { DomainError, notFound, unexpected } from '../../domain/errors.js';
import { maskPhone } from '../../domain/phone.js';
import { localMoment } from '../../domain/time.js';
import type { VerificationRecord } from '../../store/verifications.js';
import type { AdminCtx } from '../context.js';
import { audited } from '../audit.js';
import type { Personal } from '../recipient/verification.js';

const opened = (ctx: AdminCtx, v: VerificationRecord) => ctx.deps.sealer.open<Personal>(v.sealed, v.id);

/** The whole number never leaves here: the list masks it, and only `revealPhone` hands it out. */
function adminView(ctx: AdminCtx, v: VerificationRecord) {
  const { name, phone, note } = opened(ctx, v);
  return {
    id: v.id,
    status: v.status,
    category: v.category as VerificationBody['category'],
    submittedAt: v.submittedAt,
    decidedAt: v.decidedAt,
    name,
    maskedPhone: maskPhone(phone),
    note,
    reason: v.reason ?? null,
  };
}

/** The queue, opened: each application whose name is shown is on record as read, by whom. */
export async function listVerifications(ctx: AdminCtx, query: VerificationQuery) {
  const { store } = ctx.deps;
  const page = await store.verifications.list(query.status, { limit: query.limit, cursor: query.cursor });
  await store.audit.record(page.items.filter((v) => v.sealed).map((v) => audited(ctx, { type: 'verification', id: v.id }, null, { personalData: 'read' })));
  return { verifications: page.items.map((v) => adminView(ctx, v)), next: page.next };
}

const requireApplication = async (ctx: AdminCtx, id: string) => (await ctx.deps.store.verifications.get(id)) ?? notFound('verification');
const purgeAtFrom = (ctx: AdminCtx) => Math.floor(ctx.now.getTime() / 1000) + ctx.deps.config.claims.personalDataRetentionDays * 86_400;

async function decide(ctx: AdminCtx, id: string, status: 'APPROVED' | 'REJECTED', reason: string | null) {
  const { config, store } = ctx.deps;
  const v = await requireApplication(ctx, id);
  if (v.status !== 'PENDING') throw new DomainError('CONFLICT', `this application was already ${v.status.toLowerCase()}`, { status: v.status });
  const today = localMoment(ctx.now, config.timeZone).date;
  const verifiedUntil = status === 'APPROVED' ? verifiedThrough(today, config.claims.verificationValidDays) : null;
  const at = ctx.now.toISOString();
  const audit = audited(ctx, { type: 'verification', id: v.id }, { status: v.status }, { status, verifiedUntil, ...(reason ? { reason } : {}) });
  const out = await store.verifications.decide(v, status, at, verifiedUntil, purgeAtFrom(ctx), reason, { audit });
  if (!out.ok) throw new DomainError('CONFLICT', 'this application was decided meanwhile');
  if (status === 'REJECTED' && v.phoneKey) await store.verifications.releasePhone(v.phoneKey, v.id);
  return { verification: adminView(ctx, { ...v, status, decidedAt: at, reason }) };
}

export const approveVerification = (ctx: AdminCtx, params: { id: string }) => decide(ctx, params.id, 'APPROVED', null);

/** A rejection says why: the applicant reads the reason on their verification page. */
export const rejectVerification = (ctx: AdminCtx, params: { id: string }, body: VerificationReasonBody) => decide(ctx, params.id, 'REJECTED', body.reason);

/**
 * An approval taken back (found false, say): the person is unverified from now, books under the
 * same rules as anyone unverified, reads the reason, and may apply again (their phone is freed).
 */
export async function revokeVerification(ctx: AdminCtx, params: { id: string }, body: VerificationReasonBody) {
  const { store } = ctx.deps;
  const v = await requireApplication(ctx, params.id);
  if (v.status !== 'APPROVED') throw new DomainError('CONFLICT', `only an approved application can be revoked; this one is ${v.status.toLowerCase()}`, { status: v.status });
  const audit = audited(ctx, { type: 'verification', id: v.id }, { status: v.status }, { status: 'REVOKED', reason: body.reason });
  const out = await store.verifications.revoke(v, ctx.now.toISOString(), body.reason, purgeAtFrom(ctx), { audit });
  if (!out.ok) {
    if (out.part === 'verification') throw new DomainError('CONFLICT', 'this application was changed meanwhile');
    if (out.part === 'recipient') throw new DomainError('CONFLICT', 'the applicant has applied again since; decide that application instead', { reason: 'reapplied' });
    return unexpected('revokeVerification', out);
  }
  if (v.phoneKey) await store.verifications.releasePhone(v.phoneKey, v.id);
  return { verification: adminView(ctx, { ...v, status: 'REVOKED', reason: body.reason }) };
}

/**
 * One applicant's whole phone number, for an administrator who must call them. The read is on
 * record (who, when, which application); the number itself is not written to the audit.
 */
export async function revealPhone(ctx: AdminCtx, params: { id: string }) {
  const v = await requireApplication(ctx, params.id);
  if (!v.sealed) throw new DomainError('CONFLICT', 'this application’s personal data was purged', { reason: 'purged' });
  await ctx.deps.store.audit.record([audited(ctx, { type: 'verification', id: v.id }, null, { personalData: 'phone_revealed' })]);
  return { phone: opened(ctx, v).phone };
}
