import * as z from 'zod';
import { DateString, Id, pagedList, PageQuery } from './common.js';

/**
 * Every action the audit log records: the name of each state-changing staff or admin route, and
 * the one read that is on record (an administrator reading applicants' personal data). A route
 * added without a place here fails tests/unit/audit-labels.test.ts, and so does one here without
 * its labels (contract/audit-labels.ts).
 */
export const AuditAction = z.enum([
  'putDistrict',
  'createProvider',
  'updateProvider',
  'approveProvider',
  'suspendProvider',
  'putOffering',
  'createStaff',
  'disableStaff',
  'rotatePoster',
  'redeem',
  'staffWalkIn',
  'createPointsAdjustment',
  'createPointsReversal',
  'putCatalogItem',
  'adjustCatalogStock',
  'createExchange',
  'fulfilExchange',
  'rejectExchange',
  'hideThanks',
  'closeSafetyReport',
  'clearIntegrity',
  'approveVerification',
  'rejectVerification',
  'listVerifications',
  'publishLeaderboard',
  'withdrawLeaderboard',
  'createAdminAccount',
  'updateAdminAccount',
  'resetAdminPassword',
  'endAccountSessions',
  'changeAdminRole',
  'approveApproval',
  'rejectApproval',
  'changeAdminPassword',
  'endAdminSessions',
  'enrolTotp',
  'confirmTotp',
  'resetAdminTotp',
  'reinstateProvider',
  'revokeVerification',
  'revealVerificationPhone',
  'resetStaffPassword',
  'enableStaff',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * `GET /v1/admin/audit` (and `.csv`): `from`/`to` are Asia/Shanghai dates, inclusive (default: the
 * last 90 days up to today); `actor` is a staff or admin id; `action` one of AuditAction; `target`
 * the id of what was changed; `provider` a provider's whole family: the provider and everything
 * done to its parts (offerings, staff, points, exchanges, notes, reports, its counter).
 */
const auditFilters = {
  from: DateString.optional(),
  to: DateString.optional(),
  actor: Id.optional(),
  action: AuditAction.optional(),
  target: Id.optional(),
  provider: Id.optional(),
};
const inOrder = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const order = { path: ['from'], message: 'from must not be after to' };

export const AuditQuery = z.strictObject({ ...auditFilters, ...PageQuery }).refine(inOrder, order);
export type AuditQuery = z.infer<typeof AuditQuery>;

/** The CSV export takes the same filters, without paging: it holds every entry they match. */
export const AuditCsvQuery = z.strictObject(auditFilters).refine(inOrder, order);
export type AuditCsvQuery = z.infer<typeof AuditCsvQuery>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ role: z.enum(['staff', 'admin']), id: z.string(), name: z.string(), username: z.string().optional() }),
  /** An AuditAction: the route's name in the contract (`approveProvider`, `redeem`…). */
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  /**
   * The provider the target belongs to (the provider itself, or the one owning the offering, staff
   * account, ledger entry, exchange, note or report), named as it is now. Absent for what belongs to
   * no provider, and on entries written before 2026-12 other than a provider's own.
   */
  provider: z.object({ id: z.string(), name: z.string() }).optional(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditList = pagedList('entries', AuditEntry);
export type AuditList = z.infer<typeof AuditList>;

/** The CSV export (the adapter sends it as text/csv). */
export const AuditCsv = z.string();
