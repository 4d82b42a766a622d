import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../contract/common.js';
import { invalid } from '../domain/errors.js';
import { queryPage, type PageRequest, type TableRef } from './client.js';
import { keys } from './keys.js';
import type { Write } from './transaction.js';

/**
 * The audit log: the entry a change writes as the `audit` part of its own transaction
 * (`auditWrite`, always a fresh item), and the admins' reading of it. Entries sit in one partition
 * per UTC month, on GSI1 by target and (when about a provider or its parts) on GSI3 by provider, so
 * a list walks months newest first, or reads one target's history or one provider's whole family;
 * nothing here updates or deletes an entry.
 */

/** One staff or admin state change: who, what, on what, and the state before and after. Never a recipient. */
export interface AuditEntry {
  id: string;
  at: string;
  /** Who: an administrator also by username (each is a named person since issue 21). */
  actor: { role: 'staff' | 'admin'; id: string; name: string; username?: string };
  action: string;
  target: { type: string; id: string };
  /** The provider the target is or belongs to: its family history (GSI3) holds the entry too. */
  providerId?: string;
  before: unknown;
  after: unknown;
}

/** The audit part of a transaction: a fresh item, so it exists exactly when the change committed. */
export const auditWrite = (TableName: string, e: AuditEntry): Write => ({
  Put: {
    TableName,
    Item: { ...keys.audit(e.at, e.id), ...keys.auditIndex(e.target.id, e.at, e.id), ...(e.providerId ? keys.auditFamilyIndex(e.providerId, e.at, e.id) : {}), ...e },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

const toEntry = (i: Record<string, unknown>): AuditEntry => ({
  id: i.id as string,
  at: i.at as string,
  actor: i.actor as AuditEntry['actor'],
  action: i.action as string,
  target: i.target as AuditEntry['target'],
  ...(typeof i.providerId === 'string' ? { providerId: i.providerId } : {}),
  before: i.before ?? null,
  after: i.after ?? null,
});

/** UTC months from `to` back to `from` (YYYY-MM), newest first. */
function monthsBack(fromAt: string, toAt: string): string[] {
  const months: string[] = [];
  let y = Number(toAt.slice(0, 4));
  let m = Number(toAt.slice(5, 7));
  const stop = fromAt.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month < stop) break;
    months.push(month);
    if (--m === 0) [y, m] = [y - 1, 12];
  }
  return months;
}

export interface AuditQuery extends PageRequest {
  /** ISO instants, inclusive. */
  fromAt: string;
  toAt: string;
  actor?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
  /** A provider's family: entries about it and its parts. */
  provider?: string | undefined;
}

/** The month walk's cursor: which month, and the cursor within it. */
const walkCursor = (month: string, inner: string | null) => Buffer.from(JSON.stringify({ m: month, c: inner })).toString('base64url');

function readWalkCursor(cursor: string, months: string[]): { at: number; inner: string | undefined } {
  try {
    const { m, c } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { m: unknown; c: unknown };
    const at = months.indexOf(m as string);
    if (at >= 0 && (c === null || typeof c === 'string')) return { at, inner: (c as string | null) ?? undefined };
  } catch {
    // fall through
  }
  return invalid([{ in: 'query', field: 'cursor', message: 'not a cursor this list gave out' }]);
}

export function auditStore({ doc, tableName: TableName }: TableRef) {
  const range = (q: AuditQuery) => ({ ':from': q.fromAt, ':to': `${q.toAt}#~` });
  return {
    /**
     * An entry on its own, for what changes nothing but must be on record: an administrator
     * reading sealed personal data. Written before the data is shown, so no reading goes unrecorded.
     */
    async record(entries: readonly AuditEntry[]): Promise<void> {
      await Promise.all(entries.map((e) => doc.send(new PutCommand(auditWrite(TableName, e).Put!))));
    },

    /**
     * Newest first. A provider's family through GSI3, a target's entries through GSI1; otherwise
     * month by month. The other filters narrow either (read, then kept or not: the indexes hold
     * keys only); pages are still filled up to `limit` (queryPage reads on).
     */
    async list(q: AuditQuery): Promise<Page<AuditEntry>> {
      const wanted = (i: Record<string, unknown>) =>
        (!q.actor || (i.actor as AuditEntry['actor'] | undefined)?.id === q.actor) &&
        (!q.action || i.action === q.action) &&
        (!q.target || (i.target as AuditEntry['target'] | undefined)?.id === q.target);
      const narrowed = q.actor || q.action || (q.target && q.provider) ? wanted : null;
      const index = q.provider
        ? { IndexName: 'GSI3', pk: 'GSI3PK', sk: 'GSI3SK', value: keys.auditByProvider(q.provider) }
        : q.target
          ? { IndexName: 'GSI1', pk: 'GSI1PK', sk: 'GSI1SK', value: keys.auditByTarget(q.target) }
          : null;
      if (index) {
        const page = await queryPage(
          doc,
          {
            TableName,
            IndexName: index.IndexName,
            KeyConditionExpression: `${index.pk} = :pk AND ${index.sk} BETWEEN :from AND :to`,
            ExpressionAttributeValues: { ':pk': index.value, ...range(q) },
            ScanIndexForward: false,
          },
          q,
          ['PK', 'SK', index.pk, index.sk],
          { [index.pk]: index.value },
          narrowed,
        );
        return { items: page.items.map(toEntry), next: page.next };
      }
      const months = monthsBack(q.fromAt, q.toAt);
      let { at, inner } = q.cursor ? readWalkCursor(q.cursor, months) : { at: 0, inner: undefined as string | undefined };
      const items: AuditEntry[] = [];
      for (; at < months.length; at++, inner = undefined) {
        const pk = keys.auditMonth(months[at]!);
        const page = await queryPage(
          doc,
          { TableName, KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to', ExpressionAttributeValues: { ':pk': pk, ...range(q) }, ScanIndexForward: false },
          { limit: q.limit - items.length, cursor: inner },
          ['PK', 'SK'],
          { PK: pk },
          narrowed,
        );
        items.push(...page.items.map(toEntry));
        if (page.next) return { items, next: walkCursor(months[at]!, page.next) };
        if (items.length === q.limit) return { items, next: at + 1 < months.length ? walkCursor(months[at + 1]!, null) : null };
      }
      return { items, next: null };
    },
  };
}
