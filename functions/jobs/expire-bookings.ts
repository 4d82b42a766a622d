import type { Deps } from '../app/deps.js';
import { suspendIfDue } from '../app/no-shows.js';
import { localStamp, pickupClosed } from '../domain/booking.js';
import { localMoment } from '../domain/time.js';

/**
 * No-shows: every live booking whose pickup period has closed (however long ago: after downtime
 * too) becomes EXPIRED, gives its meal back to the slot and counts against the recipient on the
 * booking's own date; three in 30 days pause booking for 7 days. Safe to run twice at once: each
 * expiry is conditional on BOOKED.
 */
export async function expireBookings(deps: Deps, now: Date): Promise<{ expired: number; suspended: number }> {
  const { config, store } = deps;
  const local = localMoment(now, config.timeZone);
  let expired = 0;
  let suspended = 0;
  for (const b of await store.bookings.liveDue(localStamp(local))) {
    // The store's query is by the stamp stored at booking time; the counter's own boundary decides.
    if (!pickupClosed(b, local, config.redemption.graceMinutes)) continue;
    if (!(await store.bookings.expire(b, now.toISOString())).ok) continue;
    expired++;
    if (await suspendIfDue(deps, b.recipientId, b.date)) suspended++;
  }
  return { expired, suspended };
}
