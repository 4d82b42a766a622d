/**
 * Thanks from the people fed, and food-safety reports. A note reaches the restaurant without who
 * wrote it; a safety report reaches the admins only, and keeps no reporter at all.
 */
import type { SafetyReportBody, ThanksBody } from '../../contract/thanks.js';
import { DomainError, notFound, unexpected } from '../../domain/errors.js';
import { newId } from '../../security/ids.js';
import type { RecipientCtx } from '../context.js';
import { idempotency } from '../idempotency.js';
import { rateIntent, takeRate } from '../rate-limit.js';

export async function thankProvider(ctx: RecipientCtx, params: { id: string }, body: ThanksBody) {
  const { deps } = ctx;
  const b = await deps.store.bookings.get(params.id);
  // Someone else's booking is as absent as a missing one.
  if (!b || b.recipientId !== ctx.principal.id) return notFound('booking');
  if (b.status !== 'REDEEMED') throw new DomainError('CONFLICT', 'only a meal that was handed over can be thanked');
  const at = ctx.now.toISOString();
  const rate = rateIntent(ctx, 'thanks', ctx.principal.id, deps.config.thanks.notesPerDay, 86_400);
  const out = await deps.store.thanks.thank(
    { bookingId: b.id, recipientId: ctx.principal.id, providerId: b.providerId, at, note: body.note ? { id: newId('t'), text: body.note } : null },
    { rate: rate.intent },
  );
  if (!out.ok) {
    if (out.part === 'rate') throw rate.refused();
    if (out.part === 'booking') throw new DomainError('CONFLICT', 'this meal has already been thanked');
    return unexpected('thanks', out);
  }
  deps.figuresCache.clear();
  return { thanks: { bookingId: b.id, like: true as const, note: body.note ?? null, at } };
}

/** A food-safety report: to the admins' needs-attention list, with no trace of who sent it. */
export async function reportSafety(ctx: RecipientCtx, body: SafetyReportBody) {
  const { deps } = ctx;
  type Receipt = { report: { id: string; status: 'RECEIVED' } };
  const idem = idempotency<Receipt>(ctx, 'safety-report', body);
  const prior = await idem.prior();
  if (prior) return prior;
  const provider = await deps.listing.provider(body.providerId);
  if (!provider) return notFound('provider');
  // Only someone who was handed a meal there can report on its food: the meal named, or (none
  // named) their latest one there, which the report is then linked to.
  const meals = (await deps.store.bookings.listFor(ctx.principal.id)).filter((b) => b.providerId === provider.id && b.status === 'REDEEMED');
  const meal = body.bookingId ? meals.find((b) => b.id === body.bookingId) : meals[0];
  if (!meal) {
    if (body.bookingId) return notFound('booking');
    throw new DomainError('FORBIDDEN', 'a food-safety report is about a meal you were handed here', { reason: 'no_meal' });
  }
  await takeRate(ctx, 'safety-report', ctx.principal.id, deps.config.thanks.safetyReportsPerDay, 86_400);
  const id = newId('r');
  await deps.store.thanks.report({ id, providerId: provider.id, bookingId: meal.id, text: body.text, at: ctx.now.toISOString() });
  return { report: { id, status: 'RECEIVED' as const } };
}
