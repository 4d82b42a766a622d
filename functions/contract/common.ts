import * as z from 'zod';

/** Identifiers minted by M餐 or chosen by admins (offering and window ids): url-safe, short. */
// An empty id is said to be missing (min first), not to hold the wrong characters.
export const Id = z.string().min(1, 'required').regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or -, at most 64');
export type Id = z.infer<typeof Id>;

/**
 * A calendar date in Asia/Shanghai, YYYY-MM-DD, in the years 2000–2099: every date the programme
 * can mean (history, today, a licence's expiry) and none that breaks date arithmetic (year 0000
 * minus a day is no longer a YYYY-MM-DD string).
 */
export const DateString = z.iso.date().regex(/^20\d\d-/, 'a date from 2000-01-01 to 2099-12-31');
/**
 * Text a person types: trimmed, at least `min` and at most `max` characters, and no control
 * characters — a line break or carriage return in a name starts a new row in a spreadsheet
 * (where a formula may wait), and none belongs in a single line anyway.
 */
export const Text = (max: number, min = 1) =>
  z.string().trim().min(min).max(max).regex(/^[^\p{Cc}]*$/u, 'no control characters (line breaks, tabs…)');
/** The same for notes typed in a text area: line breaks (\n) stay, other control characters do not. */
export const MultilineText = (max: number, min = 1) =>
  z.string().trim().min(min).max(max).regex(/^(?:[^\p{Cc}]|\n)*$/u, 'no control characters other than line breaks');

/** The administrator who made a decision (withdrew a board, closed a report, cleared a flag), as the desk shows them. */
export const Decider = z.object({ id: z.string(), name: z.string() });
export type Decider = z.infer<typeof Decider>;

/** A time of day in Asia/Shanghai, HH:MM. */
export const TimeString = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00–23:59');

export const ErrorCode = z.enum([
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'VERIFICATION_REQUIRED',
  'SUSPENDED',
  'PROVIDER_UNAVAILABLE',
  'PASSWORD_CHANGE_REQUIRED',
  'TOTP_REQUIRED',
  'OTP_REQUIRED',
  'NOT_FOUND',
  'INVALID_VOUCHER',
  'QUOTA_EXHAUSTED',
  'ACTIVE_BOOKING_EXISTS',
  'DAILY_LIMIT_REACHED',
  'ALREADY_REDEEMED',
  'NOT_REDEEMABLE',
  'BOOKING_CLOSED',
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'CONFLICT',
  'PERIOD_OPEN',
  'PAYLOAD_TOO_LARGE',
  'VALIDATION_FAILED',
  'METHOD_NOT_ALLOWED',
  'RATE_LIMITED',
  'BUSY',
  'NOT_CONFIGURED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/**
 * Paging for lists that grow (docs/api.md): `?limit=` 1–200 (default 50) and `?cursor=` as
 * given out in the previous page's `next`. Spread into a route's query schema.
 */
export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(2048).optional(),
};
/** `next`: the cursor of the following page, or null on the last one. */
const NextCursor = z.string().nullable();

/** One page of a list that grows, and where the next one starts (null: there is none). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** A page as the API sends it: the rows under their own name (`providers`, `entries`…) beside `next`. */
export type Listed<K extends string, T> = { [P in K]: T[] } & { next: string | null };

/**
 * The schema of a paged answer, so that every one is a `Listed`: `more` first (what comes with the
 * page, such as a balance), then the rows under `key`, then `next`.
 */
export function pagedList<K extends string, S extends z.ZodType, M extends z.ZodRawShape = Record<never, never>>(key: K, item: S, more?: M) {
  // A computed key widens the literal's type to an index signature; the shape has exactly `key`.
  return z.object({ ...more, [key]: z.array(item), next: NextCursor } as M & { [P in K]: z.ZodArray<S> } & { next: typeof NextCursor });
}

/** A new account's name to sign in with (staff and administrators share one namespace). */
export const Username = z.string().regex(/^[a-z0-9_.-]{3,32}$/, '3–32 lowercase letters, digits, _ . -');
/** A new password's fewest characters (staff and administrators; the bootstrap admin's too). */
export const PASSWORD_MIN_LENGTH = 8;
export const NewPassword = z.string().min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`).max(256);
