import type { MeResponse, RecipientSummary } from '../contract/sessions.js';
import type { Config } from '../config.js';
import { localMoment } from '../domain/time.js';
import type { Recipient } from '../store/index.js';

/** How a recipient's counters read today (counters for an earlier day or month read as zero). */
export function recipientSummary(r: Recipient, now: Date, config: Config): RecipientSummary {
  const today = localMoment(now, config.timeZone).date;
  return {
    id: r.id,
    verified: r.verifiedUntil !== null && r.verifiedUntil >= today,
    freeClaimsLeft: Math.max(0, config.claims.freeClaims - r.claims),
    claimsToday: r.lastClaimDate === today ? r.claimsOnLastDate : 0,
  };
}

export function recipientProfile(r: Recipient, now: Date, config: Config): MeResponse['user'] {
  const today = localMoment(now, config.timeZone).date;
  return {
    ...recipientSummary(r, now, config),
    verifiedUntil: r.verifiedUntil,
    claimsThisMonth: r.claimMonth === today.slice(0, 7) ? r.claimsInMonth : 0,
    suspendedUntil: r.suspendedUntil !== null && r.suspendedUntil >= today ? r.suspendedUntil : null,
    verification: null,
  };
}
