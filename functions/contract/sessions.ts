import * as z from 'zod';
import { DateString, Id } from './common.js';
import { AdminRole, Otp, RecoveryCode } from './office.js';
import { VerificationStatus } from './verifications.js';

export const DeviceSessionBody = z.strictObject({
  deviceKey: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, '32–128 url-safe characters'),
});
export type DeviceSessionBody = z.infer<typeof DeviceSessionBody>;

export const WechatSessionBody = z.strictObject({
  code: z.string().min(1).max(128),
});
export type WechatSessionBody = z.infer<typeof WechatSessionBody>;

/** A mainland mobile number, with or without +86; kept as its 11 digits. */
export const PhoneNumber = z
  .string()
  .regex(/^(\+?86)?1[3-9]\d{9}$/, 'a mainland mobile number: 11 digits, optionally after +86')
  .transform((s) => s.slice(-11));

export const PhoneChallengeBody = z.strictObject({ phone: PhoneNumber });
export type PhoneChallengeBody = z.infer<typeof PhoneChallengeBody>;

/** The code was sent; it works for `expiresInSeconds` and for a few attempts. */
export const PhoneChallengeResponse = z.object({ sent: z.literal(true), expiresInSeconds: z.number().int().positive() });
export type PhoneChallengeResponse = z.infer<typeof PhoneChallengeResponse>;

export const PhoneSessionBody = z.strictObject({ phone: PhoneNumber, code: z.string().regex(/^\d{4,8}$/, 'the digits of the SMS code') });
export type PhoneSessionBody = z.infer<typeof PhoneSessionBody>;

/** Which ways a recipient may sign in on this server; the H5 app offers the phone where device keys are off. */
export const SessionMethodsResponse = z.object({ device: z.boolean(), phone: z.boolean(), wechat: z.boolean() });
export type SessionMethodsResponse = z.infer<typeof SessionMethodsResponse>;

/**
 * The credential a staff or admin sign-in answered (`device`), sent back with the next sign-in
 * on the same device. Opaque to the client; the charset and length are loose on purpose, so a
 * credential the server no longer recognises counts as none instead of refusing the sign-in.
 */
export const SignInDevice = z.string().min(1).max(128).regex(/^[A-Za-z0-9_.-]+$/, 'the device credential a sign-in answered');

export const PasswordSessionBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  device: SignInDevice.optional(),
  /** An administrator with two-step sign-in sends one of these (never both); others' are ignored. */
  otp: Otp.optional(),
  recoveryCode: RecoveryCode.optional(),
}).refine((b) => b.otp === undefined || b.recoveryCode === undefined, { path: ['recoveryCode'], message: 'send otp or recoveryCode, not both' });
export type PasswordSessionBody = z.infer<typeof PasswordSessionBody>;

/** What a recipient sees of themself; never anything that identifies them outside M餐. */
export const RecipientSummary = z.object({
  id: Id,
  verified: z.boolean(),
  freeClaimsLeft: z.number().int().min(0),
  claimsToday: z.number().int().min(0),
});
export type RecipientSummary = z.infer<typeof RecipientSummary>;

export const RecipientSessionResponse = z.object({ token: z.string(), user: RecipientSummary });
export type RecipientSessionResponse = z.infer<typeof RecipientSessionResponse>;

export const StaffIdentity = z.object({ id: Id, providerId: Id, name: z.string() });
export const StaffSessionResponse = z.object({ token: z.string(), staff: StaffIdentity, device: SignInDevice });
export type StaffSessionResponse = z.infer<typeof StaffSessionResponse>;

export const AdminIdentity = z.object({
  id: Id,
  username: z.string(),
  name: z.string(),
  role: AdminRole,
  districts: z.array(Id),
  /** An owner reset the password: only the account's own routes answer until a new one is chosen. */
  mustChangePassword: z.boolean(),
});
export const AdminSessionResponse = z.object({ token: z.string(), admin: AdminIdentity, device: SignInDevice });
export type AdminSessionResponse = z.infer<typeof AdminSessionResponse>;

/**
 * What would refuse this person's booking right now, by the same rule the booking applies (its
 * error code and details), so the app says it before the tap; null when nothing would.
 */
export const BookingBlock = z.object({
  code: z.enum(['SUSPENDED', 'ACTIVE_BOOKING_EXISTS', 'DAILY_LIMIT_REACHED', 'VERIFICATION_REQUIRED']),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type BookingBlock = z.infer<typeof BookingBlock>;

export const MeResponse = z.object({
  user: RecipientSummary.extend({
    verifiedUntil: DateString.nullable(),
    claimsThisMonth: z.number().int().min(0),
    suspendedUntil: DateString.nullable(),
    /** The latest application; `reason` is the office's words when it was rejected or revoked. */
    verification: z.object({ id: Id, status: VerificationStatus, reason: z.string().nullable().optional() }).nullable(),
    blocked: BookingBlock.nullable(),
  }),
});
export type MeResponse = z.infer<typeof MeResponse>;
