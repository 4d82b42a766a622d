import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors.js';
import { queryAll, type TableRef } from './client.js';
import { withIntents, type Intents } from './intents.js';
import { keys } from './keys.js';
import { commit, type Contention } from './transaction.js';
import type { Account, AdminAccountRecord, AdminSessionState, StaffMember, StaffSessionState } from './records.js';

/**
 * Staff and admin accounts. An account item by username holds the password hash, the role and the
 * session version (sign-in reads it whole; an admin token's check reads only its role and version);
 * a staff account also has a staff-member item by id, listed under its provider on GSI1, which a
 * staff token's check reads. Disabling a staff member
 * and ending an admin's sessions move the session version on, so older tokens stop passing; both
 * carry their audit entry in the same transaction. An admin's second factor lives on the same item:
 * its sealed TOTP secret, the last time step used and its recovery codes' hashes; sign-in spends
 * a step or a code with a conditional update, so each works once however many requests race.
 */

/** An admin account item as the office reads it (the hash stays for sign-in and password checks only). */
const toAdmin = (i: Record<string, unknown>): AdminAccountRecord => {
  const { PK: _pk, SK: _sk, GSI1PK: _g, GSI1SK: _s, ...a } = i;
  return a as unknown as AdminAccountRecord;
};

/** What a token check makes of an account's state; an account from before roles is an owner. */
const adminState = (i: Record<string, unknown>): AdminSessionState => ({
  sessionVersion: Number(i.sessionVersion ?? 0),
  adminRole: (i.adminRole as AdminSessionState['adminRole'] | undefined) ?? 'owner',
  districts: Array.isArray(i.districts) ? i.districts.map(String) : [],
  disabled: i.disabled === true,
  mustChangePassword: i.mustChangePassword === true,
  totpOn: i.totpOn === true,
});

/** A single-item update whose condition may fail: false when it did (a code already used, say). */
async function conditional(send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

/** Conditions on an admin account change: it is an admin, and (when given) unchanged since `version`. */
const adminCondition = (version: number | undefined) => ({
  ConditionExpression: version === undefined ? '#r = :admin' : '#r = :admin AND (#v = :v OR (attribute_not_exists(#v) AND :v = :one))',
  names: { '#r': 'role', ...(version === undefined ? {} : { '#v': 'version' }) },
  values: { ':admin': 'admin', ...(version === undefined ? {} : { ':v': version }) },
});

const toMember = (i: Record<string, unknown>): StaffMember => ({
  id: String(i.id),
  providerId: String(i.providerId),
  username: String(i.username),
  name: String(i.name),
  disabled: i.disabled === true,
});

export function accountStore(ref: TableRef, contention: Contention) {
  const { doc, tableName } = ref;
  /** One update of an administrator's account item with its intents: every office change goes through it, refused by `account`. */
  const changeAdmin = (username: string, u: { UpdateExpression: string; ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> }, intents: Pick<Intents, 'audit' | 'approval'>) =>
    commit(ref, withIntents(tableName, { account: { Update: { TableName: tableName, Key: keys.account(username), ...u } } }, intents), contention);
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
          account: {
            Put: { TableName: tableName, Item: { ...keys.account(a.username), ...(a.role === 'admin' ? keys.adminIndex(a.username) : {}), ...a }, ConditionExpression: 'attribute_not_exists(PK)' },
          },
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
      await doc.send(new PutCommand({ TableName: tableName, Item: { ...keys.account(a.username), ...(a.role === 'admin' ? keys.adminIndex(a.username) : {}), ...a } }));
    },

    /** Every administrator account, by username. */
    async admins(): Promise<AdminAccountRecord[]> {
      const items = await queryAll(doc, { TableName: tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.admins } });
      return items.map(toAdmin);
    },

    /** An administrator by username, read consistently (an owner acts on what is there now). */
    async admin(username: string): Promise<AdminAccountRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.account(username), ConsistentRead: true }));
      return out.Item?.role === 'admin' ? toAdmin(out.Item) : null;
    },

    /**
     * Change an administrator: the given fields are set and the version moves on; with
     * `endSessions` the session version too. Refused (`account`) when it is not an admin or has
     * changed since `version`.
     */
    async updateAdmin(
      username: string,
      change: Partial<Pick<AdminAccountRecord, 'name' | 'districts' | 'disabled' | 'adminRole' | 'passwordHash' | 'mustChangePassword'>>,
      o: { version?: number | undefined; endSessions?: boolean },
      intents: Pick<Intents, 'audit' | 'approval'> = {},
    ) {
      const cond = adminCondition(o.version);
      const fields = Object.entries(change).filter(([, v]) => v !== undefined);
      const set = fields.map((_, i) => `#f${i} = :f${i}`);
      const add = ['#ver :one', ...(o.endSessions ? ['sessionVersion :one'] : [])];
      return changeAdmin(
        username,
        {
          UpdateExpression: `${set.length ? `SET ${set.join(', ')} ` : ''}ADD ${add.join(', ')}`,
          ConditionExpression: cond.ConditionExpression,
          ExpressionAttributeNames: { ...cond.names, '#ver': 'version', ...Object.fromEntries(fields.map(([k], i) => [`#f${i}`, k])) },
          ExpressionAttributeValues: { ...cond.values, ':one': 1, ...Object.fromEntries(fields.map(([, v], i) => [`:f${i}`, v])) },
        },
        intents,
      );
    },

    /**
     * A pending TOTP secret (sealed), replacing any earlier one; refused (`account`) once two-step
     * sign-in is on. The account's version does not move: nothing the office sees has changed.
     */
    async enrolTotp(username: string, sealed: string, intents: Pick<Intents, 'audit'>) {
      return changeAdmin(
        username,
        {
          UpdateExpression: 'SET totpPending = :p',
          ConditionExpression: '#r = :admin AND (attribute_not_exists(totpOn) OR totpOn = :f)',
          ExpressionAttributeNames: { '#r': 'role' },
          ExpressionAttributeValues: { ':p': sealed, ':admin': 'admin', ':f': false },
        },
        intents,
      );
    },

    /**
     * Two-step sign-in on: the pending secret becomes the account's, with the recovery codes'
     * hashes and the step of the code that confirmed it. Refused (`account`) when the pending
     * secret is no longer the one checked (enrolled again meanwhile) or it is already on.
     */
    async confirmTotp(username: string, c: { pending: string; recoveryHashes: readonly string[]; step: number }, intents: Pick<Intents, 'audit'>) {
      return changeAdmin(
        username,
        {
          UpdateExpression: 'SET totpOn = :t, totpSecret = :p, totpRecovery = :rc, totpLastStep = :s REMOVE totpPending ADD #ver :one',
          ConditionExpression: '#r = :admin AND totpPending = :p AND (attribute_not_exists(totpOn) OR totpOn = :f)',
          ExpressionAttributeNames: { '#r': 'role', '#ver': 'version' },
          ExpressionAttributeValues: {
            ':t': true,
            ':f': false,
            ':p': c.pending,
            ':rc': Object.fromEntries(c.recoveryHashes.map((h) => [h, true])),
            ':s': c.step,
            ':admin': 'admin',
            ':one': 1,
          },
        },
        intents,
      );
    },

    /**
     * Spend a TOTP time step at sign-in: only a step later than the last one used, so a code (or
     * an earlier one) never signs in twice, however many requests race with it. False when refused.
     */
    async useTotpStep(username: string, step: number): Promise<boolean> {
      return conditional(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.account(username),
            UpdateExpression: 'SET totpLastStep = :s',
            ConditionExpression: 'totpOn = :t AND (attribute_not_exists(totpLastStep) OR totpLastStep < :s)',
            ExpressionAttributeValues: { ':s': step, ':t': true },
          }),
        ),
      );
    },

    /** Spend a recovery code by its hash: removed under the condition that it is there, so it signs in once. False when refused. */
    async useRecoveryCode(username: string, hash: string): Promise<boolean> {
      return conditional(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.account(username),
            UpdateExpression: 'REMOVE totpRecovery.#h',
            ConditionExpression: 'totpOn = :t AND attribute_exists(totpRecovery.#h)',
            ExpressionAttributeNames: { '#h': hash },
            ExpressionAttributeValues: { ':t': true },
          }),
        ),
      );
    },

    /**
     * Two-step sign-in off, secret, codes and all (an owner's reset for a lost phone): the version
     * and the session version move on, so the account's sessions end. Refused (`account`) when it
     * is not an admin or two-step sign-in is not on.
     */
    async resetTotp(username: string, intents: Pick<Intents, 'audit'>) {
      return changeAdmin(
        username,
        {
          UpdateExpression: 'REMOVE totpOn, totpSecret, totpPending, totpRecovery, totpLastStep ADD #ver :one, sessionVersion :one',
          ConditionExpression: '#r = :admin AND totpOn = :t',
          ExpressionAttributeNames: { '#r': 'role', '#ver': 'version' },
          ExpressionAttributeValues: { ':admin': 'admin', ':t': true, ':one': 1 },
        },
        intents,
      );
    },

    /** An admin account's token state (what its tokens are checked against); null when there is none. */
    async adminSessionState(username: string): Promise<AdminSessionState | null> {
      const projection = keys.accountSessionAttributes;
      const out = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.account(username),
          ProjectionExpression: projection.map((_, i) => `#a${i}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(projection.map((a, i) => [`#a${i}`, a])),
        }),
      );
      return out.Item?.role === 'admin' ? adminState(out.Item) : null;
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

    /**
     * A disabled staff account signs in again (its old tokens stay ended: the session version moved
     * on when it was disabled). Refused by `member` unless it is disabled.
     */
    async enableStaff(member: StaffMember, intents: Pick<Intents, 'audit'>) {
      const enable = { UpdateExpression: 'SET disabled = :f REMOVE disabledAt', ConditionExpression: 'disabled = :t', ExpressionAttributeValues: { ':f': false, ':t': true } };
      return commit(
        ref,
        withIntents(tableName, {
          member: { Update: { TableName: tableName, Key: keys.staffMember(member.id), ...enable } },
          account: { Update: { TableName: tableName, Key: keys.account(member.username), ...enable } },
        }, intents),
        contention,
      );
    },

    /**
     * A new password set by an administrator: the hash on the account item, and the session
     * version moved on in both items, so every token issued before stops passing.
     */
    async resetStaffPassword(member: StaffMember, passwordHash: string, intents: Pick<Intents, 'audit'>) {
      const exists = { ConditionExpression: 'attribute_exists(PK)' };
      return commit(
        ref,
        withIntents(tableName, {
          member: { Update: { TableName: tableName, Key: keys.staffMember(member.id), UpdateExpression: 'ADD sessionVersion :one', ExpressionAttributeValues: { ':one': 1 }, ...exists } },
          account: {
            Update: { TableName: tableName, Key: keys.account(member.username), UpdateExpression: 'SET passwordHash = :h ADD sessionVersion :one', ExpressionAttributeValues: { ':h': passwordHash, ':one': 1 }, ...exists },
          },
        }, intents),
        contention,
      );
    },
  };
}
