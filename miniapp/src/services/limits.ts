// A claims limit the server reported (DAILY_LIMIT_REACHED with details {limit: 'day' | 'month'}),
// kept for the day or month it covers so the restaurant page says so before the next tap.
import { readString, remove, StorageKey, writeString } from './storage';
import { shanghaiToday } from './time';

export type SpentLimit = 'day' | 'month';

export function rememberSpentLimit(details: unknown): void {
  const limit = (details as { limit?: unknown } | undefined)?.limit === 'month' ? 'month' : 'day';
  writeString(StorageKey.spentLimit, JSON.stringify({ limit, date: shanghaiToday() }));
}

/** The limit still in force today, or null. */
export function readSpentLimit(): SpentLimit | null {
  try {
    const held = JSON.parse(readString(StorageKey.spentLimit) ?? 'null') as { limit: SpentLimit; date: string } | null;
    if (!held) return null;
    const today = shanghaiToday();
    if (held.limit === 'day' && held.date === today) return 'day';
    if (held.limit === 'month' && held.date.slice(0, 7) === today.slice(0, 7)) return 'month';
  } catch {
    // unreadable: forget it
  }
  remove(StorageKey.spentLimit);
  return null;
}
