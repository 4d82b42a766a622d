import { suspensionAfterNoShow } from '../domain/booking.js';
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
