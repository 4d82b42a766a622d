import type { Deps } from '../app/deps.js';
import { expireNoShow } from '../app/no-shows.js';
import { localStamp, pickupClosed } from '../domain/booking.js';
import { localMoment } from '../domain/time.js';

/**
 * No-shows: every live booking whose pickup period has closed (however long ago: after downtime
 * too) becomes EXPIRED, gives its meal back to the slot and counts against the recipient on the
 * booking's own date; three in 30 days pause booking for 7 days. A booking still live at a
 * provider that is not ACTIVE is cancelled as the suspension would have (`provider_suspended`,
 * not counted): its staff could not hand it over, and a booking made in another process within
 * the listing cache's seconds after a suspension slips past the suspension's own sweep. Safe to
 * run twice at once: each change is conditional on BOOKED.
 */
export async function expireBookings(deps: Deps, now: Date): Promise<{ expired: number; suspended: number; cancelled: number }> {
  const { config, store } = deps;
  const local = localMoment(now, config.timeZone);
  const at = now.toISOString();
  let expired = 0;
  let suspended = 0;
  let cancelled = 0;
  // Read fresh, not through the listing cache (this decides whether someone is charged), and
  // once per provider per run.
  const statuses = new Map<string, Promise<string | undefined>>();
  const statusOf = (id: string) => {
    if (!statuses.has(id)) statuses.set(id, store.providers.get(id).then((p) => p?.status));
    return statuses.get(id)!;
  };
  for (const b of await store.bookings.liveDue(localStamp(local))) {
    // The store's query is by the stamp stored at booking time; the counter's own boundary decides.
    if (!pickupClosed(b, local, config.redemption.graceMinutes)) continue;
    if ((await statusOf(b.providerId)) !== 'ACTIVE') {
      if ((await store.bookings.cancel(b, at, 'provider_suspended')).ok) cancelled++;
      continue;
    }
    const out = await expireNoShow(deps, b, at);
    if (out.expired) expired++;
    if (out.suspended) suspended++;
  }
  return { expired, suspended, cancelled };
}
