/**
 * A tiny in-process cache of promises by key, each kept `ttlMs` (on the process's monotonic
 * clock, so a test clock cannot pin stale data). A failed load is forgotten at once. At most
 * `maxEntries` are kept: keys can come from callers (random offering ids, each a 404), and a cache
 * that grows with them is a memory leak anyone can drive. When full, expired entries go first,
 * then the oldest loaded.
 */
export interface TtlCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
  delete(key: string): void;
  /** Entries held now (tests and metrics). */
  size(): number;
}

export function ttlCache(ttlMs: number, maxEntries: number, clock: () => number = () => performance.now()): TtlCache {
  // Insertion order is load order: the first key is the oldest loaded.
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  function makeRoom(now: number) {
    if (entries.size < maxEntries) return;
    for (const [k, e] of entries) if (now - e.at >= ttlMs) entries.delete(k);
    while (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
  }
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const at = clock();
      const hit = entries.get(key);
      if (hit && at - hit.at < ttlMs) return hit.value as Promise<T>;
      entries.delete(key);
      makeRoom(at);
      const value = load();
      const entry = { at, value };
      entries.set(key, entry);
      // Forgotten only if it is still this load's entry (a newer load may have replaced it).
      value.catch(() => entries.get(key) === entry && entries.delete(key));
      return value;
    },
    clear: () => entries.clear(),
    delete: (key) => void entries.delete(key),
    size: () => entries.size,
  };
}
