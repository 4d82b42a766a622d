/**
 * Integrity signals per provider for the admins (issues 8 and 20): read from the impact day items,
 * which every redemption writes in its own transaction, so the signals are as exact as the
 * figures. The daily review (jobs/review-integrity.ts) flags providers from the same reading; a
 * flag freezes the provider's held points until an admin clears it here.
 */
import type { ClearIntegrityBody, IntegrityCase, IntegrityQuery, IntegrityReport, ProviderIntegrity } from '../../contract/integrity.js';
import { fail, notFound, unexpected } from '../../domain/errors.js';
import { boundedRange, datesIn } from '../../domain/impact.js';
import { addTally, byConcern, judgeAll, zeroTally, type ProviderTally } from '../../domain/integrity.js';
import { addDays, localMoment } from '../../domain/time.js';
import { audited, decider } from '../audit.js';
import type { AdminCtx } from '../context.js';
import type { Deps } from '../deps.js';

/** One provider's tallies by day (only days with figures), as the day items hold them. */
export interface ProviderDays {
  providerId: string;
  name: string;
  district: string;
  days: Map<string, ProviderTally>;
}

/** Every provider with figures between `from` and `to`: one query per day (each day's partition holds every provider's item). */
export async function providerDays(deps: Deps, from: string, to: string): Promise<Map<string, ProviderDays>> {
  const dates = from <= to ? datesIn({ from, to }) : [];
  const perDay = await Promise.all(dates.map((d) => deps.store.impact.signalsDay(d)));
  const out = new Map<string, ProviderDays>();
  dates.forEach((date, i) => {
    for (const item of perDay[i]!) {
      const row = out.get(item.providerId) ?? { providerId: item.providerId, name: item.name, district: item.district, days: new Map() };
      // The newest day's name and sub-district win (days are read in order).
      row.name = item.name;
      row.district = item.district;
      row.days.set(date, item.tally);
      out.set(item.providerId, row);
    }
  });
  return out;
}

/** A provider's tally over the days from `from` on (all of them when null). */
export function tallyFrom(p: ProviderDays, from: string | null = null): ProviderTally {
  let t = zeroTally();
  for (const [date, day] of p.days) if (from === null || date >= from) t = addTally(t, day);
  return t;
}

export async function adminIntegrity(ctx: AdminCtx, q: IntegrityQuery): Promise<IntegrityReport> {
  const { deps } = ctx;
  const config = deps.config;
  const c = config.integrity;
  const today = localMoment(ctx.now, config.timeZone).date;
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -(c.defaultDays - 1));
  boundedRange(from, to, c.maxRangeDays);
  // Days after today hold nothing.
  const [byProvider, held] = await Promise.all([providerDays(deps, from, to < today ? to : today), deps.store.integrity.flagged()]);
  const all = [...byProvider.values()];
  // Every provider is judged against its neighbours, even when the answer shows one.
  const judged = judgeAll(all.map((p) => ({ providerId: p.providerId, district: p.district, tally: tallyFrom(p) })), config);
  const heldIds = new Set(held.map((h) => h.providerId));
  const providers: ProviderIntegrity[] = all
    .filter((p) => !q.providerId || p.providerId === q.providerId)
    .map((p) => ({ providerId: p.providerId, name: p.name, district: p.district, ...judged.get(p.providerId)!, held: heldIds.has(p.providerId) }))
    .sort(byConcern);
  return {
    from,
    to,
    thresholds: { quickMinutes: c.quickRedemptionMinutes, minRedemptions: c.minRedemptions, minPeers: c.minPeers, minQuotaDays: c.minQuotaDays, flags: c.flags },
    providers,
    held: held.filter((h) => !q.providerId || h.providerId === q.providerId),
  };
}

/**
 * An admin looked at a flagged provider and releases its held points: the case CLEARED, the
 * freeze lifted (credits past their hold mature at once), one audit entry, in one transaction.
 * The clear covers the evidence through today: the next reviews judge only the days after it.
 * Credits the admin found false are reversed (POST /v1/admin/points-reversals) before clearing.
 */
export async function clearIntegrity(ctx: AdminCtx, params: { id: string }, body: ClearIntegrityBody): Promise<{ integrity: IntegrityCase }> {
  const { store, config } = ctx.deps;
  if (!(await store.providers.get(params.id))) return notFound('provider');
  const before = await store.integrity.get(params.id);
  if (before?.status !== 'FLAGGED') return fail('CONFLICT', 'this provider has no integrity flag awaiting a clear');
  const after: IntegrityCase = {
    ...before,
    status: 'CLEARED',
    clearedAt: ctx.now.toISOString(),
    clearedBy: decider(ctx),
    reason: body.reason,
    clearedThrough: localMoment(ctx.now, config.timeZone).date,
  };
  const out = await store.integrity.clear(before, after, { audit: audited(ctx, { type: 'provider', id: params.id }, before, after) });
  if (out.ok) return { integrity: after };
  return out.part === 'case' ? fail('CONFLICT', 'the flag changed meanwhile; read it again') : unexpected('integrity clear', out);
}
