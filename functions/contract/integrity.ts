import * as z from 'zod';
import { DateString, Decider, Id } from './common.js';

const Count = z.number().int().min(0);
const Share = z.number().min(0).max(1);

export const IntegrityQuery = z.strictObject({
  /** Default: `integrity.defaultDays` days ending on `to`. */
  from: DateString.optional(),
  /** Default: today. */
  to: DateString.optional(),
  /** One provider only. */
  providerId: Id.optional(),
});
export type IntegrityQuery = z.infer<typeof IntegrityQuery>;

/**
 * Shares well above the provider's sub-district normal (see docs/api.md, "Integrity signals"):
 * `first_timers` identities never served before; `quick_redemptions` redeemed within minutes of
 * being booked (poster bookings included); `poster_share` booked by scanning the provider's own
 * poster; `repeat_recipients` by people whose previous meal was at this same provider;
 * `quota_days` offering-days redeemed to the last meal of their capacity.
 */
export const IntegrityFlag = z.enum(['first_timers', 'quick_redemptions', 'poster_share', 'repeat_recipients', 'quota_days']);
export type IntegrityFlag = z.infer<typeof IntegrityFlag>;

const Shares = {
  firstTimerShare: Share,
  quickShare: Share,
  posterShare: Share,
  repeatShare: Share,
  quotaDayShare: Share,
};

/** The median shares of the provider's peers: its sub-district's other providers, or (too few there) the programme's. */
export const IntegrityNormal = z.object({ basis: z.enum(['district', 'programme']), peers: Count, ...Shares });
export type IntegrityNormal = z.infer<typeof IntegrityNormal>;

/**
 * A provider's integrity case: raised by the daily review (`FLAGGED`: its held points stop
 * maturing), ended by an admin's clear (`CLEARED`: they mature again; later reviews judge only
 * the days after `clearedThrough`).
 */
export const IntegrityCase = z.object({
  providerId: Id,
  status: z.enum(['FLAGGED', 'CLEARED']),
  flags: z.array(IntegrityFlag),
  /** When the review raised it: credits due after this instant are held until the clear. */
  flaggedAt: z.string(),
  /** The closed days the review judged, and the redemptions in them. */
  evidence: z.object({ from: DateString, to: DateString, redemptions: Count }),
  clearedAt: z.string().nullable(),
  clearedBy: Decider.nullable(),
  /** The clearing admin's words. */
  reason: z.string().nullable(),
  /** The last day (Asia/Shanghai) whose evidence the clear covers. */
  clearedThrough: DateString.nullable(),
});
export type IntegrityCase = z.infer<typeof IntegrityCase>;

export const ProviderIntegrity = z.object({
  providerId: Id,
  name: z.string(),
  district: Id,
  /** Redeemed bookings (meals and blind boxes) in the range. */
  redemptions: Count,
  /** Of those, by recipients never served anywhere before: identities first seen that day at this provider. */
  firstTimers: Count,
  /** Bookings redeemed within `quickMinutes` of being made, app or poster. */
  quickRedemptions: Count,
  /** Bookings made by scanning the provider's poster at its door. */
  posterRedemptions: Count,
  /** By recipients whose previous meal was at this same provider. */
  repeatRedemptions: Count,
  /** Offering-days with redemptions, and those redeemed to the last meal of their capacity. */
  servingDays: Count,
  quotaDays: Count,
  /** No-app handouts (no recipient, no points): for scale. */
  walkIns: Count,
  ...Shares,
  /** What the shares are judged against; null when too few other providers have enough redemptions. */
  normal: IntegrityNormal.nullable(),
  /** Shares past their floor and the normal's margin over at least `minRedemptions`: worth an admin's look. */
  flags: z.array(IntegrityFlag),
  /** Flagged by the daily review and not cleared yet: its held points do not mature. */
  held: z.boolean(),
});
export type ProviderIntegrity = z.infer<typeof ProviderIntegrity>;

const Rule = z.object({ floor: Share, margin: Share, judgedAlone: z.boolean() });

export const IntegrityReport = z.object({
  from: DateString,
  to: DateString,
  thresholds: z.object({
    quickMinutes: Count,
    minRedemptions: Count,
    minPeers: Count,
    minQuotaDays: Count,
    // Each flag's rule, named (a record keyed by the enum leaves the schema's required keys undefined).
    flags: z.object({ first_timers: Rule, quick_redemptions: Rule, poster_share: Rule, repeat_recipients: Rule, quota_days: Rule } satisfies Record<IntegrityFlag, typeof Rule>),
  }),
  /** Providers with any redemption or handout in the range: flagged first, then by redemptions. */
  providers: z.array(ProviderIntegrity),
  /** Every provider whose points are frozen awaiting a clear (whatever the range), oldest flag first. */
  held: z.array(IntegrityCase),
});
export type IntegrityReport = z.infer<typeof IntegrityReport>;

/** `POST /v1/admin/providers/{id}/integrity/clear`: the admin looked, and releases the held points. */
export const ClearIntegrityBody = z.strictObject({ reason: z.string().trim().min(1).max(200) });
export type ClearIntegrityBody = z.infer<typeof ClearIntegrityBody>;

export const IntegrityCaseResponse = z.object({ integrity: IntegrityCase });
