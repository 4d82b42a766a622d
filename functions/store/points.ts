import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client.js';
import { keys } from './keys.js';
import type { LedgerEntry } from './records.js';

/** The append-only points ledger of a provider and its running balance (kept in step by transactions). */
export function pointsStore({ doc, tableName }: TableRef) {
  return {
    async balance(providerId: string): Promise<number> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.points(providerId) }));
      return (out.Item?.balance as number | undefined) ?? 0;
    },

    async entries(providerId: string, limit = 100): Promise<LedgerEntry[]> {
      const out = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': keys.providerPK(providerId), ':p': keys.ledgerPrefix },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map((i) => ({ id: i.id, providerId: i.providerId, points: i.points, reason: i.reason, at: i.at, ...(i.bookingId ? { bookingId: i.bookingId } : {}) }));
    },
  };
}
