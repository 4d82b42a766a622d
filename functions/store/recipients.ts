import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.js';
import { keys } from './keys.js';
import type { Recipient } from './records.js';
import { servedStateOf } from './impact.js';
import type { ServedState } from '../domain/impact.js';

export function toRecipient(item: Record<string, unknown>): Recipient {
  return {
    id: item.id as string,
    createdAt: item.createdAt as string,
    liveBooking: (item.liveBooking as string | undefined) ?? null,
    claims: (item.claims as number | undefined) ?? 0,
    daily: (item.daily as Record<string, number> | undefined) ?? {},
    monthly: (item.monthly as Record<string, number> | undefined) ?? {},
    verifiedUntil: (item.verifiedUntil as string | undefined) ?? null,
    suspendedUntil: (item.suspendedUntil as string | undefined) ?? null,
    noShows: (item.noShows as string[] | undefined) ?? [],
    verification: (item.verification as Recipient['verification'] | undefined) ?? null,
  };
}

export function recipientStore({ doc, tableName }: TableRef) {
  return {
    /** The recipient, created on first sight with zeroed counters — one round trip either way. */
    async ensure(id: string, now: Date): Promise<Recipient> {
      const out = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.recipient(id),
          UpdateExpression:
            'SET id = :id, createdAt = if_not_exists(createdAt, :now), claims = if_not_exists(claims, :zero), ' +
            'daily = if_not_exists(daily, :empty), monthly = if_not_exists(monthly, :empty), noShows = if_not_exists(noShows, :none)',
          ExpressionAttributeValues: { ':id': id, ':now': now.toISOString(), ':zero': 0, ':empty': {}, ':none': [] },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toRecipient(out.Attributes!);
    },

    /**
     * When and where they were last served (what a redemption needs to count them once, and to
     * tell a repeat at the same provider): three fields, not the record.
     */
    async servedState(id: string): Promise<ServedState> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.recipient(id), ProjectionExpression: 'servedDay, servedMonth, servedProvider' }));
      return servedStateOf(out.Item ?? null);
    },

    async get(id: string): Promise<Recipient | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.recipient(id) }));
      return out.Item ? toRecipient(out.Item) : null;
    },
  };
}
