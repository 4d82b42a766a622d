/** Thanks and food-safety reports as the admins moderate them. */
import type { CloseSafetyReportBody, SafetyReportsQuery } from '../../contract/thanks.js';
import type { SafetyReport } from '../../store/thanks.js';
import { DomainError, notFound, unexpected } from '../../domain/errors.js';
import type { AdminCtx } from '../context.js';
import { audited, decider } from '../audit.js';
import { requireProvider } from './providers.js';
import { scopeOf } from './scope.js';

export async function adminThanks(ctx: AdminCtx, q: { providerId: string; limit: number; cursor?: string }) {
  await requireProvider(ctx, q.providerId);
  const page = await ctx.deps.store.thanks.notesOf(q.providerId, q);
  return { thanks: page.items, next: page.next };
}

/** Hide a note everywhere (audited; the entry keeps the words hidden, never who wrote them — nobody knows). */
export async function hideThanks(ctx: AdminCtx, params: { id: string }) {
  // Read first for the provider whose history the entry joins.
  const was = (await ctx.deps.store.thanks.note(params.id)) ?? notFound('note');
  const audit = audited(ctx, { type: 'thanks', id: params.id }, { hidden: false }, { hidden: true }, was.providerId);
  const note = await ctx.deps.store.thanks.hide(params.id, { audit });
  return { thanks: note ?? notFound('note') };
}

/** The reports' providers, each read once (through the listing cache): their names, and for an officer their sub-districts. */
async function providersOf(ctx: AdminCtx, reports: SafetyReport[]) {
  const ids = [...new Set(reports.map((r) => r.providerId))];
  return new Map(await Promise.all(ids.map(async (id) => [id, await ctx.deps.listing.provider(id)] as const)));
}

async function withProviderNames(ctx: AdminCtx, reports: SafetyReport[], providers?: Awaited<ReturnType<typeof providersOf>>) {
  const known = providers ?? (await providersOf(ctx, reports));
  return reports.map((r) => ({ ...r, providerName: known.get(r.providerId)?.name ?? r.providerId }));
}

/** An officer's list holds their sub-districts' reports only (a page may then hold fewer than `limit`). */
export async function adminSafetyReports(ctx: AdminCtx, q: SafetyReportsQuery) {
  const page = await ctx.deps.store.thanks.reports(q.status, q);
  const scope = scopeOf(ctx);
  const providers = await providersOf(ctx, page.items);
  const shown = scope ? page.items.filter((r) => scope.includes(providers.get(r.providerId)?.district ?? '')) : page.items;
  return { reports: await withProviderNames(ctx, shown, providers), next: page.next };
}

/** Close an open report with what was done (audited): it leaves the open list for the closed one. */
export async function closeSafetyReport(ctx: AdminCtx, params: { id: string }, body: CloseSafetyReportBody) {
  const report = (await ctx.deps.store.thanks.getReport(params.id)) ?? notFound('safety report');
  await requireProvider(ctx, report.providerId);
  const closed = { at: ctx.now.toISOString(), note: body.note, by: decider(ctx) };
  const audit = audited(ctx, { type: 'safety_report', id: params.id }, { status: 'OPEN' }, { status: 'CLOSED', closed }, report.providerId);
  const out = await ctx.deps.store.thanks.closeReport(params.id, closed, { audit });
  if (!out.ok) {
    if (out.part !== 'report') return unexpected('closeSafetyReport', out);
    if (!out.old) return notFound('safety report');
    throw new DomainError('CONFLICT', 'this report was closed already', { closed: out.old.closed });
  }
  const after = (await ctx.deps.store.thanks.getReport(params.id))!;
  return { report: (await withProviderNames(ctx, [after]))[0]! };
}
