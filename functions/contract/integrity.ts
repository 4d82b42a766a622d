import * as z from 'zod';
import { DateString, Id } from './common.js';

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

export const IntegrityFlag = z.enum(['first_timers', 'quick_redemptions']);

export const ProviderIntegrity = z.object({
  providerId: Id,
  name: z.string(),
  district: Id,
  /** Redeemed bookings (meals and blind boxes) in the range. */
  redemptions: Count,
  /** Of those, by recipients never served anywhere before: identities first seen that day at this provider. */
  firstTimers: Count,
  firstTimerShare: Share,
  /** App bookings redeemed within `quickMinutes` of being made. */
  quickRedemptions: Count,
  /** quickRedemptions over app-booked redemptions (poster bookings are made at the counter). */
  quickShare: Share,
  /** Bookings made by scanning the provider's poster at its door. */
  posterRedemptions: Count,
  posterShare: Share,
  /** No-app handouts (no recipient, no points): for scale. */
  walkIns: Count,
  /** Shares past the thresholds over at least `minRedemptions`: worth an admin's look, not a verdict. */
  flags: z.array(IntegrityFlag),
});
export type ProviderIntegrity = z.infer<typeof ProviderIntegrity>;

export const IntegrityReport = z.object({
  from: DateString,
  to: DateString,
  thresholds: z.object({ quickMinutes: Count, minRedemptions: Count, firstTimerShare: Share, quickShare: Share }),
  /** Providers with any redemption or handout in the range: flagged first, then by redemptions. */
  providers: z.array(ProviderIntegrity),
});
export type IntegrityReport = z.infer<typeof IntegrityReport>;
