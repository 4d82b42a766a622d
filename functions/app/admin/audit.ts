import type { AuditList, AuditQuery } from '../../contract/audit.js';
import { boundedRange } from '../../domain/impact.js';
import { addDays, localMoment } from '../../domain/time.js';
import type { AdminCtx } from '../context.js';

/** The audit log, newest first. Dates are Shanghai days, so a day's bounds are its local midnights. */
export async function listAudit(ctx: AdminCtx, query: AuditQuery): Promise<AuditList> {
  const today = localMoment(ctx.now, ctx.deps.config.timeZone).date;
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -ctx.deps.config.audit.defaultDays);
  boundedRange(from, to, ctx.deps.config.audit.maxRangeDays);
  const page = await ctx.deps.store.audit.list({
    fromAt: new Date(`${from}T00:00:00+08:00`).toISOString(),
    toAt: new Date(`${to}T23:59:59.999+08:00`).toISOString(),
    actor: query.actor,
    target: query.target,
    limit: query.limit,
    cursor: query.cursor,
  });
  return { entries: page.items, next: page.next };
}
