import type { VerificationBody, VerificationQuery } from '../contract/verifications.js';
import { verifiedThrough } from '../domain/booking.js';
import { DomainError, notFound, unexpected } from '../domain/errors.js';
import { localMoment } from '../domain/time.js';
import { newId } from '../security/ids.js';
import type { VerificationRecord } from '../store/verifications.js';
import { rateIntent } from './rate-limit.js';
import type { AdminCtx, RecipientCtx } from './context.js';
import { audited } from './audit.js';
import { idempotency } from './idempotency.js';

type Personal = { name: string; phone: string; note: string };

type Receipt = { verification: { id: string; status: 'PENDING' } };

/**
 * An application for verification; name, phone and note are sealed before they reach the table.
 * One pending or approved application per phone (its keyed hash), a few per recipient a month,
 * and a repeat with the same Idempotency-Key answers the first receipt.
 */
export async function submitVerification(ctx: RecipientCtx, body: VerificationBody): Promise<Receipt> {
  const { config, sealer, store } = ctx.deps;
  const idem = idempotency<Receipt>(ctx, 'verification', body);
  const prior = await idem.prior();
  if (prior) return prior;
  const id = newId('v');
  const personal: Personal = { name: body.name, phone: body.phone, note: body.note };
  const today = localMoment(ctx.now, config.timeZone).date;
  const record = {
    id,
    recipientId: ctx.principal.id,
    status: 'PENDING' as const,
    category: body.category,
    sealed: sealer.seal(personal, id),
    submittedAt: ctx.now.toISOString(),
    decidedAt: null,
    phoneKey: sealer.phoneKey(body.phone),
  };
  const answer: Receipt = { verification: { id, status: 'PENDING' } };
  const rate = rateIntent(ctx, 'verification', ctx.principal.id, config.verification.applicationsPer30Days, 30 * 86_400);
  const out = await store.verifications.submit(record, today, { idempotency: idem.intent(answer), rate: rate.intent });
  if (out.ok) return answer;
  switch (out.part) {
    case 'idempotency':
      return idem.replay();
    case 'rate':
      throw rate.refused();
    case 'recipient':
      throw new DomainError('CONFLICT', 'an application is already waiting for review', { reason: 'pending' });
    case 'phone':
      throw new DomainError('CONFLICT', 'this phone number already has an application pending or approved', { reason: 'phone_in_use' });
    // The application is a fresh item, and a submission sends no audit or impact intent.
    case 'verification':
    case 'audit':
    case 'impact':
      return unexpected('verification', out);
  }
}

function adminView(ctx: AdminCtx, v: VerificationRecord) {
  const p = ctx.deps.sealer.open<Personal>(v.sealed, v.id);
  return { id: v.id, status: v.status, category: v.category as VerificationBody['category'], submittedAt: v.submittedAt, decidedAt: v.decidedAt, ...p };
}

export async function listVerifications(ctx: AdminCtx, query: VerificationQuery) {
  const page = await ctx.deps.store.verifications.list(query.status, { limit: query.limit, cursor: query.cursor });
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
