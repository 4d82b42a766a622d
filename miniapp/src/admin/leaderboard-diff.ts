// What a preview changes against the last published version of the same period: pure and free of
// imports, so the page and its unit test (tests/unit/admin-desk-logic.test.ts) share it.

/** The parts of a leaderboard entry (contract `LeaderboardEntry`) a comparison reads. */
interface Ranked {
  providerId: string;
  rank: number;
  meals: number;
}

type Period = 'month' | 'quarter' | 'year';

export type Change =
  /** Not on the published version. */
  | { kind: 'new' }
  | { kind: 'same'; meals: number }
  /** `by` places up (positive) or down (negative); `meals` the difference in meals. */
  | { kind: 'moved'; by: number; meals: number };

export interface Diff<E extends Ranked> {
  /** By provider id, for every preview entry. */
  changes: Map<string, Change>;
  /** Published entries the preview no longer has. */
  dropped: E[];
}

export function leaderboardDiff<E extends Ranked>(preview: E[], published: E[] | null): Diff<E> {
  const before = new Map((published ?? []).map((e) => [e.providerId, e]));
  const changes = new Map<string, Change>();
  for (const e of preview) {
    const old = before.get(e.providerId);
    if (!old) changes.set(e.providerId, { kind: 'new' });
    else if (old.rank === e.rank) changes.set(e.providerId, { kind: 'same', meals: e.meals - old.meals });
    else changes.set(e.providerId, { kind: 'moved', by: old.rank - e.rank, meals: e.meals - old.meals });
  }
  const now = new Set(preview.map((e) => e.providerId));
  return { changes, dropped: (published ?? []).filter((e) => !now.has(e.providerId)) };
}

/** The period containing a Shanghai date (`2026-11-29`): month `2026-11`, quarter `2026-Q4`, year `2026`. */
export function periodKeyOf(period: Period, date: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (period === 'month') return date.slice(0, 7);
  if (period === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  return y;
}

/** Whether `key` names a period of that type (the API's own rule). */
export function keyFits(period: Period, key: string): boolean {
  if (period === 'month') return /^\d{4}-(0[1-9]|1[0-2])$/.test(key);
  if (period === 'quarter') return /^\d{4}-Q[1-4]$/.test(key);
  return /^\d{4}$/.test(key);
}
