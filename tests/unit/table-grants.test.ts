/** How the local server reads functions/grants.ts's grants: as IAM does (functions/local/table-grants.ts). */
import { describe, expect, it } from 'vitest';
import { jobAccess, tableAccess, tableStatements, type TableAccess } from '../../functions/grants.js';
import { authorisationsOf, isAllowed, overwritesAppendOnly } from '../../functions/local/table-grants.js';
import { functionGroups, type FunctionGroup } from '../../functions/routes/table.js';
import { keys } from '../../functions/store/keys.js';
import { tableDefinition } from '../../functions/store/table.js';

const indexNames = tableDefinition.indexes.map((i) => i.name);
const accessOf = (g: FunctionGroup | 'jobs'): TableAccess => (g === 'jobs' ? jobAccess : tableAccess[g]);
/** What the local server lets through: IAM's verdict, and no overwrite of an append-only item. */
const allowed = (g: FunctionGroup | 'jobs', command: string, input: Record<string, unknown>) =>
  authorisationsOf(command, input).every((a) => isAllowed(tableStatements(accessOf(g)), a) && !overwritesAppendOnly(a));
const query = (pk: string, index?: string) => ({
  TableName: 't',
  IndexName: index,
  KeyConditionExpression: '#p = :pk',
  ExpressionAttributeNames: { '#p': index ? tableDefinition.indexes.find((i) => i.name === index)!.partitionKey : 'PK' },
  ExpressionAttributeValues: { ':pk': pk },
});
const sessionProjection = { ProjectionExpression: '#a0, #a1', ExpressionAttributeNames: { '#a0': 'role', '#a1': 'sessionVersion' } };
const audit = keys.audit('2026-11-02T09:00:00.000Z', 'a1');
const everyone = [...functionGroups, 'jobs'] as const;

describe('the grants of functions/grants.ts, read as IAM reads them', () => {
  it('matches partition keys as StringLike: PREFIX#* takes the prefix only, an exact key only itself', () => {
    expect(allowed('staff', 'PutItemCommand', { Item: keys.booking('b1') })).toBe(true);
    expect(allowed('staff', 'PutItemCommand', { Item: keys.account('admin') })).toBe(false);
    expect(allowed('staff', 'UpdateItemCommand', { Key: keys.impactDay('2026-11-02', 'p1') })).toBe(true);
    // The day counters, not the roll-ups beside them.
    expect(allowed('staff', 'UpdateItemCommand', { Key: keys.rollUpState() })).toBe(false);
    expect(allowed('public', 'GetItemCommand', { Key: keys.likes('p1') })).toBe(true);
    expect(allowed('public', 'GetItemCommand', { Key: { PK: 'LIKESX', SK: 'x' } })).toBe(false);
  });

  it('authorises a transaction item by item, as the single-item action each performs', () => {
    const good = { Put: { TableName: 't', Item: keys.booking('b1') } };
    const check = (Key: Record<string, string>) => ({ ConditionCheck: { TableName: 't', Key, ConditionExpression: 'attribute_exists(PK)' } });
    expect(authorisationsOf('TransactWriteItemsCommand', { TransactItems: [good, check(keys.recipient('r1'))] }).map((a) => a.action)).toEqual(['dynamodb:PutItem', 'dynamodb:ConditionCheckItem']);
    // A condition check is a read: granted where reading is, refused elsewhere.
    expect(allowed('staff', 'TransactWriteItemsCommand', { TransactItems: [good, check(keys.recipient('r1'))] })).toBe(true);
    expect(allowed('staff', 'TransactWriteItemsCommand', { TransactItems: [good, check(keys.account('admin'))] })).toBe(false);
    expect(allowed('staff', 'TransactWriteItemsCommand', { TransactItems: [good, { Delete: { TableName: 't', Key: keys.account('admin') } }] })).toBe(false);
  });

  it('refuses Scan to every API group, on the table and on each index; the jobs scan the sparse GSI2 alone', () => {
    for (const g of functionGroups) {
      expect(allowed(g, 'ScanCommand', { TableName: 't' })).toBe(false);
      for (const index of indexNames) expect(allowed(g, 'ScanCommand', { TableName: 't', IndexName: index })).toBe(false);
    }
    expect(allowed('jobs', 'ScanCommand', { TableName: 't', IndexName: 'GSI2' })).toBe(true);
    expect(allowed('jobs', 'ScanCommand', { TableName: 't', IndexName: 'GSI1' })).toBe(false);
    expect(allowed('jobs', 'ScanCommand', { TableName: 't' })).toBe(false);
  });

  it('narrows index queries by the index’s own partition key: the listings get sub-districts, never the live bookings of a day', () => {
    expect(allowed('public', 'QueryCommand', query(keys.providersInDistrict('futian-xiangmihu'), 'GSI1'))).toBe(true);
    expect(allowed('public', 'QueryCommand', query(keys.liveOn('2026-11-02'), 'GSI2'))).toBe(false);
    expect(allowed('public', 'QueryCommand', query(keys.bookingsOf('r1'), 'GSI1'))).toBe(false);
    expect(allowed('public', 'QueryCommand', query(keys.verificationsIn('PENDING'), 'GSI1'))).toBe(false);
    // Nobody queries a day's live bookings: the no-show job scans the index's keys instead.
    for (const g of everyone) expect(allowed(g, 'QueryCommand', query(keys.liveOn('2026-11-02'), 'GSI2'))).toBe(false);
    expect(allowed('recipient', 'QueryCommand', query(keys.bookingsOf('r1'), 'GSI1'))).toBe(true);
    expect(allowed('admin', 'QueryCommand', query(keys.allProviders, 'GSI2'))).toBe(true);
    expect(allowed('public', 'QueryCommand', query(keys.providerPK('p1')))).toBe(true);
    expect(allowed('public', 'QueryCommand', query('ACCOUNT#admin'))).toBe(false);
    expect(allowed('public', 'BatchGetItemCommand', { RequestItems: { t: { Keys: [keys.provider('p1'), keys.recipient('r1')] } } })).toBe(false);
  });

  it('reads of an account (its password hash) are sign-in’s and the admins’ alone; admin tokens are checked on its session version only', () => {
    const account = { TableName: 't', Key: keys.account('admin') };
    expect(allowed('signin', 'GetItemCommand', account)).toBe(true);
    expect(allowed('admin', 'GetItemCommand', account)).toBe(true);
    for (const g of ['public', 'recipient', 'staff', 'verification', 'jobs'] as const) {
      expect(allowed(g, 'GetItemCommand', account)).toBe(false);
      expect(allowed(g, 'GetItemCommand', { ...account, ProjectionExpression: 'passwordHash' })).toBe(false);
      expect(allowed(g, 'GetItemCommand', { ...account, ...sessionProjection, ProjectionExpression: '#a0, #a1, passwordHash' })).toBe(false);
      expect(allowed(g, 'BatchGetItemCommand', { RequestItems: { t: { Keys: [keys.account('admin')], ...sessionProjection } } })).toBe(false);
    }
    // The functions that serve admins check their tokens: role and session version, nothing else.
    for (const g of ['staff', 'verification'] as const) expect(allowed(g, 'GetItemCommand', { ...account, ...sessionProjection })).toBe(true);
    expect(allowed('recipient', 'GetItemCommand', { ...account, ...sessionProjection })).toBe(false);
  });

  it('keeps the audit log append-only: a fresh Put, never an overwrite, update or delete, for any group or job', () => {
    const put = (ConditionExpression?: string) => ({ TableName: 't', Item: { ...audit, action: 'x' }, ...(ConditionExpression ? { ConditionExpression } : {}) });
    for (const g of ['staff', 'admin', 'verification'] as const) {
      expect(allowed(g, 'PutItemCommand', put('attribute_not_exists(PK)'))).toBe(true);
      expect(allowed(g, 'TransactWriteItemsCommand', { TransactItems: [{ Put: { ...put('attribute_not_exists(#k)'), ExpressionAttributeNames: { '#k': 'PK' } } }] })).toBe(true);
      // IAM would let these through; the local server refuses them, as every audit write must create.
      expect(allowed(g, 'PutItemCommand', put())).toBe(false);
      expect(allowed(g, 'PutItemCommand', put('attribute_exists(PK)'))).toBe(false);
      expect(allowed(g, 'TransactWriteItemsCommand', { TransactItems: [{ Put: put('attribute_not_exists(SK)') }] })).toBe(false);
    }
    for (const g of everyone) {
      expect(allowed(g, 'UpdateItemCommand', { TableName: 't', Key: audit })).toBe(false);
      expect(allowed(g, 'DeleteItemCommand', { TableName: 't', Key: audit })).toBe(false);
      expect(allowed(g, 'BatchWriteItemCommand', { RequestItems: { t: [{ DeleteRequest: { Key: audit } }] } })).toBe(false);
      expect(allowed(g, 'TransactWriteItemsCommand', { TransactItems: [{ Update: { TableName: 't', Key: audit, UpdateExpression: 'SET x = :x' } }] })).toBe(false);
    }
    for (const g of ['public', 'signin', 'recipient', 'jobs'] as const) expect(allowed(g, 'PutItemCommand', put('attribute_not_exists(PK)'))).toBe(false);
  });

  it('narrows every read by leading key: no statement but the jobs’ index scan goes without one', () => {
    const unconditioned = everyone.flatMap((g) => tableStatements(accessOf(g)).filter((s) => s.leadingKeys === null).map((s) => [g, ...s.actions, ...s.resources]));
    expect(unconditioned).toEqual([['jobs', 'dynamodb:Scan', 'index/GSI2']]);
  });
});
