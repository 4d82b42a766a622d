import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { queryAll, type TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { keys } from './keys.js';
import { commit, type Contention } from './transaction.js';
import type { Account, StaffMember, StaffSessionState } from './records.js';

/**
 * Staff and admin accounts. An account item by username holds the password hash, the role and the
 * session version (sign-in reads it whole; an admin token's check reads only its role and version);
 * a staff account also has a staff-member item by id, listed under its provider on GSI1, which a
 * staff token's check reads. Disabling a staff member
 * and ending an admin's sessions move the session version on, so older tokens stop passing; both
 * carry their audit entry in the same transaction.
 */

const toMember = (i: Record<string, unknown>): StaffMember => ({
  id: String(i.id),
  providerId: String(i.providerId),
  username: String(i.username),
  name: String(i.name),
  disabled: i.disabled === true,
});

export function accountStore(ref: TableRef, contention: Contention) {
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
        contention,
      );
    },

    /** Create or reset an account (the always-present admin, whose password comes from the environment). */
    async upsert(a: Account): Promise<void> {
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.account(a.username), ...a } }));
    },

    /** An admin account's session version (what its tokens are checked against); null when there is none. */
    async adminSessionState(username: string): Promise<StaffSessionState | null> {
      const projection = keys.accountSessionAttributes;
      const out = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.account(username),
          ProjectionExpression: projection.map((_, i) => `#a${i}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(projection.map((a, i) => [`#a${i}`, a])),
        }),
      );
      return out.Item?.role === 'admin' ? { disabled: false, sessionVersion: Number(out.Item.sessionVersion ?? 0) } : null;
    },

    /** Every session of an admin account ends: its version moves on (with the audit entry). */
    async endAdminSessions(username: string, intents: Pick<Intents, 'audit'>): Promise<void> {
      const out = await commit(
        ref,
        withIntents(tableName, {
          account: {
            Update: {
              TableName: tableName,
              Key: keys.account(username),
              UpdateExpression: 'ADD sessionVersion :one',
              ConditionExpression: '#r = :admin',
              ExpressionAttributeNames: { '#r': 'role' },
              ExpressionAttributeValues: { ':one': 1, ':admin': 'admin' },
            },
          },
        }, intents),
        contention,
      );
      if (!out.ok) throw new DomainError('NOT_FOUND', 'no such admin account');
    },

    /** A provider's staff members, by username. */
    async staffOf(providerId: string): Promise<StaffMember[]> {
      const items = await queryAll(doc, {
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.staffOf(providerId) },
      });
      return items.map(toMember);
    },

    /** A staff member's token state: disabled or not, and the session version its tokens must carry. */
    async sessionState(staffId: string): Promise<StaffSessionState | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.staffMember(staffId), ProjectionExpression: 'disabled, sessionVersion' }));
      return out.Item ? { disabled: out.Item.disabled === true, sessionVersion: Number(out.Item.sessionVersion ?? 0) } : null;
    },

    /** A staff member by id, read consistently (an admin acts on what is there now); null when there is none. */
    async staffMember(staffId: string): Promise<StaffMember | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.staffMember(staffId), ConsistentRead: true }));
      return out.Item ? toMember(out.Item) : null;
    },

    /**
     * Disable a staff account: sign-in is refused and the session version moves on, so every
     * token issued before no longer passes — both items and the audit entry in one transaction.
     */
    async disableStaff(member: StaffMember, at: string, intents: Pick<Intents, 'audit'>): Promise<void> {
      const disable = { UpdateExpression: 'SET disabled = :t, disabledAt = :at ADD sessionVersion :one', ExpressionAttributeValues: { ':t': true, ':at': at, ':one': 1 }, ConditionExpression: 'attribute_exists(PK)' };
      const out = await commit(
        ref,
        withIntents(tableName, {
          member: { Update: { TableName: tableName, Key: keys.staffMember(member.id), ...disable } },
          account: { Update: { TableName: tableName, Key: keys.account(member.username), ...disable } },
        }, intents),
        contention,
      );
      if (!out.ok) throw new DomainError('CONFLICT', 'the staff account changed meanwhile; reload and retry');
    },
  };
}
