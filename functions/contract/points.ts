import * as z from 'zod';
import { Id } from './common.js';

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
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
