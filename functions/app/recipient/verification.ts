import type { VerificationBody } from '../../contract/verifications.js';
import { DomainError, unexpected } from '../../domain/errors.js';
import { localMoment } from '../../domain/time.js';
import { newId } from '../../security/ids.js';
import { rateIntent } from '../rate-limit.js';
import type { RecipientCtx } from '../context.js';
import { idempotency } from '../idempotency.js';

export type Personal = { name: string; phone: string; note: string };

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
    case 'approval':
      return unexpected('verification', out);
  }
}
