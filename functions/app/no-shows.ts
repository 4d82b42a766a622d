import { suspensionAfterNoShow } from '../domain/booking.js';
import type { BookingRecord } from '../store/index.js';
import type { Deps } from './deps.js';

/**
 * After a no-show (a missed pickup or a late cancel) dated `date` was recorded: pause the
 * recipient's booking if the no-shows within the window reach the threshold. Returns whether it did.
 */
export async function suspendIfDue(deps: Deps, recipientId: string, date: string): Promise<boolean> {
  const r = await deps.store.recipients.get(recipientId);
  const until = r ? suspensionAfterNoShow(r.noShows, date, deps.config) : null;
  if (!until) return false;
  await deps.store.bookings.setSuspension(recipientId, until);
  return true;
}

/**
 * A live booking whose pickup has closed becomes a no-show: EXPIRED, its meal back to the slot,
 * counted against the recipient (and a pause when due). The no-show job and a provider's
 * suspension both end such bookings through this, so neither order can treat it differently.
 * `expired` is false when the booking was no longer BOOKED.
 */
export async function expireNoShow(deps: Deps, b: BookingRecord, at: string): Promise<{ expired: boolean; suspended: boolean }> {
  if (!(await deps.store.bookings.expire(b, at)).ok) return { expired: false, suspended: false };
  return { expired: true, suspended: await suspendIfDue(deps, b.recipientId, b.date) };
}
