import type { ErrorCode } from '../contract/common.js';

/**
 * An expected refusal, named by the contract's code. Thrown by use cases and stores, turned into
 * the error envelope in one place (functions/http/errors.ts). Anything else thrown is a bug.
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
