import * as z from 'zod';
import { Id, Text } from './common.js';

/** Why a ledger entry exists; the app translates these, they are never shown as they are. */
export const LedgerReason = z.enum(['meal_redeemed', 'exchange', 'exchange_refund', 'adjustment', 'reversal']);
export type LedgerReason = z.infer<typeof LedgerReason>;

export const LedgerEntry = z.object({
  id: Id,
  points: z.number().int(),
  reason: LedgerReason,
  /** What caused it: the booking, exchange, adjustment or reversed entry. */
  ref: z.string(),
  /** The admin's words, for adjustments and reversals. */
  note: z.string().nullable(),
  at: z.string(),
  /** When a credit becomes spendable (a meal's credit is held first); `at` for everything else. */
  availableAt: z.string(),
  /** On a credit that can be reversed: how many of its points reversals took back so far (all of them: fully reversed). */
  reversed: z.number().int().min(0).optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

const Reason = Text(200);

/** An admin's correction: points credited (positive, spendable at once) or debited (negative). */
export const AdjustmentBody = z.strictObject({
  providerId: Id,
  points: z.number().int().min(-1_000_000).max(1_000_000).refine((p) => p !== 0, 'not zero'),
  reason: Reason,
});
export type AdjustmentBody = z.infer<typeof AdjustmentBody>;

/**
 * Take back a credit (a meal's, or an adjustment's) with the admin's reason: all that is left of it,
 * or `points` of it. The reversals of one credit never add up to more than the credit.
 */
export const ReversalBody = z.strictObject({ providerId: Id, entryId: Id, reason: Reason, points: z.number().int().min(1).max(1_000_000).optional() });
export type ReversalBody = z.infer<typeof ReversalBody>;

export const EntryResponse = z.object({ entry: LedgerEntry });
