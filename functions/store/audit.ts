import type { TableRef } from './client.js';
import { keys } from './keys.js';
import { queryPage, type Page, type PageRequest } from './paging.js';
import type { Write } from './transaction.js';

/** One staff or admin state change: who, what, on what, and the state before and after. Never a recipient. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: { role: 'staff' | 'admin'; id: string; name: string };
  action: string;
  target: { type: string; id: string };
  before: unknown;
  after: unknown;
}

/** The audit part of a transaction: a fresh item, so it exists exactly when the change committed. */
export const auditWrite = (TableName: string, e: AuditEntry): Write => ({
  Put: {
    TableName,
    Item: { ...keys.audit(e.at, e.id), ...keys.auditIndexes(e.actor.id, e.target.id, e.at, e.id), ...e },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
});

const toEntry = (i: Record<string, unknown>): AuditEntry => ({
  id: i.id as string,
  at: i.at as string,
  actor: i.actor as AuditEntry['actor'],
  action: i.action as string,
  target: i.target as AuditEntry['target'],
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
  target?: string | undefined;
}

export function auditStore({ doc, tableName: TableName }: TableRef) {
  return {
    /** Newest first. By target or actor through their index; otherwise month by month. */
    async list(q: AuditQuery): Promise<Page<AuditEntry>> {
      const range = { ':from': q.fromAt, ':to': `${q.toAt}#~` };
      const byActor = q.actor && !q.target ? { index: 'GSI1', partition: keys.auditByActor(q.actor) } : null;
      const byTarget = q.target ? { index: 'GSI2', partition: keys.auditByTarget(q.target) } : null;
      const via = byTarget ?? byActor;
      const page = via
        ? await queryPage(doc, [via.partition], (pk) => ({
            TableName,
            IndexName: via.index,
            KeyConditionExpression: `${via.index}PK = :pk AND ${via.index}SK BETWEEN :from AND :to`,
            // Both filters at once: the target's index, then the actor among its entries.
            ...(byTarget && q.actor ? { FilterExpression: 'actor.id = :actor' } : {}),
            ExpressionAttributeValues: { ':pk': pk, ...range, ...(byTarget && q.actor ? { ':actor': q.actor } : {}) },
            ScanIndexForward: false,
          }), q)
        : await queryPage(doc, monthsBack(q.fromAt, q.toAt).map(keys.auditMonth), (pk) => ({
            TableName,
            KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': pk, ...range },
            ScanIndexForward: false,
          }), q);
      return { items: page.items.map(toEntry), next: page.next };
    },
  };
}
