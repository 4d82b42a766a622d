/**
 * The donor leaderboard: providers ranked by redeemed bookings in the period, then by their value,
 * then by who joined first; badges by thresholds from config. Pure.
 */
import { byteOrder } from './order.js';

export type Badge = 'caring' | 'gold';

export interface BadgeThresholds {
  caring: { meals: number };
  gold: { meals: number };
}

export const badgeFor = (meals: number, t: BadgeThresholds): Badge | null =>
  meals >= t.gold.meals ? 'gold' : meals >= t.caring.meals ? 'caring' : null;

export interface Contender {
  providerId: string;
  name: string;
  district: string;
  /** When the provider joined (ISO); earlier wins a tie. */
  joinedAt: string;
  meals: number;
  valueFen: number;
  likes: number;
}

export interface RankedEntry extends Omit<Contender, 'joinedAt'> {
  rank: number;
  badge: Badge | null;
}

/**
 * Rank contenders with at least one redeemed booking. Ranks are 1…n with no gaps: ties on meals
 * and value go to the earlier joiner, and (the same instant) to the smaller id, so the order is
 * total and the same every time it is computed.
 */
export function rankLeaderboard(contenders: Contender[], t: BadgeThresholds): RankedEntry[] {
  return contenders
    .filter((c) => c.meals > 0)
    .sort((a, b) => b.meals - a.meals || b.valueFen - a.valueFen || byteOrder(a.joinedAt, b.joinedAt) || byteOrder(a.providerId, b.providerId))
    .map(({ joinedAt: _joined, ...c }, i) => ({ rank: i + 1, ...c, badge: badgeFor(c.meals, t) }));
}

/**
 * A period may be published once its figures can no longer change: its last day is over, the
 * redemption grace after that day's last window has passed, and the nightly roll-up has taken the
 * day in (`rolledThrough`, which waits `impact.rollUpAfterMinutes` past midnight for exactly that).
 * Before then a published figure could be overtaken by a late-window meal — or, for a period that
 * has not begun, be an empty board that displaces the real one as "latest".
 */
export const periodClosed = (lastDay: string, rolledThrough: string | null): boolean => rolledThrough !== null && rolledThrough >= lastDay;
