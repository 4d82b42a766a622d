/**
 * The donor side's rules: pure, with `now` passed in.
 */

const HOUR_MS = 3_600_000;

/**
 * When a meal's credit becomes spendable: `holdDays` after the redemption, rounded up to the
 * hour (holds mature by the hour, which keeps the balance item small; see store/points.ts).
 */
export function holdUntil(redeemedAt: Date, holdDays: number): string {
  const t = redeemedAt.getTime() + holdDays * 24 * HOUR_MS;
  return new Date(Math.ceil(t / HOUR_MS) * HOUR_MS).toISOString();
}

/** Held credits due at one instant (ISO, as `holdUntil` spells it), summed. */
export interface Hold {
  at: string;
  points: number;
}

/** A provider's points as its balance item holds them. */
export interface PointsState {
  /** Already moved into what is spendable (never below zero). */
  available: number;
  /** Credits still in their hold counters, by the instant each is due. */
  holds: Hold[];
  /**
   * Set while the provider's integrity flag awaits an administrator (ISO instant the flag was
   * raised): credits due after it stay held however late it gets, until the flag is cleared.
   * Credits due at or before it had matured before anyone doubted them, and stay spendable.
   */
  frozenSince: string | null;
}

/**
 * Whether held credits due at `at` are spendable at `now`: due, and not caught by an integrity
 * freeze. The one place this is decided: the balance a reader sees, what a spender settles and
 * whether a reversal takes from the hold all ask here. (ISO instants of one format compare as strings.)
 */
export function holdMatured(at: string, now: string, frozenSince: string | null): boolean {
  return at <= now && (frozenSince === null || at <= frozenSince);
}

/** The holds that have matured by `now`: what a spender moves into `available`. */
export const maturedHolds = (s: PointsState, now: string): Hold[] => s.holds.filter((h) => holdMatured(h.at, now, s.frozenSince));

export interface Balance {
  /** Spendable now: what was moved, plus matured holds not moved yet. */
  available: number;
  /** Still held (frozen ones included). */
  pending: number;
}

export function balanceOf(s: PointsState, now: string): Balance {
  let available = s.available;
  let pending = 0;
  for (const h of s.holds) {
    if (holdMatured(h.at, now, s.frozenSince)) available += h.points;
    else pending += h.points;
  }
  return { available, pending };
}

/** Points an exchange costs. */
export const exchangeCost = (pointsEach: number, quantity: number): number => pointsEach * quantity;

/** Credits an administrator may take back: a meal's, or an adjustment's (never a refund or a debit). */
export const isReversible = (e: { points: number; reason: string }): boolean => e.points > 0 && (e.reason === 'meal_redeemed' || e.reason === 'adjustment');

/**
 * How many points a reversal takes: `asked`, or all that is left of the credit when not given.
 * Null when nothing is left, or when `asked` is more than what is left (the reversals of one
 * credit never add up to more than the credit).
 */
export function reversalPoints(credit: number, reversedSoFar: number, asked?: number): number | null {
  const left = credit - reversedSoFar;
  const take = asked ?? left;
  return left > 0 && take >= 1 && take <= left ? take : null;
}
