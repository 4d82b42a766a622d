import type { ErrorCode, ErrorEnvelope } from '../contract/common.js';

// Each code's status is part of the contract (the OpenAPI file lists it per route); the adapter
// answers with it.
export { statusOf } from '../contract/status.js';

/** The body of every error answer: a stable code, a message for people, and details when there are any. */
export const envelope = (code: ErrorCode, message: string, details?: unknown): ErrorEnvelope => ({
  error: details === undefined ? { code, message } : { code, message, details },
});
