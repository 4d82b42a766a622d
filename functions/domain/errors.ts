import type { ErrorCode } from '../contract/common.js';

/**
 * An expected refusal, named by the contract's code. Thrown by use cases and stores, turned into
 * the error envelope and its status in one place (functions/http/, by the table in
 * functions/contract/status.ts). Anything else thrown is a bug.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds a client should wait before retrying (RATE_LIMITED, BUSY). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const fail = (code: ErrorCode, message: string, details?: unknown): never => {
  throw new DomainError(code, message, details);
};

export const notFound = (what: string): never => fail('NOT_FOUND', `${what} not found`);

export interface FieldProblem {
  in: 'body' | 'query' | 'path' | 'header';
  field: string;
  message: string;
}

export const invalid = (problems: FieldProblem[]): never =>
  fail('VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);

/** Contention outlasted its retries, or a race left nothing definite to say: safe to retry. */
export const busy = (): DomainError => new DomainError('BUSY', 'the service is busy; please try again', undefined, 1);

/** A transaction refused by a part whose condition cannot fail in a correct world: a bug, not a refusal. */
export function unexpected(what: string, r: { part: string }): never {
  throw new Error(`${what}: transaction refused by its ${r.part} part`);
}
