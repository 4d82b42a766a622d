import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { tableAccess, tableStatements } from '../../infra/access.js';
import { asCaller, authorisationsOf, enforceGrants, isAllowed, type GrantEnforcement } from '../../functions/local/table-grants.js';
import { functionGroups } from '../../functions/routes/table.js';
import { documentClient, localClientConfig } from '../../functions/store/client.js';
import { ensureTable } from '../../functions/store/create-table.js';
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

describe('the local enforcement on a document client', () => {
  let doc: DynamoDBDocumentClient;
  let grants: GrantEnforcement;
  const TableName = `t_${randomBytes(6).toString('hex')}`;
  const staff = <T>(run: () => Promise<T>) => asCaller({ group: 'staff', route: 'redeem' }, run);

  beforeAll(async () => {
    doc = documentClient(localClientConfig(inject('dynamoEndpoint')));
    grants = enforceGrants(doc);
    await ensureTable(doc as unknown as Parameters<typeof ensureTable>[0], TableName);
  });
  afterAll(() => doc.destroy());

  it('refuses a write outside the group’s grant with AccessDeniedException naming group, route, action and key, and writes nothing', async () => {
    const put = staff(() => doc.send(new PutCommand({ TableName, Item: { ...keys.account('admin'), role: 'admin' } })));
    await expect(put).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringMatching(/staff group \(serving redeem\).*dynamodb:PutItem.*"ACCOUNT#admin"/) });
    expect((await doc.send(new GetCommand({ TableName, Key: keys.account('admin') }))).Item).toBeUndefined();
    expect(grants.refused.at(-1)).toContain('ACCOUNT#admin');
  });

  it('refuses a whole transaction when one item is outside the grant, and applies none of it', async () => {
    const tx = staff(() =>
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: { ...keys.booking('tx1'), status: 'BOOKED' } } },
            { Update: { TableName, Key: keys.staffMember('s1'), UpdateExpression: 'SET sv = :one', ExpressionAttributeValues: { ':one': 1 } } },
          ],
        }),
      ),
    );
    await expect(tx).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('dynamodb:UpdateItem on table for partition key "STAFF#s1"') });
    expect((await doc.send(new GetCommand({ TableName, Key: keys.booking('tx1') }))).Item).toBeUndefined();
  });

  it('refuses Scan inside a route, and lets everything through outside one (seeding, jobs, test hooks)', async () => {
    await expect(staff(() => doc.send(new ScanCommand({ TableName })))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(doc.send(new ScanCommand({ TableName }))).resolves.toMatchObject({ Count: expect.any(Number) });
    await doc.send(new PutCommand({ TableName, Item: { ...keys.account('seeded'), role: 'admin' } }));
  });

  it('passes a granted write and read through to the table', async () => {
    await staff(async () => {
      await doc.send(new UpdateCommand({ TableName, Key: keys.impactDay('2026-11-02', 'p1'), UpdateExpression: 'ADD meals :one', ExpressionAttributeValues: { ':one': 1 } }));
      const out = await doc.send(new QueryCommand({ TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.impactDayPK('2026-11-02') } }));
      expect(out.Items).toEqual([expect.objectContaining({ meals: 1 })]);
    });
  });
});
