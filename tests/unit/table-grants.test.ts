/** How the local server reads infra/access.ts's grants: as IAM does (functions/local/table-grants.ts). */
import { describe, expect, it } from 'vitest';
import { tableAccess, tableStatements } from '../../infra/access.js';
import { authorisationsOf, isAllowed } from '../../functions/local/table-grants.js';
import { functionGroups } from '../../functions/routes/table.js';
import { keys } from '../../functions/store/keys.js';
import { tableDefinition } from '../../functions/store/table.js';

const indexNames = tableDefinition.indexes.map((i) => i.name);
const statementsOf = (g: keyof typeof tableAccess) => tableStatements(tableAccess[g], indexNames);
const allowed = (g: keyof typeof tableAccess, command: string, input: Record<string, unknown>) => authorisationsOf(command, input).every((a) => isAllowed(statementsOf(g), a));

describe('the grants of infra/access.ts, read as IAM reads them', () => {
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
    const check = { ConditionCheck: { TableName: 't', Key: keys.account('admin'), ConditionExpression: 'attribute_exists(PK)' } };
    expect(authorisationsOf('TransactWriteItemsCommand', { TransactItems: [good, check] }).map((a) => a.action)).toEqual(['dynamodb:PutItem', 'dynamodb:ConditionCheckItem']);
    // Reading any item is granted to staff, so a condition check on an account passes; writing one does not.
    expect(allowed('staff', 'TransactWriteItemsCommand', { TransactItems: [good, check] })).toBe(true);
    expect(allowed('staff', 'TransactWriteItemsCommand', { TransactItems: [good, { Delete: { TableName: 't', Key: keys.account('admin') } }] })).toBe(false);
  });

  it('refuses Scan to every API group, on the table and on each index', () => {
    for (const g of functionGroups) {
      expect(allowed(g, 'ScanCommand', { TableName: 't' })).toBe(false);
      for (const index of indexNames) expect(allowed(g, 'ScanCommand', { TableName: 't', IndexName: index })).toBe(false);
    }
  });

  it('keeps index queries open where reads are narrowed, and table queries to the granted partitions', () => {
    const query = (pk: string, index?: string) => ({ TableName: 't', IndexName: index, KeyConditionExpression: '#p = :pk', ExpressionAttributeNames: { '#p': index ? 'GSI1PK' : 'PK' }, ExpressionAttributeValues: { ':pk': pk } });
    expect(allowed('public', 'QueryCommand', query('ACCOUNT#admin', 'GSI1'))).toBe(true);
    expect(allowed('public', 'QueryCommand', query('PROVIDER#p1'))).toBe(true);
    expect(allowed('public', 'QueryCommand', query('ACCOUNT#admin'))).toBe(false);
    expect(allowed('public', 'BatchGetItemCommand', { RequestItems: { t: { Keys: [keys.provider('p1'), keys.recipient('r1')] } } })).toBe(false);
  });
});
