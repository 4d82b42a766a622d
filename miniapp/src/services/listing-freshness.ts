import { endpoints } from '@contract';

/**
 * The public listing may be as old as its `max-age` (the server assembles it at most once a
 * second). After this person's own booking, cancel or walk-in, the home page must not go on
 * showing the count from before it: it asks again once that second has passed. Times are on the
 * monotonic clock, which neither a wrong phone clock nor a fixed test clock can stop.
 */
let changedAt = -Infinity;

/** Called when this person's own action changed meals left somewhere. */
export function markMealsChanged(): void {
  changedAt = performance.now();
}

/** The monotonic time now, to stamp a listing fetch with. */
export const listingClock = (): number => performance.now();

/**
 * For a listing fetched at `fetchedAt` (listingClock): null if it is sure to include this
 * person's last change, else how many ms from now until a fetch would.
 */
export function waitForFreshListing(fetchedAt: number, now = listingClock()): number | null {
  const fresh = changedAt + endpoints.listProviders.maxAgeSeconds * 1000 + 100;
  return fetchedAt < fresh ? Math.max(0, fresh - now) : null;
}
