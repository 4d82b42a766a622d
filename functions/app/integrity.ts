/**
 * Integrity signals per provider for the admins (issues 8 and 20): read from the impact day items,
 * which every redemption writes in its own transaction, so the signals are as exact as the
 * figures.
 */
import type { IntegrityQuery, IntegrityReport, ProviderIntegrity } from '../contract/integrity.js';
import { invalid } from '../domain/errors.js';
import { datesIn } from '../domain/impact.js';
import { addTally, byConcern, judgeAll, zeroTally, type ProviderTally } from '../domain/integrity.js';
import { addDays, daysBetween, localMoment } from '../domain/time.js';
import type { AdminCtx } from './context.js';
import type { Deps } from './deps.js';

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
  if (from > to) invalid([{ in: 'query', field: 'from', message: 'must not be after to' }]);
  if (daysBetween(from, to) >= c.maxRangeDays) invalid([{ in: 'query', field: 'to', message: `at most ${c.maxRangeDays} days in one request` }]);
  // Days after today hold nothing.
  const byProvider = await providerDays(deps, from, to < today ? to : today);
  const all = [...byProvider.values()];
  // Every provider is judged against its neighbours, even when the answer shows one.
  const judged = judgeAll(all.map((p) => ({ providerId: p.providerId, district: p.district, tally: tallyFrom(p) })), config);
  const providers: ProviderIntegrity[] = all
    .filter((p) => !q.providerId || p.providerId === q.providerId)
    .map((p) => ({ providerId: p.providerId, name: p.name, district: p.district, ...judged.get(p.providerId)! }))
    .sort(byConcern);
  return {
    from,
    to,
    thresholds: { quickMinutes: c.quickRedemptionMinutes, minRedemptions: c.minRedemptions, minPeers: c.minPeers, minQuotaDays: c.minQuotaDays, flags: c.flags },
    providers,
  };
}
