import { auditWrite, type AuditEntry } from './audit.js';
import { idempotencyWrite, type IdempotencyIntent } from './idempotency.js';
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
}

export type IntentParts = { idempotency: Write | undefined; rate: Write | undefined };

/**
 * A transaction's parts with the intents around them: a replay (idempotency) and a full rate
 * window are named before the work's own refusals; the audit entry comes last (its condition is
 * a fresh id, so it only refuses if something is badly wrong).
 */
export function withIntents<P extends Parts>(tableName: string, parts: P, intents: Intents = {}): IntentParts & P & { audit: Write | undefined } {
  return {
    idempotency: intents.idempotency && idempotencyWrite(tableName, intents.idempotency),
    rate: intents.rate && rateWrite(tableName, intents.rate),
    ...parts,
    audit: intents.audit && auditWrite(tableName, intents.audit),
  };
}
