import type { ErrorCode } from './common.js';

/**
 * The contract's error table: each code's HTTP status, in one place. The adapter answers with it
 * (functions/http/errors.ts) and the OpenAPI file documents it (openapi.ts).
 */
export const statusOf: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  VERIFICATION_REQUIRED: 403,
  SUSPENDED: 403,
  PROVIDER_UNAVAILABLE: 403,
  // An administrator whose password an owner reset, until they choose their own.
  PASSWORD_CHANGE_REQUIRED: 403,
  // An owner or clerk without two-step sign-in, where the deployment requires it.
  TOTP_REQUIRED: 403,
  // The password was right; the account has two-step sign-in and no code came with it.
  OTP_REQUIRED: 401,
  NOT_FOUND: 404,
  INVALID_VOUCHER: 404,
  METHOD_NOT_ALLOWED: 405,
  QUOTA_EXHAUSTED: 409,
  ACTIVE_BOOKING_EXISTS: 409,
  DAILY_LIMIT_REACHED: 409,
  ALREADY_REDEEMED: 409,
  NOT_REDEEMABLE: 409,
  BOOKING_CLOSED: 409,
  INSUFFICIENT_POINTS: 409,
  OUT_OF_STOCK: 409,
  CONFLICT: 409,
  PERIOD_OPEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  BUSY: 503,
  NOT_CONFIGURED: 503,
};
