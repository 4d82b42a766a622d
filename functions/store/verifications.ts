import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import type { VerificationStatus } from '../contract/verifications.js';
import type { Page } from '../contract/common.js';
import { queryAll, queryPage, type PageRequest, type TableRef } from './client.js';
import { keys } from './keys.js';
import { withIntents, type Intents } from './intents.js';
import { commit, type Write } from './transaction.js';

export interface VerificationRecord {
  id: string;
  recipientId: string;
  status: VerificationStatus;
  category: string;
  /** Name, phone and note, AES-256-GCM sealed (security/personal-data.ts). */
  sealed: string;
  submittedAt: string;
  decidedAt: string | null;
  /** Keyed hash of the applicant's phone (absent on records from before it was kept, and once purged). */
  phoneKey?: string | null;
  /** A rejection's or revocation's reason (the applicant reads it); null otherwise. */
  reason?: string | null;
}

const toVerification = (i: Record<string, unknown>): VerificationRecord => ({
  id: i.id as string,
  recipientId: i.recipientId as string,
  status: i.status as VerificationStatus,
  category: i.category as string,
  sealed: i.sealed as string,
  submittedAt: i.submittedAt as string,
  decidedAt: (i.decidedAt as string | undefined) ?? null,
  phoneKey: (i.phoneKey as string | undefined) ?? null,
  reason: (i.reason as string | undefined) ?? null,
});

const isConditionFailure = (e: Error) => e.name === 'ConditionalCheckFailedException';

export function verificationStore(ref: TableRef, config: Config) {
  const { doc, tableName: TableName } = ref;
  /** An application moving `from` → `to` once (refused otherwise) into `to`'s review list, setting `set` too. */
  const moved = (v: VerificationRecord, from: VerificationStatus, to: VerificationStatus, set: string, values: Record<string, unknown>): Write => ({
    Update: {
      TableName,
      Key: keys.verification(v.id),
      UpdateExpression: `SET #s = :s, ${set}, GSI1PK = :pk, GSI1SK = :sk`,
      ConditionExpression: '#s = :from',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ...values, ':s': to, ':from': from, ':pk': keys.verificationsIn(to), ':sk': keys.verificationIndex(to, v.submittedAt, v.id).GSI1SK },
    },
  });
  return {
    async get(id: string): Promise<VerificationRecord | null> {
      const out = await doc.send(new GetCommand({ TableName, Key: keys.verification(id) }));
      return out.Item ? toVerification(out.Item) : null;
    },

    /**
     * A new application, with its phone's claim: refused by `recipient` while the recipient has
     * one waiting, by `phone` while that phone has a pending or approved application, by `rate` or
     * `idempotency` as those intents say. A pending claim has no end date: it is held until the
     * application is decided (a rejection releases it, an approval holds it through
     * `heldThrough` = the end of the verification) or purged with it. A date would free the phone
     * between its end and the purge, while the first application still waits to be approved.
     */
    async submit(v: VerificationRecord & { phoneKey: string }, today: string, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(TableName, {
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
          phone: {
            Put: {
              TableName,
              Item: { ...keys.verificationPhone(v.phoneKey), verificationId: v.id },
              ConditionExpression: 'attribute_not_exists(PK) OR heldThrough < :today',
              ExpressionAttributeValues: { ':today': today },
            },
          },
          verification: {
            Put: {
              TableName,
              Item: { ...keys.verification(v.id), ...keys.verificationIndex(v.status, v.submittedAt, v.id), ...v },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        }, intents),
        config.contention,
      );
    },

    /** One page of a status's applications, oldest first (the review queue's order). */
    async list(status: VerificationStatus, page: PageRequest): Promise<Page<VerificationRecord>> {
      const partition = { GSI1PK: keys.verificationsIn(status) };
      const out = await queryPage(
        doc,
        { TableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': partition.GSI1PK } },
        page,
        ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
        partition,
      );
      return { items: out.items.map(toVerification), next: out.next };
    },

    /** After a rejection: the phone is free again (unless another application holds it by now). */
    async releasePhone(phoneKey: string, verificationId: string): Promise<void> {
      await doc
        .send(new DeleteCommand({ TableName, Key: keys.verificationPhone(phoneKey), ConditionExpression: 'verificationId = :vid', ExpressionAttributeValues: { ':vid': verificationId } }))
        .catch((e: Error) => {
          if (!isConditionFailure(e)) throw e;
        });
    },

    /**
     * Pending applications submitted before `before` (ISO) that no admin decided: deleted with their
     * personal data, the recipient's pointer and the phone's claim. Returns how many.
     */
    async purgeStalePending(before: string): Promise<number> {
      const due = await queryAll(doc, {
        TableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK < :before',
        ExpressionAttributeValues: { ':pk': keys.verificationsIn('PENDING'), ':before': before },
      });
      let purged = 0;
      for (const item of due.map(toVerification)) {
        const out = await commit(
          ref,
          {
            verification: { Delete: { TableName, Key: keys.verification(item.id), ConditionExpression: '#s = :pending', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':pending': 'PENDING' } } },
            recipient: {
              Update: {
                TableName,
                Key: keys.recipient(item.recipientId),
                UpdateExpression: 'REMOVE verification',
                ConditionExpression: 'verification.id = :vid',
                ExpressionAttributeValues: { ':vid': item.id },
              },
            },
          },
          config.contention,
        );
        if (!out.ok) continue; // decided meanwhile, or the recipient has moved on: nothing stale left
        purged++;
        if (item.phoneKey) await this.releasePhone(item.phoneKey, item.id);
      }
      return purged;
    },

    /**
     * Decided applications whose retention has run out lose their personal data: the sealed
     * name, phone and note are removed and the record leaves the review lists (GSI1 moves to a
     * PURGED partition), keeping only id, category, status and dates. Returns how many.
     */
    async purgeDue(nowEpoch: number): Promise<number> {
      let purged = 0;
      for (const status of ['APPROVED', 'REJECTED', 'REVOKED'] as const) {
        // Collected first: each purge moves its item out of the partition being read.
        const due = await queryAll(
          doc,
          { TableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.verificationsIn(status) } },
          (i) => (i.purgeAt as number) <= nowEpoch,
        );
        for (const item of due) {
          await doc.send(
            new UpdateCommand({
              TableName,
              Key: keys.verification(item.id as string),
              UpdateExpression: 'REMOVE sealed, phoneKey SET purgedAt = :now, GSI1PK = :purged',
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

    /**
     * PENDING → APPROVED/REJECTED once (refused by `verification` otherwise); an approval verifies
     * the recipient until `verifiedUntil`, a rejection tells them `reason`.
     */
    async decide(v: VerificationRecord, status: 'APPROVED' | 'REJECTED', at: string, verifiedUntil: string | null, purgeAt: number, reason: string | null, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(TableName, {
          verification: moved(v, 'PENDING', status, 'decidedAt = :at, purgeAt = :purge, reason = :why', { ':at': at, ':purge': purgeAt, ':why': reason }),
          // An approval holds the applicant's phone for as long as it verifies (no second identity on it).
          phone: v.phoneKey && verifiedUntil
            ? { Put: { TableName, Item: { ...keys.verificationPhone(v.phoneKey), verificationId: v.id, heldThrough: verifiedUntil } } }
            : undefined,
          recipient: {
            Update: {
              TableName,
              Key: keys.recipient(v.recipientId),
              UpdateExpression: verifiedUntil ? 'SET verification = :v, verifiedUntil = :until' : 'SET verification = :v',
              ExpressionAttributeValues: { ':v': { id: v.id, status, reason }, ...(verifiedUntil ? { ':until': verifiedUntil } : {}) },
            },
          },
        }, intents),
        config.contention,
      );
    },

    /**
     * APPROVED → REVOKED once: the recipient is no longer verified from now (their `verifiedUntil`
     * goes) and is told `reason`. Refused by `verification` unless still APPROVED, by `recipient`
     * when they have applied again since (the newer application is the one to decide).
     */
    async revoke(v: VerificationRecord, at: string, reason: string, purgeAt: number, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(TableName, {
          verification: moved(v, 'APPROVED', 'REVOKED', 'revokedAt = :at, purgeAt = :purge, reason = :why', { ':at': at, ':purge': purgeAt, ':why': reason }),
          recipient: {
            Update: {
              TableName,
              Key: keys.recipient(v.recipientId),
              UpdateExpression: 'SET verification = :v REMOVE verifiedUntil',
              ConditionExpression: 'verification.id = :vid',
              ExpressionAttributeValues: { ':v': { id: v.id, status: 'REVOKED', reason }, ':vid': v.id },
            },
          },
        }, intents),
        config.contention,
      );
    },
  };
}
