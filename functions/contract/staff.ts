import * as z from 'zod';
import { DateString, Id, pagedList, PageQuery, TimeString } from './common.js';
import { LedgerEntry } from './points.js';
import { BackupCode, VoucherString } from './bookings.js';
import { OfferingKind, PickupWindow } from './providers.js';

export const RedemptionBody = z.union([z.strictObject({ voucher: VoucherString }), z.strictObject({ code: BackupCode })]);
export type RedemptionBody = z.infer<typeof RedemptionBody>;

/** What staff learn from a scan: the meal, never the person. */
export const RedemptionResponse = z.object({
  redemption: z.object({
    bookingId: Id,
    offering: z.object({ id: Id, name: z.string(), kind: OfferingKind }),
    window: PickupWindow,
    redeemedAt: z.string(),
  }),
});
export type RedemptionResponse = z.infer<typeof RedemptionResponse>;

export const StaffWalkInBody = z.strictObject({ offeringId: Id, count: z.number().int().min(1).max(20).default(1) });
export type StaffWalkInBody = z.infer<typeof StaffWalkInBody>;

export const SlotView = z.object({
  offeringId: Id,
  name: z.string(),
  kind: OfferingKind,
  windows: z.array(PickupWindow),
  capacity: z.number().int(),
  booked: z.number().int(),
  redeemed: z.number().int(),
  walkIns: z.number().int(),
  remaining: z.number().int(),
});
export type SlotView = z.infer<typeof SlotView>;

export const StaffWalkInResponse = z.object({ walkIn: z.object({ offeringId: Id, count: z.number().int(), at: z.string() }), slot: SlotView });
export const StaffTodayResponse = z.object({ providerId: Id, date: DateString, slots: z.array(SlotView) });

/** `balance` is spendable now, `pending` still held; entries newest first, paged. */
export const PointsResponse = pagedList('entries', LedgerEntry, { balance: z.number().int(), pending: z.number().int() });
export type PointsResponse = z.infer<typeof PointsResponse>;

export const PosterResponse = z.object({
  poster: z.string(),
  qrSvg: z.string(),
  /** The restaurant's name, printed on the poster. */
  providerName: z.string(),
  /** When to come: the pickup windows of its active offerings, distinct, earliest first. */
  windows: z.array(z.object({ start: TimeString, end: TimeString })),
  /**
   * The walk-in page carrying the poster's code, e.g. `/pages/walkin/index?poster=M1W.…`: the H5
   * app's URL is its origin + `/#` + this path (what the printed QR holds, so any camera opens the
   * walk-in flow), and the same path is the mini-program code's page path.
   */
  walkInPath: z.string(),
  /**
   * WeChat's mini-program code for `walkInPath` (a data: URL of the image), for the printed poster
   * in the mini-program; null where WeChat is not configured or would not make one.
   */
  wxacode: z.string().nullable(),
});
export type PosterResponse = z.infer<typeof PosterResponse>;
export const VoucherKeyResponse = z.object({ algorithm: z.literal('Ed25519'), publicKey: z.string(), signedPayload: z.string() });

/** Just `?limit=&cursor=`. */
export const PageOnlyQuery = z.strictObject(PageQuery);
export type PageOnlyQuery = z.infer<typeof PageOnlyQuery>;
