/**
 * Thanks from the people fed, and food-safety reports. A note reaches the restaurant without who
 * wrote it; a safety report reaches the admins only, and keeps no reporter at all.
 */
import type { CloseSafetyReportBody, SafetyReportBody, SafetyReportsQuery, ThanksBody } from '../contract/thanks.js';
import type { SafetyReport } from '../store/thanks.js';
import { DomainError, notFound, unexpected } from '../domain/errors.js';
import { localMoment } from '../domain/time.js';
import { newId } from '../security/ids.js';
import type { AdminCtx, RecipientCtx, StaffCtx } from './context.js';
import { idempotency } from './idempotency.js';
import { rateIntent, takeRate } from './rate-limit.js';
import { audited, decider } from './audit.js';

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

export async function staffThanks(ctx: StaffCtx, q: { limit: number; cursor?: string }) {
  const { providerId } = ctx.principal;
  const [page, likes] = await Promise.all([ctx.deps.store.thanks.notesOf(providerId, q), ctx.deps.store.thanks.likesOf(providerId)]);
  // The day, not the instant: a note's second would point at the person just served.
  const day = (at: string) => localMoment(new Date(at), ctx.deps.config.timeZone).date;
  return { likes, thanks: page.items.map((n) => ({ id: n.id, note: n.note, at: day(n.at) })), next: page.next };
}

export async function adminThanks(ctx: AdminCtx, q: { providerId: string; limit: number; cursor?: string }) {
  const page = await ctx.deps.store.thanks.notesOf(q.providerId, q);
  return { thanks: page.items, next: page.next };
}

/** Hide a note everywhere (audited; the entry keeps the words hidden, never who wrote them — nobody knows). */
export async function hideThanks(ctx: AdminCtx, params: { id: string }) {
  const audit = audited(ctx, { type: 'thanks', id: params.id }, { hidden: false }, { hidden: true });
  const note = await ctx.deps.store.thanks.hide(params.id, { audit });
  return { thanks: note ?? notFound('note') };
}

/** A food-safety report: to the admins' needs-attention list, with no trace of who sent it. */
export async function reportSafety(ctx: RecipientCtx, body: SafetyReportBody) {
  const { deps } = ctx;
  type Receipt = { report: { id: string; status: 'RECEIVED' } };
  const idem = idempotency<Receipt>(ctx, 'safety-report', body);
  const prior = await idem.prior();
  if (prior) return prior;
  const provider = await deps.catalog.provider(body.providerId);
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

async function withProviderNames(ctx: AdminCtx, reports: SafetyReport[]) {
  const names = new Map(await Promise.all([...new Set(reports.map((r) => r.providerId))].map(async (id) => [id, (await ctx.deps.catalog.provider(id))?.name ?? id] as const)));
  return reports.map((r) => ({ ...r, providerName: names.get(r.providerId) ?? r.providerId }));
}

export async function adminSafetyReports(ctx: AdminCtx, q: SafetyReportsQuery) {
  const page = await ctx.deps.store.thanks.reports(q.status, q);
  return { reports: await withProviderNames(ctx, page.items), next: page.next };
}

/** Close an open report with what was done (audited): it leaves the open list for the closed one. */
export async function closeSafetyReport(ctx: AdminCtx, params: { id: string }, body: CloseSafetyReportBody) {
  const closed = { at: ctx.now.toISOString(), note: body.note, by: decider(ctx) };
  const audit = audited(ctx, { type: 'safety_report', id: params.id }, { status: 'OPEN' }, { status: 'CLOSED', closed });
  const out = await ctx.deps.store.thanks.closeReport(params.id, closed, { audit });
  if (!out.ok) {
    if (out.part !== 'report') return unexpected('closeSafetyReport', out);
    if (!out.old) return notFound('safety report');
    throw new DomainError('CONFLICT', 'this report was closed already', { closed: out.old.closed });
  }
  const report = (await ctx.deps.store.thanks.getReport(params.id))!;
  return { report: (await withProviderNames(ctx, [report]))[0]! };
}
