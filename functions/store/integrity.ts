import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import type { IntegrityCase } from '../contract/integrity.js';
import { queryAll, type TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { keys } from './keys.js';
import { freezeWrite, thawWrite } from './points.js';
import { commit, type Write } from './transaction.js';

export type IntegrityCaseRecord = IntegrityCase;

const CASE_FIELDS = ['providerId', 'status', 'flags', 'flaggedAt', 'evidence', 'clearedAt', 'clearedBy', 'reason', 'clearedThrough'] as const;
const toCase = (i: Record<string, unknown>): IntegrityCaseRecord => Object.fromEntries(CASE_FIELDS.map((f) => [f, i[f] ?? null])) as unknown as IntegrityCaseRecord;

/** The case item: on the flagged index only while it awaits a clear. */
const caseItem = (c: IntegrityCaseRecord) => ({ ...keys.integrityCase(c.providerId), ...(c.status === 'FLAGGED' ? keys.integrityFlaggedIndex(c.flaggedAt, c.providerId) : {}), ...c });

/**
 * A provider's integrity case (one item beside its points) and the freeze it puts on them, kept
 * in step by transactions: flagged ⇔ `frozenSince` on the balance item (store/points.ts).
 */
export function integrityStore(ref: TableRef, config: Config) {
  const { doc, tableName: TableName } = ref;
  return {
    async get(providerId: string): Promise<IntegrityCaseRecord | null> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.integrityCase(providerId), ConsistentRead: true }));
      return out.Item ? toCase(out.Item) : null;
    },

    /** Every case awaiting a clear, oldest flag first: one Query of the flagged index. */
    async flagged(): Promise<IntegrityCaseRecord[]> {
      const items = await queryAll(doc, { TableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.integrityFlagged } });
      return items.map(toCase);
    },

    /**
     * Raise a flag: the case FLAGGED and the provider's held points frozen from `c.flaggedAt`, in
     * one transaction. `prior` is the case as the review read it (null: none, or a cleared one):
     * refused by `case` if it changed since — a second review running at once, or a clear.
     */
    async flag(c: IntegrityCaseRecord, prior: IntegrityCaseRecord | null) {
      const condition: Pick<NonNullable<Write['Put']>, 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> = prior
        ? { ConditionExpression: '#status = :cleared AND clearedAt = :clearedAt', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':cleared': 'CLEARED', ':clearedAt': prior.clearedAt } }
        : { ConditionExpression: 'attribute_not_exists(PK)' };
      return commit(ref, { case: { Put: { TableName, Item: caseItem(c), ...condition } }, points: freezeWrite(TableName, c.providerId, c.flaggedAt) }, config.contention);
    },

    /**
     * An admin's clear: the case CLEARED (off the flagged index) and the freeze lifted, with the
     * audit entry, in one transaction. Refused by `case` unless it is still the flag `before` was.
     */
    async clear(before: IntegrityCaseRecord, after: IntegrityCaseRecord, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(TableName, {
          case: {
            Put: {
              TableName,
              Item: caseItem(after),
              ConditionExpression: '#status = :flagged AND flaggedAt = :flaggedAt',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':flagged': 'FLAGGED', ':flaggedAt': before.flaggedAt },
            },
          },
          points: thawWrite(TableName, before.providerId),
        }, intents),
        config.contention,
        { case: toCase },
      );
    },
  };
}
