import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import type { VerificationStatus } from '../contract/verifications.js';
import { queryAll, type TableRef } from './client.js';
import { keys } from './keys.js';
import { withIntents, type Intents } from './intents.js';
import { commit } from './transaction.js';

export interface VerificationRecord {
  id: string;
  recipientId: string;
  status: VerificationStatus;
  category: string;
  /** Name, phone and note, AES-256-GCM sealed (security/personal-data.ts). */
  sealed: string;
  submittedAt: string;
  decidedAt: string | null;
}

const toVerification = (i: Record<string, unknown>): VerificationRecord => ({
  id: i.id as string,
  recipientId: i.recipientId as string,
  status: i.status as VerificationStatus,
  category: i.category as string,
  sealed: i.sealed as string,
  submittedAt: i.submittedAt as string,
  decidedAt: (i.decidedAt as string | undefined) ?? null,
});

export function verificationStore(ref: TableRef, config: Config) {
  const { doc, tableName: TableName } = ref;
  return {
    async get(id: string): Promise<VerificationRecord | null> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.verification(id) }));
      return out.Item ? toVerification(out.Item) : null;
    },

    /** A new application; refused ('pending') while the recipient already has one waiting. */
    async submit(v: VerificationRecord): Promise<'ok' | 'pending'> {
      const r = await commit(
        ref,
        {
          verification: {
            Put: {
              TableName,
              Item: { ...keys.verification(v.id), ...keys.verificationIndex(v.status, v.submittedAt, v.id), ...v },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          recipient: {
            Update: {
              TableName,
              Key: keys.recipient(v.recipientId),
              UpdateExpression: 'SET verification = :v',
              ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(verification) OR verification.#s <> :pending)',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':v': { id: v.id, status: v.status }, ':pending': 'PENDING' },
            },
          },
        },
        config.contention,
      );
      return r.ok ? 'ok' : 'pending';
    },

    async list(status: VerificationStatus, limit = 100): Promise<VerificationRecord[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.verificationsIn(status) },
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map(toVerification);
    },

    /**
     * Decided applications whose retention has run out lose their personal data: the sealed
     * name, phone and note are removed and the record leaves the review lists (GSI1 moves to a
     * PURGED partition), keeping only id, category, status and dates. Returns how many.
     */
    async purgeDue(nowEpoch: number): Promise<number> {
      let purged = 0;
      for (const status of ['APPROVED', 'REJECTED'] as const) {
        // Collected first: each purge moves its item out of the partition being read.
        const due = await queryAll(doc, {
          TableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          FilterExpression: 'purgeAt <= :now',
          ExpressionAttributeValues: { ':pk': keys.verificationsIn(status), ':now': nowEpoch },
        });
        for (const item of due) {
          await doc.send(
            new UpdateCommand({
              TableName,
              Key: keys.verification(item.id as string),
              UpdateExpression: 'REMOVE sealed SET purgedAt = :now, GSI1PK = :purged',
              ConditionExpression: 'attribute_exists(sealed)',
              ExpressionAttributeValues: { ':now': nowEpoch, ':purged': keys.verificationsIn('PURGED') },
            }),
          ).then(() => purged++, (e: Error) => {
            if (e.name !== 'ConditionalCheckFailedException') throw e;
          });
        }
      }
      return purged;
    },

    /** PENDING → APPROVED/REJECTED once (refused by `verification` otherwise); an approval verifies the recipient until `verifiedUntil`. */
    async decide(v: VerificationRecord, status: 'APPROVED' | 'REJECTED', at: string, verifiedUntil: string | null, purgeAt: number, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(TableName, {
          verification: {
            Update: {
              TableName,
              Key: keys.verification(v.id),
              UpdateExpression: 'SET #s = :s, decidedAt = :at, purgeAt = :purge, GSI1PK = :pk, GSI1SK = :sk',
              ConditionExpression: '#s = :pending',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: {
                ':s': status, ':at': at, ':purge': purgeAt, ':pending': 'PENDING',
                ':pk': keys.verificationsIn(status), ':sk': keys.verificationIndex(status, v.submittedAt, v.id).GSI1SK,
              },
            },
          },
          recipient: {
            Update: {
              TableName,
              Key: keys.recipient(v.recipientId),
              UpdateExpression: verifiedUntil ? 'SET verification = :v, verifiedUntil = :until' : 'SET verification = :v',
              ExpressionAttributeValues: { ':v': { id: v.id, status }, ...(verifiedUntil ? { ':until': verifiedUntil } : {}) },
            },
          },
        }, intents),
        config.contention,
      );
    },
  };
}
