import * as z from 'zod';
import { DateString, Decider, Id, MultilineText, pagedList, PageQuery } from './common.js';

/**
 * The longest thank-you note and safety report, in characters after trimming. Limits on what a
 * request may carry live with its schema here, where the mini-program's fields read them too.
 */
export const NOTE_MAX_CHARS = 140;
export const SAFETY_REPORT_MAX_CHARS = 1000;

export const ThanksPageQuery = z.strictObject({ ...PageQuery });

export const ThanksBody = z.strictObject({
  like: z.literal(true),
  /** Optional; 1–NOTE_MAX_CHARS characters after trimming. */
  note: MultilineText(NOTE_MAX_CHARS).optional(),
});
export type ThanksBody = z.infer<typeof ThanksBody>;

export const ThanksReceipt = z.object({
  thanks: z.object({ bookingId: Id, like: z.literal(true), note: z.string().nullable(), at: z.string() }),
});

/** What the restaurant sees: its likes, and the words and the day — no recipient, no booking, no time of day. */
export const StaffThanksList = pagedList('thanks', z.object({ id: Id, note: z.string(), at: DateString }), { likes: z.number().int().min(0) });

export const AdminThanksQuery = z.strictObject({ ...PageQuery, providerId: Id });
export const AdminThanksNote = z.object({ id: Id, providerId: Id, note: z.string(), at: z.string(), hidden: z.boolean() });
export type AdminThanksNote = z.infer<typeof AdminThanksNote>;
export const AdminThanksList = pagedList('thanks', AdminThanksNote);
export const AdminThanksResponse = z.object({ thanks: AdminThanksNote });

export const SafetyReportBody = z.strictObject({
  providerId: Id,
  bookingId: Id.optional(),
  text: MultilineText(SAFETY_REPORT_MAX_CHARS),
});
export type SafetyReportBody = z.infer<typeof SafetyReportBody>;
export const SafetyReportReceipt = z.object({ report: z.object({ id: Id, status: z.literal('RECEIVED') }) });

export const SafetyReportStatus = z.enum(['OPEN', 'CLOSED']);
export type SafetyReportStatus = z.infer<typeof SafetyReportStatus>;
/** `GET /v1/admin/safety-reports`: open ones by default, newest first. */
export const SafetyReportsQuery = z.strictObject({ status: SafetyReportStatus.default('OPEN'), ...PageQuery });
export type SafetyReportsQuery = z.infer<typeof SafetyReportsQuery>;
/** Who closed a report, when, and what was done. */
export const SafetyReportClosure = z.object({ at: z.string(), note: z.string(), by: Decider });
export type SafetyReportClosure = z.infer<typeof SafetyReportClosure>;
export const AdminSafetyReport = z.object({
  id: Id,
  providerId: Id,
  providerName: z.string(),
  bookingId: Id.nullable(),
  text: z.string(),
  at: z.string(),
  status: SafetyReportStatus,
  closed: SafetyReportClosure.nullable(),
});
export type AdminSafetyReport = z.infer<typeof AdminSafetyReport>;
export const AdminSafetyReportList = pagedList('reports', AdminSafetyReport);
/** The longest "what was done" when closing a report. */
export const CLOSE_NOTE_MAX_CHARS = 500;
export const CloseSafetyReportBody = z.strictObject({ note: MultilineText(CLOSE_NOTE_MAX_CHARS) });
export type CloseSafetyReportBody = z.infer<typeof CloseSafetyReportBody>;
export const AdminSafetyReportResponse = z.object({ report: AdminSafetyReport });
