import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.js';
import { keys } from './keys.js';
import type { Recipient } from './records.js';

function toRecipient(item: Record<string, unknown>): Recipient {
  return {
    id: item.id as string,
    createdAt: item.createdAt as string,
    verifiedUntil: (item.verifiedUntil as string | undefined) ?? null,
    claims: (item.claims as number | undefined) ?? 0,
    lastClaimDate: (item.lastClaimDate as string | undefined) ?? null,
    claimsOnLastDate: (item.claimsOnLastDate as number | undefined) ?? 0,
    claimMonth: (item.claimMonth as string | undefined) ?? null,
    claimsInMonth: (item.claimsInMonth as number | undefined) ?? 0,
    suspendedUntil: (item.suspendedUntil as string | undefined) ?? null,
  };
}

export function recipientStore({ doc, tableName }: TableRef) {
  return {
    /** The recipient, created on first sight — one round trip either way. */
    async ensure(id: string, now: Date): Promise<Recipient> {
      const out = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.recipient(id),
          UpdateExpression: 'SET id = :id, createdAt = if_not_exists(createdAt, :now)',
          ExpressionAttributeValues: { ':id': id, ':now': now.toISOString() },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toRecipient(out.Attributes!);
    },

    async get(id: string): Promise<Recipient | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.recipient(id) }));
      return out.Item ? toRecipient(out.Item) : null;
    },
  };
}
