import { decisionWrite, type ApprovalDecision } from './approval-decision.js';
import { auditWrite, type AuditEntry } from './audit.js';
import { idempotencyWrite, type IdempotencyIntent } from './idempotency.js';
import { impactWrite, type ImpactIntent } from './impact.js';
import { rateWrite, type RateIntent } from './rate-limits.js';
import type { Parts, Write } from './transaction.js';

/**
 * What a use case asks of a transaction besides its own parts, as plain data: remember the
 * answer under an Idempotency-Key, count against a rate window, write an audit entry. The store
 * turns each into a part of the same transaction, so all of it commits or none does.
 */
export interface Intents {
  idempotency?: IdempotencyIntent | undefined;
  rate?: RateIntent | undefined;
  audit?: AuditEntry | undefined;
  /** What a redemption or handout adds to its provider's day (the impact figures). */
  impact?: ImpactIntent | undefined;
  /** The second administrator's approval this change carries out (four eyes): it flips PENDING once, with the change. */
  approval?: ApprovalDecision | undefined;
}

export type IntentParts = { idempotency: Write | undefined; rate: Write | undefined; approval: Write | undefined };

/**
 * A transaction's parts with the intents around them: a replay (idempotency) and a full rate
 * window are named before the work's own refusals; the audit entry comes last (its condition is
 * a fresh id, so it only refuses if something is badly wrong).
 */
export function withIntents<P extends Parts>(
  tableName: string,
  parts: P,
  intents: Intents = {},
): IntentParts & P & { impact: Write | undefined; audit: Write | undefined } {
  return {
    idempotency: intents.idempotency && idempotencyWrite(tableName, intents.idempotency),
    rate: intents.rate && rateWrite(tableName, intents.rate),
    approval: intents.approval && decisionWrite(tableName, intents.approval),
    ...parts,
    // No condition of its own: the work's parts (booking still BOOKED, slot within capacity) make it count once.
    impact: intents.impact && impactWrite(tableName, intents.impact),
    audit: intents.audit && auditWrite(tableName, intents.audit),
  };
}
