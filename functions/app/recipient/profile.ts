import type { MeResponse, RecipientSummary } from '../../contract/sessions.js';
import type { Config } from '../../config.js';
import { isVerified } from '../../domain/booking.js';
import { localMoment } from '../../domain/time.js';
import type { Recipient } from '../../store/index.js';

/** How a recipient's counters read today. */
export function recipientSummary(r: Recipient, now: Date, config: Config): RecipientSummary {
  const today = localMoment(now, config.timeZone).date;
  return {
    id: r.id,
    verified: isVerified(r, today),
    freeClaimsLeft: Math.max(0, config.claims.freeClaims - r.claims),
    claimsToday: r.daily[today] ?? 0,
  };
}

export function recipientProfile(r: Recipient, now: Date, config: Config): MeResponse['user'] {
  const today = localMoment(now, config.timeZone).date;
  return {
    ...recipientSummary(r, now, config),
    verifiedUntil: r.verifiedUntil,
    claimsThisMonth: r.monthly[today.slice(0, 7)] ?? 0,
    suspendedUntil: r.suspendedUntil !== null && r.suspendedUntil >= today ? r.suspendedUntil : null,
    verification: r.verification,
  };
}
