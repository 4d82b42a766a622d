/**
 * Integrity signals per provider for the admins (issue 8): read from the impact day items, which
 * every redemption writes in its own transaction, so the signals are as exact as the figures.
 */
import type { IntegrityQuery, IntegrityReport, ProviderIntegrity } from '../contract/integrity.js';
import { boundedRange, datesIn } from '../domain/impact.js';
import { byConcern, signalsOf, type ProviderTally } from '../domain/integrity.js';
import { addDays, localMoment } from '../domain/time.js';
import type { AdminCtx } from './context.js';

const emptyTally = (): ProviderTally => ({ redemptions: 0, firstTimers: 0, quickRedemptions: 0, posterRedemptions: 0, walkIns: 0 });

export async function adminIntegrity(ctx: AdminCtx, q: IntegrityQuery): Promise<IntegrityReport> {
  const { deps } = ctx;
  const c = deps.config.integrity;
  const today = localMoment(ctx.now, deps.config.timeZone).date;
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -(c.defaultDays - 1));
  boundedRange(from, to, c.maxRangeDays);
  // One query per day (each day's partition holds every provider's item); days after today hold nothing.
  const days = datesIn({ from, to: to < today ? to : today });
  const perDay = await Promise.all(days.map((d) => deps.store.impact.signalsDay(d)));
  const tallies = new Map<string, { name: string; district: string; t: ProviderTally }>();
  for (const item of perDay.flat()) {
    if (q.providerId && item.providerId !== q.providerId) continue;
    const row = tallies.get(item.providerId) ?? { name: item.name, district: item.district, t: emptyTally() };
    // The newest day's name wins (days are read in order).
    row.name = item.name;
    row.district = item.district;
    for (const k of Object.keys(row.t) as (keyof ProviderTally)[]) row.t[k] += item[k];
    tallies.set(item.providerId, row);
  }
  const providers: ProviderIntegrity[] = [...tallies]
    .map(([providerId, r]) => ({ providerId, name: r.name, district: r.district, ...signalsOf(r.t, deps.config) }))
    .sort(byConcern);
  return {
    from,
    to,
    thresholds: { quickMinutes: c.quickRedemptionMinutes, minRedemptions: c.minRedemptions, firstTimerShare: c.firstTimerShare, quickShare: c.quickShare },
    providers,
  };
}
