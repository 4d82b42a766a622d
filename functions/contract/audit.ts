import * as z from 'zod';
import { DateString, Id, pagedList, PageQuery } from './common.js';

/**
 * `GET /v1/admin/audit`: `from`/`to` are Asia/Shanghai dates, inclusive (default: the last 90
 * days up to today); `actor` is a staff or admin id; `target` the id of what was changed.
 */
export const AuditQuery = z
  .strictObject({
    from: DateString.optional(),
    to: DateString.optional(),
    actor: Id.optional(),
    target: Id.optional(),
    ...PageQuery,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], message: 'from must not be after to' });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ role: z.enum(['staff', 'admin']), id: z.string(), name: z.string(), username: z.string().optional() }),
  /** The route's name in the contract: `approveProvider`, `redeem`, `rejectExchange`… */
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditList = pagedList('entries', AuditEntry);
export type AuditList = z.infer<typeof AuditList>;
