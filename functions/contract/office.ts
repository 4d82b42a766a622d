/**
 * The programme office: named administrator accounts, each with a role, and (officers) the
 * sub-districts they look after. Which role may use which admin route is `admin-roles.ts`.
 */
import * as z from 'zod';
import { Id, NewPassword, Text, Username } from './common.js';

export const AdminRole = z.enum(['owner', 'officer', 'clerk', 'analyst']);
export type AdminRole = z.infer<typeof AdminRole>;

export const Districts = z.array(Id).max(50);

/** An administrator as the office sees them: never a password hash or a TOTP secret. */
export const AdminAccount = z.object({
  id: Id,
  username: z.string(),
  name: z.string(),
  role: AdminRole,
  /** The sub-districts an officer looks after; empty for the other roles. */
  districts: z.array(Id),
  disabled: z.boolean(),
  /** Two-step sign-in is on. */
  totp: z.boolean(),
  /** Set by an owner's password reset: the account must choose a new password before anything else. */
  mustChangePassword: z.boolean(),
  /** Moves on with every change; a PATCH names the one it was made from. */
  version: z.number().int().min(1),
});
export type AdminAccount = z.infer<typeof AdminAccount>;

export const AdminAccountList = z.object({ accounts: z.array(AdminAccount) });
export const AdminAccountResponse = z.object({ account: AdminAccount });

/** A role with its sub-districts, as an account gets one: an officer needs at least one; other roles take none. */
export const districtsFitRole = (a: { role: AdminRole; districts?: string[] | undefined }, ctx: z.RefinementCtx) => {
  if (a.role === 'officer' && !a.districts?.length) {
    ctx.addIssue({ code: 'custom', path: ['districts'], message: 'an officer looks after at least one sub-district' });
  }
  if (a.role !== 'officer' && a.districts?.length) {
    ctx.addIssue({ code: 'custom', path: ['districts'], message: 'only officers have sub-districts' });
  }
};

export const CreateAdminAccountBody = z
  .strictObject({ username: Username, name: Text(40), role: AdminRole, districts: Districts.optional(), password: NewPassword })
  .superRefine(districtsFitRole);
export type CreateAdminAccountBody = z.infer<typeof CreateAdminAccountBody>;

/** A change of name, sub-districts or disabled state. A change of role is a separate, four-eyes request. */
export const PatchAdminAccountBody = z.strictObject({
  name: Text(40).optional(),
  districts: Districts.optional(),
  disabled: z.boolean().optional(),
  /** The version this edit was made from: an older one answers 409 CONFLICT. */
  version: z.number().int().min(1).optional(),
});
export type PatchAdminAccountBody = z.infer<typeof PatchAdminAccountBody>;

export const AccountParams = z.strictObject({ id: Id });

/** An owner sets another's password; that account must change it at its next sign-in. */
export const ResetPasswordBody = z.strictObject({ password: NewPassword });
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

export const ChangePasswordBody = z.strictObject({ current: z.string().min(1).max(256), password: NewPassword });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const AdminMeResponse = z.object({ account: AdminAccount });

/** The 6 digits an authenticator app shows for the account (TOTP: SHA-1, 30-second steps). */
export const Otp = z.string().regex(/^\d{6}$/, 'the 6 digits the authenticator app shows');
/** One of the account's recovery codes, as printed (`xxxxx-xxxxx`); case, spaces and dashes do not matter. */
export const RecoveryCode = z.string().min(1).max(64);

/**
 * Two-step sign-in, first half: a new secret for the authenticator app, as text to type and as an
 * `otpauth://` URI for a QR code. Nothing changes until a code from it is confirmed.
 */
export const TotpEnrolment = z.object({ secret: z.string(), uri: z.string() });
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const ConfirmTotpBody = z.strictObject({ otp: Otp });
export type ConfirmTotpBody = z.infer<typeof ConfirmTotpBody>;

/** Shown once, never again: each signs in once in place of a code, for a lost phone. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
