import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { isConditionFailure, type TableRef } from './client.js';
import { keys } from './keys.js';

export type CodeAttempt = { ok: true; digest: string } | { ok: false; reason: 'none' | 'exhausted' };

/**
 * One live SMS challenge per phone (keyed by the phone's HMAC): the code's keyed digest, its
 * expiry and the attempts made on it. A new challenge replaces the old one.
 */
export function phoneChallengeStore({ doc, tableName: TableName }: TableRef) {
  return {
    async issue(phoneKey: string, digest: string, expiresAt: number): Promise<void> {
      await doc.send(new PutCommand({ TableName, Item: { ...keys.phoneChallenge(phoneKey), digest, expiresAt, attempts: 0 } }));
    },

    /**
     * Reserves one attempt before the code is compared: `attempts < max` is the condition, so
     * however many guesses arrive at once, at most `max` are ever compared.
     */
    async attempt(phoneKey: string, nowEpoch: number, max: number): Promise<CodeAttempt> {
      try {
        const out = await doc.send(
          new UpdateCommand({
            TableName,
            Key: keys.phoneChallenge(phoneKey),
            UpdateExpression: 'ADD attempts :one',
            ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now AND attempts < :max',
            ExpressionAttributeValues: { ':one': 1, ':now': nowEpoch, ':max': max },
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { ok: true, digest: out.Attributes!.digest as string };
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        const raw = (e as { Item?: Record<string, AttributeValue> }).Item;
        const old = raw ? unmarshall(raw) : null;
        // Never issued or expired is 'none'; a live challenge whose attempts are spent is 'exhausted'.
        return { ok: false, reason: old && (old.expiresAt as number) > nowEpoch ? 'exhausted' : 'none' };
      }
    },

    /** A right code is used once: the challenge is deleted only if it still holds that digest. */
    async consume(phoneKey: string, digest: string): Promise<boolean> {
      try {
        await doc.send(new DeleteCommand({ TableName, Key: keys.phoneChallenge(phoneKey), ConditionExpression: 'digest = :d', ExpressionAttributeValues: { ':d': digest } }));
        return true;
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
    },
  };
}
