/**
 * The local enforcement of functions/grants.ts's grants on a real document client against DynamoDB
 * Local: a refused command never reaches the table, a granted one does, and outside a route or
 * job (seeding, test hooks) nothing is checked. Every API test runs with it on (startTestApp).
 */
import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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

  it('refuses Scan inside a route, and lets everything through outside one (seeding, test hooks)', async () => {
    await expect(staff(() => doc.send(new ScanCommand({ TableName })))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(doc.send(new ScanCommand({ TableName }))).resolves.toMatchObject({ Count: expect.any(Number) });
    await doc.send(new PutCommand({ TableName, Item: { ...keys.account('seeded'), role: 'admin' } }));
  });

  it('refuses the listings a day’s live bookings: GSI2 is not theirs to query, whatever it holds', async () => {
    await doc.send(new PutCommand({ TableName, Item: { ...keys.booking('live1'), ...keys.liveBookingIndex('2026-11-02', '2026-11-02T13:15', 'live1'), code: '12345678' } }));
    const live = { TableName, IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': keys.liveOn('2026-11-02') } };
    const asPublic = asCaller({ group: 'public', route: 'listProviders' }, () => doc.send(new QueryCommand(live)));
    await expect(asPublic).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('dynamodb:Query on index/GSI2 for partition key "LIVE#2026-11-02"') });
    // Outside a route (the no-show job's own sweep is a scan, granted to the jobs alone) the index answers keys only.
    const out = await doc.send(new QueryCommand(live));
    expect(out.Items).toEqual([{ ...keys.booking('live1'), ...keys.liveBookingIndex('2026-11-02', '2026-11-02T13:15', 'live1') }]);
  });

  it('refuses an account’s password hash to every group but sign-in and the admins; admin tokens are checked on role and session version alone', async () => {
    await doc.send(new PutCommand({ TableName, Item: { ...keys.account('boss'), role: 'admin', passwordHash: 'scrypt$x', sessionVersion: 2 } }));
    const whole = new GetCommand({ TableName, Key: keys.account('boss') });
    for (const group of ['public', 'recipient', 'staff', 'verification'] as const) {
      await expect(asCaller({ group, route: 'r' }, () => doc.send(whole))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    }
    const session = new GetCommand({ TableName, Key: keys.account('boss'), ProjectionExpression: '#r, sessionVersion', ExpressionAttributeNames: { '#r': 'role' } });
    for (const group of ['staff', 'verification'] as const) {
      expect((await asCaller({ group, route: 'listVerifications' }, () => doc.send(session))).Item).toEqual({ role: 'admin', sessionVersion: 2 });
    }
    expect((await asCaller({ group: 'signin', route: 'createAdminSession' }, () => doc.send(whole))).Item?.passwordHash).toBe('scrypt$x');
  });

  it('keeps the audit log append-only: no update, no delete, no Put that could overwrite, for any group or job', async () => {
    const entry = keys.audit('2026-11-02T09:00:00.000Z', 'a1');
    await staff(() => doc.send(new PutCommand({ TableName, Item: { ...entry, action: 'redeem' }, ConditionExpression: 'attribute_not_exists(PK)' })));
    for (const caller of [{ group: 'staff', route: 'redeem' }, { group: 'admin', route: 'approveProvider' }, { group: 'jobs', route: 'expire-bookings' }] as const) {
      const change = new UpdateCommand({ TableName, Key: entry, UpdateExpression: 'SET #a = :a', ExpressionAttributeNames: { '#a': 'action' }, ExpressionAttributeValues: { ':a': 'nothing' } });
      await expect(asCaller(caller, () => doc.send(change))).rejects.toMatchObject({ name: 'AccessDeniedException' });
      await expect(asCaller(caller, () => doc.send(new DeleteCommand({ TableName, Key: entry })))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    }
    const overwrite = staff(() => doc.send(new PutCommand({ TableName, Item: { ...entry, action: 'nothing' } })));
    await expect(overwrite).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('append-only') });
    expect((await doc.send(new GetCommand({ TableName, Key: entry }))).Item?.action).toBe('redeem');
  });

  it('passes a granted write and read through to the table', async () => {
    await staff(async () => {
      await doc.send(new UpdateCommand({ TableName, Key: keys.impactDay('2026-11-02', 'p1'), UpdateExpression: 'ADD meals :one', ExpressionAttributeValues: { ':one': 1 } }));
      const out = await doc.send(new QueryCommand({ TableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.impactDayPK('2026-11-02') } }));
      expect(out.Items).toEqual([expect.objectContaining({ meals: 1 })]);
    });
  });
});
