/**
 * The public listing (`GET /v1/providers`), assembled at most once per `listingPagesTtlMs` per query in
 * a process: at 11:00 everyone opens the home page, and each call used to read every slot of the
 * district again. Remaining counts in the listing may be that old; the booking transaction still
 * decides. Concurrent requests for the same query share one assembly (single flight), and the
 * answer is validated and serialised once, not per request. Staleness is measured on the
 * process's monotonic clock, and entries are keyed by the service's local date, so a test clock
 * moved to another day never sees yesterday's listing.
 */
export interface ListingCache {
  /** The cached body for `key`, or the one `build` makes (and caches for the TTL). */
  get(key: string, build: () => Promise<string>): Promise<string>;
  clear(): void;
}

export function listingCache(ttlMs: number, maxEntries: number, clock: () => number = () => performance.now()): ListingCache {
  const entries = new Map<string, { at: number; body: Promise<string> }>();
  return {
    get(key, build) {
      const at = clock();
      const hit = entries.get(key);
      if (hit && at - hit.at < ttlMs) return hit.body;
      // Bounded: queries are validated, but district ids are free-form; the oldest goes first.
      if (!hit && entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      const body = build();
      entries.set(key, { at, body });
      body.catch(() => entries.delete(key));
      return body;
    },
    clear: () => entries.clear(),
  };
}
