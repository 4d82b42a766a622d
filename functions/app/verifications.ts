import type { VerificationBody } from '../contract/verifications.js';
import { verifiedThrough } from '../domain/booking.js';
import { DomainError, notFound } from '../domain/errors.js';
import { localMoment } from '../domain/time.js';
import { newId } from '../security/ids.js';
import type { VerificationRecord } from '../store/verifications.js';
import type { AdminCtx, RecipientCtx } from './context.js';
import { audited } from './audit.js';
import { idempotency } from './idempotency.js';

type Personal = { name: string; phone: string; note: string };

/** An application for verification; name, phone and note are sealed before they reach the table. */
export async function submitVerification(ctx: RecipientCtx, body: VerificationBody) {
  type Receipt = { verification: { id: string; status: 'PENDING' } };
  const idem = idempotency<Receipt>(ctx, 'verification', body);
  const prior = await idem.prior();
  if (prior) return prior;
  const id = newId('v');
  const personal: Personal = { name: body.name, phone: body.phone, note: body.note };
  const record: VerificationRecord = {
    id,
    recipientId: ctx.principal.id,
    status: 'PENDING',
    category: body.category,
    sealed: ctx.deps.sealer.seal(personal, id),
    submittedAt: ctx.now.toISOString(),
    decidedAt: null,
  };
  if ((await ctx.deps.store.verifications.submit(record)) === 'pending') {
    throw new DomainError('CONFLICT', 'an application is already waiting for review');
  }
  return { verification: { id, status: 'PENDING' as const } };
}

function adminView(ctx: AdminCtx, v: VerificationRecord) {
  const p = ctx.deps.sealer.open<Personal>(v.sealed, v.id);
  return { id: v.id, status: v.status, category: v.category as VerificationBody['category'], submittedAt: v.submittedAt, decidedAt: v.decidedAt, ...p };
}

export async function listVerifications(ctx: AdminCtx, query: { status: VerificationRecord['status'] }) {
  const list = await ctx.deps.store.verifications.list(query.status);
  return { verifications: list.map((v) => adminView(ctx, v)) };
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
  return { verification: adminView(ctx, { ...v, status, decidedAt: at }) };
};

export const approveVerification = decide('APPROVED');
export const rejectVerification = decide('REJECTED');
