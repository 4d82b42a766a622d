/**
 * A tiny in-process cache of promises by key, each kept `ttlMs` (on the process's monotonic
 * clock, so a test clock cannot pin stale data). A failed load is forgotten at once.
 */
export interface TtlCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

export function ttlCache(ttlMs: number, clock: () => number = () => performance.now()): TtlCache {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const at = clock();
      const hit = entries.get(key);
      if (hit && at - hit.at < ttlMs) return hit.value as Promise<T>;
      const value = load();
      entries.set(key, { at, value });
      value.catch(() => entries.delete(key));
      return value;
    },
    clear: () => entries.clear(),
  };
}
