import type { AuditCsvQuery, AuditEntry, AuditList, AuditQuery } from '../../contract/audit.js';
import { auditActionText, auditChangeLines, auditTargetText } from '../../contract/audit-text.js';
import { boundedRange } from '../../domain/impact.js';
import { addDays, localMoment } from '../../domain/time.js';
import { invalid } from '../../domain/errors.js';
import type { AuditEntry as StoredEntry } from '../../store/audit.js';
import type { AdminCtx } from '../context.js';
import { excelCsv } from '../csv.js';

/** The store's query for these filters. Dates are Shanghai days, so a day's bounds are its local midnights. */
function storeQuery(ctx: AdminCtx, query: AuditCsvQuery) {
  const today = localMoment(ctx.now, ctx.deps.config.timeZone).date;
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -ctx.deps.config.audit.defaultDays);
  boundedRange(from, to, ctx.deps.config.audit.maxRangeDays);
  return {
    fromAt: new Date(`${from}T00:00:00+08:00`).toISOString(),
    toAt: new Date(`${to}T23:59:59.999+08:00`).toISOString(),
    actor: query.actor,
    action: query.action,
    target: query.target,
    provider: query.provider,
  };
}

/**
 * Entries as the desk shows them: each provider named as it is now (read once each, through the
 * listing cache), so a part's entry says whose it is without the reader knowing ids.
 */
async function named(ctx: AdminCtx, entries: StoredEntry[]): Promise<AuditEntry[]> {
  const ids = [...new Set(entries.flatMap((e) => (e.providerId ? [e.providerId] : [])))];
  const names = new Map(await Promise.all(ids.map(async (id) => [id, (await ctx.deps.listing.provider(id))?.name ?? id] as const)));
  return entries.map(({ providerId, ...e }) => (providerId ? { ...e, provider: { id: providerId, name: names.get(providerId)! } } : e));
}

/** The audit log, newest first. */
export async function listAudit(ctx: AdminCtx, query: AuditQuery): Promise<AuditList> {
  const page = await ctx.deps.store.audit.list({ ...storeQuery(ctx, query), limit: query.limit, cursor: query.cursor });
  return { entries: await named(ctx, page.items), next: page.next };
}

const CSV_PAGE = 200;

/** An instant in the programme's time zone: "2026-11-30 11:40". */
const localTime = (ctx: AdminCtx, iso: string) => {
  const m = localMoment(new Date(iso), ctx.deps.config.timeZone);
  return `${m.date} ${m.time}`;
};

const CSV_HEADER = ['时间（北京时间）', '操作人', '账号', '角色', '操作', '对象', '对象编号', '服务点', '变更'];

/**
 * Every entry the filters match, as CSV for Excel in Chinese (the same encoder as the impact
 * export). At most `audit.csvMaxRows` entries: a wider export is refused, asking for a narrower range.
 */
export async function auditCsv(ctx: AdminCtx, query: AuditCsvQuery): Promise<string> {
  const q = storeQuery(ctx, query);
  const max = ctx.deps.config.audit.csvMaxRows;
  const entries: StoredEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.deps.store.audit.list({ ...q, limit: CSV_PAGE, cursor });
    entries.push(...page.items);
    if (entries.length > max) invalid([{ in: 'query', field: 'from', message: `more than ${max} entries: narrow the dates or filters` }]);
    cursor = page.next ?? undefined;
  } while (cursor);
  const rows = (await named(ctx, entries)).map((e) => [
    localTime(ctx, e.at),
    e.actor.name,
    e.actor.username ?? e.actor.id,
    e.actor.role === 'admin' ? '管理员' : '员工',
    auditActionText(e.action, 'zh-CN'),
    auditTargetText(e.target.type, 'zh-CN'),
    e.target.id,
    e.provider?.name ?? '',
    auditChangeLines(e.before, e.after, 'zh-CN'),
  ]);
  return excelCsv(CSV_HEADER, rows);
}
