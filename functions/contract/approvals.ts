/**
 * Four eyes: a money-like change (points above the threshold) or any change of an administrator's
 * role waits as a pending approval until a different eligible administrator approves it.
 */
import * as z from 'zod';
import { Id, pagedList, PageQuery, Text } from './common.js';
import { AdminRole, Districts, districtsFitRole } from './office.js';

export const ApprovalKind = z.enum(['points_adjustment', 'points_reversal', 'role_change']);
export type ApprovalKind = z.infer<typeof ApprovalKind>;
export const ApprovalStatus = z.enum(['PENDING', 'APPROVED', 'REJECTED']);
export type ApprovalStatus = z.infer<typeof ApprovalStatus>;

/** An administrator as an approval names them. */
export const Person = z.object({ id: Id, username: z.string(), name: z.string() });
export type Person = z.infer<typeof Person>;

/** What would change: the request as it was made (points and provider, or account and role). */
export const ApprovalChange = z.object({
  providerId: Id.optional(),
  points: z.number().int().optional(),
  entryId: Id.optional(),
  accountId: Id.optional(),
  role: AdminRole.optional(),
  districts: z.array(Id).optional(),
  reason: z.string().optional(),
});
export type ApprovalChange = z.infer<typeof ApprovalChange>;

export const Approval = z.object({
  id: Id,
  kind: ApprovalKind,
  status: ApprovalStatus,
  change: ApprovalChange,
  requestedBy: Person,
  requestedAt: z.string(),
  decidedBy: Person.nullable(),
  decidedAt: z.string().nullable(),
  /** A rejection's reason. */
  reason: z.string().nullable(),
});
export type Approval = z.infer<typeof Approval>;

export const ApprovalResponse = z.object({ approval: Approval });
export type ApprovalResponse = z.infer<typeof ApprovalResponse>;
export const ApprovalList = pagedList('approvals', Approval);
export const ApprovalsQuery = z.strictObject({ status: ApprovalStatus.default('PENDING'), ...PageQuery });
export type ApprovalsQuery = z.infer<typeof ApprovalsQuery>;
export const RejectApprovalBody = z.strictObject({ reason: Text(200) });
export type RejectApprovalBody = z.infer<typeof RejectApprovalBody>;

/** A new role (and, for an officer, sub-districts): always four eyes. */
export const RoleChangeBody = z.strictObject({ role: AdminRole, districts: Districts.optional() }).superRefine(districtsFitRole);
export type RoleChangeBody = z.infer<typeof RoleChangeBody>;
