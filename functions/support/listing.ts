import type { Config } from '../config.js';
import type { District, Provider, Store } from '../store/index.js';
import { listingCache, type ListingCache } from './listing-cache.js';
import { ttlCache } from './ttl-cache.js';

/**
 * Districts and ACTIVE providers (with their offerings) through a short-lived in-process cache:
 * a warm Lambda or the local server answers listings without re-reading contracts each time.
 * Writes in this process invalidate at once; other processes see changes within the TTL.
 * Live counts (slots) are never cached. Staleness is measured on the process's monotonic clock,
 * not the service clock: a test clock set back or frozen must not pin stale data.
 */
export interface Listing {
  districts(): Promise<District[]>;
  activeProviders(district: string): Promise<Provider[]>;
  /** A provider by id (any status); null when there is none. */
  provider(id: string): Promise<Provider | null>;
  /** The provider an offering id belongs to. */
  ownerOf(offeringId: string): Promise<string | null>;
  /**
   * Slots seen full, by `provider|date|offering|capacity`. A hint only: it spares the table a
   * burst of transactions bound to fail on a sold-out slot; a meal given back in another process
   * becomes bookable here within `soldOutHintMs`. It never lets a booking through.
   */
  soldOut: { has(slot: string): boolean; mark(slot: string): void; clear(slot: string): void };
  /** Assembled public listings (listing-cache.ts); cleared with the rest on a write here. */
  listings: ListingCache;
  invalidate(): void;
  /** Drops one provider's cached profile (its own change, e.g. a first poster token). */
  forgetProvider(id: string): void;
  /** Entries held (profiles, owners, district lists, sold-out hints): bounded, see config.cache.listingMaxEntries. */
  size(): number;
}

export function cachedListing(store: Store, config: Config, clock: () => number = () => performance.now()): Listing {
  // Bounded: ids come from requests, and every unknown one (a 404) would otherwise stay a key.
  const entries = ttlCache(config.cache.listingTtlMs, config.cache.listingMaxEntries, clock);
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => entries.get(key, load);
  const full = new Map<string, number>();
  const listings = listingCache(config.cache.listingPagesTtlMs, config.cache.listingPagesMaxEntries, clock);

  return {
    districts: () => cached('districts', () => store.districts.list()),
    activeProviders: (district) => cached(`providers:${district}`, () => store.providers.listInDistrict(district, 'ACTIVE')),
    provider: (id) => cached(`provider:${id}`, () => store.providers.get(id)),
    ownerOf: (offeringId) => cached(`owner:${offeringId}`, () => store.providers.offeringOwner(offeringId)),
    soldOut: {
      has: (slot) => {
        const at = full.get(slot);
        if (at === undefined) return false;
        if (clock() - at < config.cache.soldOutHintMs) return true;
        full.delete(slot);
        return false;
      },
      mark: (slot) => {
        // Only real slots are marked (a sold-out booking), but bounded all the same.
        if (full.size >= config.cache.listingMaxEntries) full.clear();
        full.set(slot, clock());
      },
      clear: (slot) => void full.delete(slot),
    },
    listings,
    invalidate: () => {
      entries.clear();
      full.clear();
      listings.clear();
    },
    forgetProvider: (id) => entries.delete(`provider:${id}`),
    size: () => entries.size() + full.size,
  };
}
