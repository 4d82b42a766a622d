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

/** Points an exchange costs. */
export const exchangeCost = (pointsEach: number, quantity: number): number => pointsEach * quantity;
