import type { ApprovalStatus, Person } from '../contract/approvals.js';
import { keys } from './keys.js';
import type { Write } from './transaction.js';

/** A decision on a pending request: who and when, and (a rejection) why. */
export interface ApprovalDecision {
  id: string;
  status: Exclude<ApprovalStatus, 'PENDING'>;
  by: Person;
  at: string;
  reason: string | null;
}

/** The decision as a transaction part: refused unless the request is still PENDING and the decider is not its requester. */
export const decisionWrite = (TableName: string, d: ApprovalDecision): Write => ({
  Update: {
    TableName,
    Key: keys.approval(d.id),
    UpdateExpression: 'SET #s = :s, decidedBy = :by, decidedAt = :at, reason = :r, GSI1PK = :pk',
    ConditionExpression: '#s = :pending',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': d.status, ':by': d.by, ':at': d.at, ':r': d.reason, ':pk': keys.approvalsIn(d.status), ':pending': 'PENDING' },
  },
});
