/**
 * Integrity signals: how a provider's redemptions look, so an admin can see a restaurant minting
 * its own points (staff booking and redeeming meals through throwaway identities). Pure: no
 * clock, no AWS. The counts are written with each redemption (store/impact-days.ts, the day item).
 *
 * Each signal is a share of the provider's redemptions, judged against its sub-district's normal:
 * the median share among the other providers there with enough redemptions. A restaurant at a
 * busy crossing has more walk-ins than one in an office park; what gives self-dealing away is
 * standing far above the neighbours on shares that honest trade keeps moderate.
 */
import type { Config } from '../config.js';
import type { IntegrityFlag } from '../contract/integrity.js';
import { byteOrder } from './order.js';

export type { IntegrityFlag };

/** What one redemption adds to its provider's day besides the impact figures. */
export interface SignalCounts {
  /** Bookings redeemed within `quickRedemptionMinutes` of being made, however made (app or poster). */
  quickRedemptions: number;
  /** Bookings made by scanning the provider's poster at its door. */
  posterRedemptions: number;
  /** Redemptions whose recipient's previous meal was at this same provider. */
  repeatRedemptions: number;
}

export const SIGNAL_FIELDS = ['quickRedemptions', 'posterRedemptions', 'repeatRedemptions'] as const satisfies readonly (keyof SignalCounts)[];

export const zeroSignals = (): SignalCounts => ({ quickRedemptions: 0, posterRedemptions: 0, repeatRedemptions: 0 });

/**
 * The signals one redeemed booking adds: from when and how it was made, and where its recipient
 * was served last (`lastServedBy`, as the redemption read it with their served state; null when
 * never, or before this was recorded).
 */
export function redemptionSignals(b: { createdAt: string; channel: 'app' | 'poster'; providerId: string }, redeemedAt: string, lastServedBy: string | null, c: Config): Partial<SignalCounts> {
  const out: Partial<SignalCounts> = {};
  if (b.channel === 'poster') out.posterRedemptions = 1;
  // A poster booking is made at the counter, so an honest one is quick too: that is what the
  // sub-district's normal absorbs. A provider whose every meal is booked and scanned at once stands out.
  if (Date.parse(redeemedAt) - Date.parse(b.createdAt) <= c.integrity.quickRedemptionMinutes * 60_000) out.quickRedemptions = 1;
  if (lastServedBy === b.providerId) out.repeatRedemptions = 1;
  return out;
}

/**
 * Whether one offering's day was handed out to the last meal by redeemed bookings: `redeemed`
 * reached the day's capacity (as the provider's contract stood at its last redemption that day).
 * Null when there is nothing to judge (nothing redeemed, or no capacity recorded).
 */
export function atQuota(o: { redeemed: number; capacity: number | null }): boolean | null {
  if (o.redeemed <= 0 || o.capacity === null || o.capacity <= 0) return null;
  return o.redeemed >= o.capacity;
}

/** A provider's figures over a range, as the day items hold them. */
export interface ProviderTally {
  /** Redeemed bookings (meals and blind boxes). */
  redemptions: number;
  /** Redemptions whose recipient had never been served anywhere before: first seen that day, there. */
  firstTimers: number;
  quickRedemptions: number;
  posterRedemptions: number;
  repeatRedemptions: number;
  /** Offering-days with any redemption (and a recorded capacity). */
  servingDays: number;
  /** Of those, the ones redeemed to the last meal of the day's capacity. */
  quotaDays: number;
  /** No-app handouts (they earn no points; shown for scale). */
  walkIns: number;
}

export const TALLY_FIELDS = [
  'redemptions', 'firstTimers', 'quickRedemptions', 'posterRedemptions', 'repeatRedemptions', 'servingDays', 'quotaDays', 'walkIns',
] as const satisfies readonly (keyof ProviderTally)[];

export const zeroTally = (): ProviderTally => ({ redemptions: 0, firstTimers: 0, quickRedemptions: 0, posterRedemptions: 0, repeatRedemptions: 0, servingDays: 0, quotaDays: 0, walkIns: 0 });

export function addTally(a: ProviderTally, b: ProviderTally): ProviderTally {
  const out = { ...a };
  for (const f of TALLY_FIELDS) out[f] += b[f];
  return out;
}

/** Every flag, in the order a report lists them (the contract's enum). */
export const INTEGRITY_FLAGS = ['first_timers', 'quick_redemptions', 'poster_share', 'repeat_recipients', 'quota_days'] as const satisfies readonly IntegrityFlag[];

/** The shares the flags judge, one per flag. */
export interface Shares {
  firstTimerShare: number;
  quickShare: number;
  posterShare: number;
  repeatShare: number;
  quotaDayShare: number;
}

const SHARE_OF: Record<IntegrityFlag, keyof Shares> = {
  first_timers: 'firstTimerShare',
  quick_redemptions: 'quickShare',
  poster_share: 'posterShare',
  repeat_recipients: 'repeatShare',
  quota_days: 'quotaDayShare',
};

const share = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0);

export function sharesOf(t: ProviderTally): Shares {
  return {
    firstTimerShare: share(t.firstTimers, t.redemptions),
    quickShare: share(t.quickRedemptions, t.redemptions),
    posterShare: share(t.posterRedemptions, t.redemptions),
    repeatShare: share(t.repeatRedemptions, t.redemptions),
    quotaDayShare: share(t.quotaDays, t.servingDays),
  };
}

/** What a provider is judged against: the median shares of its peers, and who they were. */
export interface Normal extends Shares {
  /** `district`: the other providers of its sub-district; `programme`: every other provider (too few in the sub-district). */
  basis: 'district' | 'programme';
  peers: number;
}

export interface ProviderSignals extends ProviderTally, Shares {
  /** Null when too few other providers have enough redemptions to say what is normal. */
  normal: Normal | null;
  flags: IntegrityFlag[];
}

/** A provider's figures as the judgement reads them. */
export interface Judged {
  providerId: string;
  district: string;
  tally: ProviderTally;
}

/** Enough redemptions for a provider's shares to mean something (as itself, and as someone's peer). */
const enough = (t: ProviderTally, c: Config) => t.redemptions >= c.integrity.minRedemptions;

/**
 * Shares past the configured floor, and — where there is a normal — past the normal by the
 * configured margin, over at least `minRedemptions` (and `minQuotaDays` serving days for
 * `quota_days`). Without a normal, only the flags that mean something on their own are raised
 * (`judgedAlone`): a share of first-timers or of quick redemptions is odd anywhere; a share of
 * walk-ins, regulars or full days is odd only next to neighbours.
 */
export function signalsOf(t: ProviderTally, normal: Normal | null, c: Config): ProviderSignals {
  const i = c.integrity;
  const shares = sharesOf(t);
  const flags = INTEGRITY_FLAGS.filter((flag) => {
    const rule = i.flags[flag];
    const s = shares[SHARE_OF[flag]];
    if (!enough(t, c) || (flag === 'quota_days' && t.servingDays < i.minQuotaDays)) return false;
    if (s < rule.floor) return false;
    // Shares are rounded to thousandths; the epsilon keeps 0.333 + 0.3 from missing 0.633.
    return normal ? s >= normal[SHARE_OF[flag]] + rule.margin - 1e-9 : rule.judgedAlone;
  });
  return { ...t, ...shares, normal, flags };
}

/** The median of `sorted` with one element equal to `drop` left out (none when `drop` is null); null when empty. */
function medianWithout(sorted: readonly number[], drop: number | null): number | null {
  let skip = -1;
  if (drop !== null) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < drop) lo = mid + 1;
      else hi = mid;
    }
    skip = lo;
  }
  const n = sorted.length - (skip >= 0 ? 1 : 0);
  if (n <= 0) return null;
  const at = (k: number) => sorted[skip >= 0 && k >= skip ? k + 1 : k]!;
  return n % 2 === 1 ? at((n - 1) / 2) : Math.round(((at(n / 2 - 1) + at(n / 2)) / 2) * 1000) / 1000;
}

const SHARE_KEYS = Object.values(SHARE_OF);

interface PeerSet {
  count: number;
  /** Each share of every member, sorted ascending. */
  sorted: Record<keyof Shares, number[]>;
}

function peerSet(members: Shares[]): PeerSet {
  const sorted = Object.fromEntries(SHARE_KEYS.map((k) => [k, members.map((m) => m[k]).sort((a, b) => a - b)])) as PeerSet['sorted'];
  return { count: members.length, sorted };
}

/**
 * The normals of a set of providers: for each, the median shares of the other providers of its
 * sub-district with enough redemptions — or, when fewer than `minPeers` of those, of every other
 * provider with enough; null when even those are fewer. A provider's own figures never enter its
 * own normal, so a dominant self-dealer cannot set the bar it is judged by.
 */
export function normalsOf(all: readonly Judged[], c: Config): Map<string, Normal | null> {
  const { minPeers } = c.integrity;
  const qualified = all.filter((p) => enough(p.tally, c)).map((p) => ({ ...p, shares: sharesOf(p.tally) }));
  const byDistrict = new Map<string, Shares[]>();
  for (const p of qualified) byDistrict.set(p.district, [...(byDistrict.get(p.district) ?? []), p.shares]);
  const districts = new Map([...byDistrict].map(([d, members]) => [d, peerSet(members)]));
  const programme = peerSet(qualified.map((p) => p.shares));
  const out = new Map<string, Normal | null>();
  for (const p of all) {
    const own = enough(p.tally, c) ? sharesOf(p.tally) : null;
    const district = districts.get(p.district);
    const set = district && district.count - (own ? 1 : 0) >= minPeers ? { basis: 'district' as const, s: district } : { basis: 'programme' as const, s: programme };
    const peers = set.s.count - (own ? 1 : 0);
    if (peers < minPeers) {
      out.set(p.providerId, null);
      continue;
    }
    const medians = Object.fromEntries(SHARE_KEYS.map((k) => [k, medianWithout(set.s.sorted[k], own ? own[k] : null)!])) as unknown as Shares;
    out.set(p.providerId, { basis: set.basis, peers, ...medians });
  }
  return out;
}

/** Every provider judged against its normal. */
export function judgeAll(all: readonly Judged[], c: Config): Map<string, ProviderSignals> {
  const normals = normalsOf(all, c);
  return new Map(all.map((p) => [p.providerId, signalsOf(p.tally, normals.get(p.providerId) ?? null, c)]));
}

/** Flagged providers first (most flags), then by redemptions, then by id: the admin's reading order. */
export function byConcern<T extends { providerId: string; redemptions: number; flags: unknown[] }>(a: T, b: T): number {
  return b.flags.length - a.flags.length || b.redemptions - a.redemptions || byteOrder(a.providerId, b.providerId);
}
