import * as z from 'zod';
import { DateString, Id } from './common.js';
import { OfferingKind, PickupWindow } from './providers.js';

export const BookingStatus = z.enum(['BOOKED', 'REDEEMED', 'CANCELLED', 'EXPIRED']);
export type BookingStatus = z.infer<typeof BookingStatus>;

/**
 * Why a booking was cancelled: by its recipient before the window opened (`in_time`), after it
 * opened (`late`: counted as a no-show), or because the provider was suspended (not counted).
 */
export const CancelReason = z.enum(['in_time', 'late', 'provider_suspended']);
export type CancelReason = z.infer<typeof CancelReason>;

export const BackupCode = z.string().regex(/^\d{8}$/, '8 digits');
/** `M1.<bookingId>.<Ed25519 signature, base64url>` */
export const VoucherString = z.string().min(1).max(256);

export const CreateBookingBody = z.strictObject({ offeringId: Id, windowId: Id });
export type CreateBookingBody = z.infer<typeof CreateBookingBody>;

export const WalkInBody = z.strictObject({ poster: z.string().min(1).max(256) });
export const WalkInPreviewQuery = WalkInBody;

/**
 * What a poster would claim if tapped now, said before the tap: the restaurant, and the meal and
 * window open now (`claim`), or none with the next window today (`next`), or neither.
 */
export const WalkInPreview = z.object({
  providerName: z.string(),
  claim: z.object({ offeringName: z.string(), kind: OfferingKind, window: z.object({ start: z.string(), end: z.string() }) }).nullable(),
  next: z.object({ start: z.string(), end: z.string(), opensAt: z.string() }).nullable(),
});
export type WalkInPreview = z.infer<typeof WalkInPreview>;

/** A recipient's booking. The voucher and code are shown only while it is live. */
export const Booking = z.object({
  id: Id,
  status: BookingStatus,
  providerId: Id,
  providerName: z.string(),
  offeringId: Id,
  offeringName: z.string(),
  kind: OfferingKind,
  date: DateString,
  window: PickupWindow,
  voucher: z.string().nullable(),
  code: BackupCode.nullable(),
  createdAt: z.string(),
  redeemedAt: z.string().nullable(),
  /** Set on CANCELLED bookings (null otherwise). */
  cancelReason: CancelReason.nullable().optional(),
  /** When this booking's recipient thanked the provider for it (null: not yet; only once). */
  thankedAt: z.string().nullable().optional(),
});
export type Booking = z.infer<typeof Booking>;

export const BookingResponse = z.object({ booking: Booking });
export const BookingListResponse = z.object({ bookings: z.array(Booking) });
