import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import { queryAll, type TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { keys } from './keys.js';
import { commit } from './transaction.js';
import type { Account, StaffMember } from './records.js';

export function accountStore(ref: TableRef, config: Config) {
  const { doc, tableName } = ref;
  return {
    async get(username: string): Promise<Account | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.account(username) }));
      if (!out.Item) return null;
      const { PK: _pk, SK: _sk, ...account } = out.Item;
      return account as Account;
    },

    /**
     * A new account; a taken username is refused by `account`, never overwritten. A staff account
     * also gets its staff-member item (by id, listed under its provider), in the same transaction.
     */
    async create(a: Account, intents: Intents = {}) {
      return commit(
        ref,
        withIntents(tableName, {
          account: { Put: { TableName: tableName, Item: { ...keys.account(a.username), ...a }, ConditionExpression: 'attribute_not_exists(PK)' } },
          member:
            a.role === 'staff'
              ? {
                  Put: {
                    TableName: tableName,
                    Item: { ...keys.staffMember(a.id), ...keys.staffIndex(a.providerId, a.username), id: a.id, providerId: a.providerId, username: a.username, name: a.name },
                    ConditionExpression: 'attribute_not_exists(PK)',
                  },
                }
              : undefined,
        }, intents),
        config.contention,
      );
    },

    /** Create or reset an account (the always-present admin, whose password comes from the environment). */
    async upsert(a: Account): Promise<void> {
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.account(a.username), ...a } }));
    },

    /** A provider's staff members, by username. */
    async staffOf(providerId: string): Promise<StaffMember[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.staffOf(providerId) },
      });
      return items.map((i) => ({ id: String(i.id), providerId: String(i.providerId), username: String(i.username), name: String(i.name) }));
    },
  };
}
