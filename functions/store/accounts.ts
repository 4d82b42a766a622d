import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { isConditionFailure, type TableRef } from './client.js';
import { keys } from './keys.js';
import type { Account } from './records.js';

export function accountStore({ doc, tableName }: TableRef) {
  return {
    async get(username: string): Promise<Account | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.account(username) }));
      if (!out.Item) return null;
      const { PK: _pk, SK: _sk, ...account } = out.Item;
      return account as Account;
    },

    /** A new account; a taken username is a CONFLICT, never an overwrite. */
    async create(a: Account): Promise<void> {
      try {
        await doc.send(
          new PutCommand({ TableName: tableName, Item: { ...keys.account(a.username), ...a }, ConditionExpression: 'attribute_not_exists(PK)' }),
        );
      } catch (e) {
        if (isConditionFailure(e)) throw new DomainError('CONFLICT', `username ${a.username} is taken`);
        throw e;
      }
    },

    /** Create or reset an account (the always-present admin, whose password comes from the environment). */
    async upsert(a: Account): Promise<void> {
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.account(a.username), ...a } }));
    },
  };
}
