/**
 * The local enforcement of infra/access.ts's grants on a real document client against DynamoDB
 * Local: a refused command never reaches the table, a granted one does, and outside a route
 * (seeding, jobs, test hooks) nothing is checked. Every API test runs with it on (startTestApp).
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asCaller, enforceGrants, type GrantEnforcement } from '../../functions/local/table-grants.js';
import { documentClient, localClientConfig } from '../../functions/store/client.js';
import { ensureTable } from '../../functions/store/create-table.js';
import { keys } from '../../functions/store/keys.js';

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
