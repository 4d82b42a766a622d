import * as z from 'zod';
import { Id, MultilineText, pagedList, PageQuery, Text } from './common.js';

export const VerificationCategory = z.enum(['graduate', 'intern', 'between_jobs', 'new_employment', 'other']);
export type VerificationCategory = z.infer<typeof VerificationCategory>;

export const VerificationBody = z.strictObject({
  name: Text(40),
  phone: z.string().regex(/^1\d{10}$/, 'a mainland mobile number, 11 digits'),
  category: VerificationCategory,
  note: MultilineText(300, 0).default(''),
});
export type VerificationBody = z.infer<typeof VerificationBody>;

/**
 * An approval can be revoked later (REVOKED): the person is no longer verified from that moment and
 * books under the same rules as anyone unverified; they may apply again.
 */
export const VerificationStatus = z.enum(['PENDING', 'APPROVED', 'REJECTED', 'REVOKED']);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

export const VerificationReceipt = z.object({ verification: z.object({ id: Id, status: VerificationStatus }) });

/**
 * What an admin reviews: the application with its personal data, decrypted for them alone. The
 * phone is masked (138****1234); the whole number is one audited reveal away (POST …/reveal).
 */
export const AdminVerification = z.object({
  id: Id,
  status: VerificationStatus,
  category: VerificationCategory,
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  name: z.string(),
  maskedPhone: z.string(),
  note: z.string(),
  /** A rejection's or revocation's reason, as the applicant is told it; null otherwise. */
  reason: z.string().nullable(),
});
export type AdminVerification = z.infer<typeof AdminVerification>;
export const AdminVerificationList = pagedList('verifications', AdminVerification);
export const AdminVerificationResponse = z.object({ verification: AdminVerification });
/** A rejection or a revocation: why, in words the applicant will read in the app. */
export const VerificationReasonBody = z.strictObject({ reason: Text(200) });
export type VerificationReasonBody = z.infer<typeof VerificationReasonBody>;
/** One applicant's whole phone number, revealed on purpose (the read is audited, the number is not). */
export const RevealedPhone = z.object({ phone: z.string() });

export const VerificationQuery = z.strictObject({ status: VerificationStatus.default('PENDING'), ...PageQuery });
export type VerificationQuery = z.infer<typeof VerificationQuery>;
