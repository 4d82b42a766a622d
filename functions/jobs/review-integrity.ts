import type { Deps } from '../app/deps.js';
import { providerDays, tallyFrom } from '../app/impact/integrity.js';
import type { IntegrityCase } from '../contract/integrity.js';
import { normalsOf, signalsOf } from '../domain/integrity.js';
import { addDays, localMoment } from '../domain/time.js';

/**
 * The daily integrity review: judge every provider's last `integrity.reviewDays` closed days
 * (ending yesterday, so a run's answer never changes with the hour it runs at) against its
 * sub-district's normal, and flag each provider with any flag that is not flagged already —
 * which freezes its held points from this instant until an admin clears it. A provider cleared
 * before is judged only on the days after its clear (`clearedThrough`): the evidence an admin
 * has accepted does not raise the same flag again the next night, new evidence does.
 *
 * Deterministic for a given day's figures, and safe to run twice at once or again later: each flag
 * is written on the condition that the case is still as read (no case, or that same clear).
 */
export async function reviewIntegrity(deps: Deps, now: Date): Promise<{ from: string; to: string; providers: number; flagged: string[] }> {
  const { config, store } = deps;
  const to = addDays(localMoment(now, config.timeZone).date, -1);
  const from = addDays(to, -(config.integrity.reviewDays - 1));
  const byProvider = [...(await providerDays(deps, from, to)).values()];
  // Peers are judged on the whole window: a neighbour's clear does not change what is normal.
  const normals = normalsOf(byProvider.map((p) => ({ providerId: p.providerId, district: p.district, tally: tallyFrom(p) })), config);
  const suspects = byProvider.filter((p) => signalsOf(tallyFrom(p), normals.get(p.providerId) ?? null, config).flags.length > 0);
  const flagged: string[] = [];
  await Promise.all(
    suspects.map(async (p) => {
      const prior = await store.integrity.get(p.providerId);
      if (prior?.status === 'FLAGGED') return;
      const since = prior?.clearedThrough && prior.clearedThrough >= from ? addDays(prior.clearedThrough, 1) : from;
      if (since > to) return;
      const tally = tallyFrom(p, since);
      const { flags } = signalsOf(tally, normals.get(p.providerId) ?? null, config);
      if (flags.length === 0) return;
      const raised: IntegrityCase = {
        providerId: p.providerId,
        status: 'FLAGGED',
        flags,
        flaggedAt: now.toISOString(),
        evidence: { from: since, to, redemptions: tally.redemptions },
        clearedAt: null,
        clearedBy: null,
        reason: null,
        clearedThrough: null,
      };
      // Refused only when another run flagged it first, or an admin acted meanwhile: either way, as it should stand.
      if ((await store.integrity.flag(raised, prior)).ok) flagged.push(p.providerId);
    }),
  );
  return { from, to, providers: byProvider.length, flagged: flagged.sort() };
}
