import type { Deps } from '../app/deps.js';

/**
 * Verification applications keep their personal data only until the retention period after the
 * decision (config.claims.personalDataRetentionDays, 180); then it is deleted. Applications left
 * pending longer than `verification.pendingMaxDays` are deleted whole (`stale`): their phone is
 * free again and the recipient may reapply. Safe to run twice.
 */
export async function purgePersonalData(deps: Deps, now: Date): Promise<{ purged: number; stale: number }> {
  const cutoff = new Date(now.getTime() - deps.config.verification.pendingMaxDays * 86_400_000).toISOString();
  const stale = await deps.store.verifications.purgeStalePending(cutoff);
  return { purged: await deps.store.verifications.purgeDue(Math.floor(now.getTime() / 1000)), stale };
}
