import type { Deps } from '../app/deps.js';
import { localStamp, suspensionAfterNoShow } from '../domain/booking.js';
import { addDays, localMoment } from '../domain/time.js';

/**
 * No-shows: every live booking whose window closed more than the grace period ago becomes
 * EXPIRED, gives its meal back to the slot and counts against the recipient; three in 30 days
 * pause booking for 7 days. Safe to run twice at once: each expiry is conditional on BOOKED.
 */
export async function expireBookings(deps: Deps, now: Date): Promise<{ expired: number; suspended: number }> {
  const { config, store } = deps;
  const local = localMoment(now, config.timeZone);
  const stamp = localStamp(local);
  let expired = 0;
  let suspended = 0;
  for (let back = config.expiry.lookbackDays; back >= 0; back--) {
    const date = addDays(local.date, -back);
    for (const b of await store.bookings.liveDue(date, stamp)) {
      if (!(await store.bookings.expire(b, now.toISOString())).ok) continue;
      expired++;
      const r = await store.recipients.get(b.recipientId);
      const until = r ? suspensionAfterNoShow(r.noShows, local.date, config) : null;
      if (until) {
        await store.bookings.setSuspension(b.recipientId, until);
        suspended++;
      }
    }
  }
  return { expired, suspended };
}
