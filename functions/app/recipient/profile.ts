import { BookingBlock, type MeResponse, type RecipientSummary } from '../../contract/sessions.js';
import type { Config } from '../../config.js';
import { isVerified, recipientRefusal } from '../../domain/booking.js';
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
    blocked: bookingBlock(r, today, config),
  };
}

/** The refusal a booking made now would meet (the booking's own rule), as the app shows it before the tap. */
function bookingBlock(r: Recipient, today: string, config: Config): MeResponse['user']['blocked'] {
  const refusal = recipientRefusal(r, today, config);
  if (!refusal || refusal.ok) return null;
  const code = BookingBlock.shape.code.safeParse(refusal.code);
  return code.success ? { code: code.data, ...(refusal.details ? { details: refusal.details } : {}) } : null;
}
