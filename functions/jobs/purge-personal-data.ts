import type { Deps } from '../app/deps.js';

/**
 * Verification applications keep their personal data only until the retention period after the
 * decision (config.claims.personalDataRetentionDays, 180); then it is deleted. Safe to run twice.
 */
export async function purgePersonalData(deps: Deps, now: Date): Promise<{ purged: number }> {
  return { purged: await deps.store.verifications.purgeDue(Math.floor(now.getTime() / 1000)) };
}
