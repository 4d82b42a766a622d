import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { isConditionFailure, queryAll, type TableRef } from './client.js';
import { keys } from './keys.js';
import type { Account, StaffMember } from './records.js';

export function accountStore({ doc, tableName }: TableRef) {
  return {
    async get(username: string): Promise<Account | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.account(username) }));
      if (!out.Item) return null;
      const { PK: _pk, SK: _sk, ...account } = out.Item;
      return account as Account;
    },

    /**
     * A new account; a taken username is a CONFLICT, never an overwrite. A staff account also gets
     * its staff-member item (by id, listed under its provider), in the same transaction.
     */
    async create(a: Account): Promise<void> {
      const account = { Put: { TableName: tableName, Item: { ...keys.account(a.username), ...a }, ConditionExpression: 'attribute_not_exists(PK)' } };
      const member =
        a.role === 'staff'
          ? {
              Put: {
                TableName: tableName,
                Item: { ...keys.staffMember(a.id), ...keys.staffIndex(a.providerId, a.username), id: a.id, providerId: a.providerId, username: a.username, name: a.name },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            }
          : null;
      try {
        await doc.send(new TransactWriteCommand({ TransactItems: member ? [account, member] : [account] }));
      } catch (e) {
        if (isConditionFailure(e)) throw new DomainError('CONFLICT', `username ${a.username} is taken`);
        throw e;
      }
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
