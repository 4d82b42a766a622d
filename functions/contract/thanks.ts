import * as z from 'zod';
import { Id, MultilineText, NextCursor, PageQuery } from './common.js';

export const ThanksPageQuery = z.strictObject({ ...PageQuery });

export const ThanksBody = z.strictObject({
  like: z.literal(true),
  /** Optional; 1–140 characters after trimming. */
  note: MultilineText(140).optional(),
});
export type ThanksBody = z.infer<typeof ThanksBody>;

export const ThanksReceipt = z.object({
  thanks: z.object({ bookingId: Id, like: z.literal(true), note: z.string().nullable(), at: z.string() }),
});

/** What the restaurant sees: its likes, and the words and when — no recipient, no booking. */
export const StaffThanksList = z.object({
  likes: z.number().int().min(0),
  thanks: z.array(z.object({ id: Id, note: z.string(), at: z.string() })),
  next: NextCursor,
});

export const AdminThanksQuery = z.strictObject({ ...PageQuery, providerId: Id });
export const AdminThanksNote = z.object({ id: Id, providerId: Id, note: z.string(), at: z.string(), hidden: z.boolean() });
export const AdminThanksList = z.object({ thanks: z.array(AdminThanksNote), next: NextCursor });
export const AdminThanksResponse = z.object({ thanks: AdminThanksNote });

export const SafetyReportBody = z.strictObject({
  providerId: Id,
  bookingId: Id.optional(),
  text: MultilineText(1000),
});
export type SafetyReportBody = z.infer<typeof SafetyReportBody>;
export const SafetyReportReceipt = z.object({ report: z.object({ id: Id, status: z.literal('RECEIVED') }) });

export const AdminSafetyReport = z.object({ id: Id, providerId: Id, providerName: z.string(), bookingId: Id.nullable(), text: z.string(), at: z.string() });
export const AdminSafetyReportList = z.object({ reports: z.array(AdminSafetyReport), next: NextCursor });
