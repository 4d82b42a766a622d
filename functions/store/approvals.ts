import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Approval, ApprovalStatus } from '../contract/approvals.js';
import type { Page } from '../contract/common.js';
import type { Config } from '../config.js';
import { queryPage, type PageRequest, type TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { keys } from './keys.js';
import { decisionWrite, type ApprovalDecision } from './approval-decision.js';
import { commit, type Write } from './transaction.js';

/**
 * Four eyes: requests waiting for a second administrator, listed by status on GSI1. A decision
 * flips PENDING once (a condition), in the same transaction as the change it approves, so the
 * change happens exactly once however many approve at the same moment.
 */

const FIELDS = ['id', 'kind', 'status', 'change', 'requestedBy', 'requestedAt', 'decidedBy', 'decidedAt', 'reason'] as const;
const toApproval = (i: Record<string, unknown>): Approval => Object.fromEntries(FIELDS.map((f) => [f, i[f] ?? null])) as unknown as Approval;
const GSI1_KEYS = ['PK', 'SK', 'GSI1PK', 'GSI1SK'] as const;

export type { ApprovalDecision };

export function approvalStore(ref: TableRef, config: Config) {
  const { doc, tableName: TableName } = ref;
  return {
    /** A new pending request, with its audit entry. */
    async request(a: Approval, intents: Pick<Intents, 'audit'>) {
      const approval: Write = {
        Put: { TableName, Item: { ...keys.approval(a.id), ...keys.approvalIndex(a.status, a.requestedAt, a.id), ...a }, ConditionExpression: 'attribute_not_exists(PK)' },
      };
      return commit(ref, withIntents(TableName, { approval }, intents), config.contention);
    },

    async get(id: string): Promise<Approval | null> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.approval(id), ConsistentRead: true }));
      return out.Item ? toApproval(out.Item) : null;
    },

    /** Newest first. */
    async list(status: ApprovalStatus, page: PageRequest): Promise<Page<Approval>> {
      const pk = keys.approvalsIn(status);
      const out = await queryPage(doc, { TableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false }, page, GSI1_KEYS, { GSI1PK: pk });
      return { items: out.items.map(toApproval), next: out.next };
    },

    /** A rejection: the decision alone, with its audit entry. */
    async reject(d: ApprovalDecision, intents: Pick<Intents, 'audit'>) {
      return commit(ref, withIntents(TableName, { decision: decisionWrite(TableName, d) }, intents), config.contention, { decision: toApproval });
    },
  };
}
