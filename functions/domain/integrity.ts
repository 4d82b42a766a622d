/**
 * Integrity signals: how a provider's redemptions look, so an admin can see a restaurant minting
 * its own points (staff booking and redeeming meals through throwaway identities). Pure: no
 * clock, no AWS. The counts are written with each redemption (store/impact.ts, the day item).
 */
import type { Config } from '../config.js';
import { byteOrder } from './order.js';

/** What one redemption adds to its provider's day besides the impact figures. */
export interface SignalCounts {
  /** App bookings redeemed within `quickRedemptionMinutes` of being made. */
  quickRedemptions: number;
  /** Bookings made by scanning the provider's poster at its door (redeemed at once by nature). */
  posterRedemptions: number;
}

export const SIGNAL_FIELDS = ['quickRedemptions', 'posterRedemptions'] as const satisfies readonly (keyof SignalCounts)[];

export const zeroSignals = (): SignalCounts => ({ quickRedemptions: 0, posterRedemptions: 0 });

/** The signals one redeemed booking adds, from when it was made and how. */
export function redemptionSignals(b: { createdAt: string; channel: 'app' | 'poster' }, redeemedAt: string, c: Config): Partial<SignalCounts> {
  if (b.channel === 'poster') return { posterRedemptions: 1 };
  const ms = Date.parse(redeemedAt) - Date.parse(b.createdAt);
  return ms <= c.integrity.quickRedemptionMinutes * 60_000 ? { quickRedemptions: 1 } : {};
}

/** A provider's figures over a range, as the day items hold them. */
export interface ProviderTally {
  /** Redeemed bookings (meals and blind boxes). */
  redemptions: number;
  /** Redemptions whose recipient had never been served anywhere before: first seen that day, there. */
  firstTimers: number;
  quickRedemptions: number;
  posterRedemptions: number;
  /** No-app handouts (they earn no points; shown for scale). */
  walkIns: number;
}

export type IntegrityFlag = 'first_timers' | 'quick_redemptions';

export interface ProviderSignals extends ProviderTally {
  firstTimerShare: number;
  quickShare: number;
  posterShare: number;
  flags: IntegrityFlag[];
}

const share = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0);

/** Shares of redemptions, and flags where a share is high over enough redemptions to mean something. */
export function signalsOf(t: ProviderTally, c: Config): ProviderSignals {
  const i = c.integrity;
  const firstTimerShare = share(t.firstTimers, t.redemptions);
  // Quick is judged among app bookings: a poster booking is made at the counter.
  const quickShare = share(t.quickRedemptions, t.redemptions - t.posterRedemptions);
  const enough = t.redemptions >= i.minRedemptions;
  const flags: IntegrityFlag[] = [];
  if (enough && firstTimerShare >= i.firstTimerShare) flags.push('first_timers');
  if (enough && quickShare >= i.quickShare) flags.push('quick_redemptions');
  return { ...t, firstTimerShare, quickShare, posterShare: share(t.posterRedemptions, t.redemptions), flags };
}

/** Flagged providers first (most flags), then by redemptions, then by id: the admin's reading order. */
export function byConcern<T extends { providerId: string; redemptions: number; flags: unknown[] }>(a: T, b: T): number {
  return b.flags.length - a.flags.length || b.redemptions - a.redemptions || byteOrder(a.providerId, b.providerId);
}
