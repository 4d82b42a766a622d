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

export const VerificationStatus = z.enum(['PENDING', 'APPROVED', 'REJECTED']);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

export const VerificationReceipt = z.object({ verification: z.object({ id: Id, status: VerificationStatus }) });

/** What an admin reviews: the application with its personal data, decrypted for them alone. */
export const AdminVerification = z.object({
  id: Id,
  status: VerificationStatus,
  category: VerificationCategory,
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  name: z.string(),
  phone: z.string(),
  note: z.string(),
});
export const AdminVerificationList = pagedList('verifications', AdminVerification);
export const AdminVerificationResponse = z.object({ verification: AdminVerification });
export const VerificationQuery = z.strictObject({ status: VerificationStatus.default('PENDING'), ...PageQuery });
export type VerificationQuery = z.infer<typeof VerificationQuery>;
