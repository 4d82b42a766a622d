import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { deviceKey, startTestApp, type TestApp } from '../support/app.js';

// Issue 8, observation 1: identities cost nothing to mint. With device claims off, as on AWS, a
// recipient is a phone number confirmed by a one-time SMS code.

const OFFERING = 'demo-futian-lunch';
const phone = (n: number) => `139${String(n).padStart(8, '0')}`;

describe('with device claims off (as on AWS)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ deviceKeys: false });
    await app.setClock('2026-11-30T10:00:00+08:00');
  });
  afterAll(() => app.stop());

  async function phoneSession(p: string) {
    expect((await app.api.createPhoneChallenge.reply({ body: { phone: p } })).status).toBe(202);
    return app.api.createPhoneSession.reply({ body: { phone: p, code: app.smsCode(p.slice(-11))! } });
  }

  it('says which sign-in ways it offers', async () => {
    const r = await app.api.sessionMethods.reply();
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ device: false, phone: true, wechat: false });
  });

  it('the farm script books nothing: every new device key is refused before any booking', async () => {
    const farm = await Promise.all(Array.from({ length: 50 }, () => app.api.createDeviceSession.reply({ body: { deviceKey: deviceKey() } })));
    expect(farm.map((r) => r.status)).toEqual(Array(50).fill(403));
    expect(farm[0]!.error).toMatchObject({ code: 'FORBIDDEN', details: { methods: { device: false, phone: true } } });
    const lunch = (await app.api.getProvider({ params: { id: 'demo-futian' } })).provider.offerings[0]!;
    expect(lunch.remaining).toBe(lunch.capacity);
  });

  it('a confirmed phone is one recipient: the same number always signs in as the same person', async () => {
    const first = await phoneSession('13900000001');
    expect(first.status).toBe(200);
    const booked = await app.api.createBooking.reply({ token: first.body?.token, body: { offeringId: OFFERING, windowId: 'lunch' } });
    expect(booked.status).toBe(201);
    // +86 and the bare number are one phone; a second session is the same recipient and gets no second meal.
    const again = await phoneSession('+8613900000001');
    expect(again.body?.user.id).toBe(first.body?.user.id);
    const second = await app.api.createBooking.reply({ token: again.body?.token, body: { offeringId: OFFERING, windowId: 'lunch' } });
    expect(second.error?.code).toBe('ACTIVE_BOOKING_EXISTS');
  });

  it('keeps no phone number and no code in the table, only keyed hashes', async () => {
    const p = '13912345678';
    await phoneSession(p);
    await app.api.createPhoneChallenge.reply({ body: { phone: p } });
    const code = app.smsCode(p)!;
    const db = new DynamoDBClient({ endpoint: inject('dynamoEndpoint'), region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const dump = JSON.stringify((await db.send(new ScanCommand({ TableName: app.tableName }))).Items);
    db.destroy();
    expect(dump).not.toContain(p);
    expect(dump).not.toContain(`"${code}"`);
    expect(dump).toContain('PHONE#');
  });

  it('a wrong code, an expired code, or a code used twice opens nothing', async () => {
    const p = phone(2);
    await app.api.createPhoneChallenge.reply({ body: { phone: p } });
    const code = app.smsCode(p)!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const r = await app.api.createPhoneSession.reply({ body: { phone: p, code: wrong } });
    expect(r.status).toBe(401);
    expect(r.error?.code).toBe('UNAUTHENTICATED');
    expect((await app.api.createPhoneSession.reply({ body: { phone: p, code } })).status).toBe(200);
    expect((await app.api.createPhoneSession.reply({ body: { phone: p, code } })).status).toBe(401);

    await app.api.createPhoneChallenge.reply({ body: { phone: p } });
    await app.setClock('2026-11-30T10:05:01+08:00');
    expect((await app.api.createPhoneSession.reply({ body: { phone: p, code: app.smsCode(p)! } })).status).toBe(401);
    await app.setClock('2026-11-30T10:00:00+08:00');
  });

  it('300 parallel guesses at one code: at most 5 are compared, and then even the right code is refused', async () => {
    const p = phone(3);
    await app.api.createPhoneChallenge.reply({ body: { phone: p } });
    const code = app.smsCode(p)!;
    const guesses = Array.from({ length: 300 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(guesses.map((g) => app.api.createPhoneSession.reply({ body: { phone: p, code: g } })));
    const compared = answers.filter((a) => a.status === 401).length;
    expect(compared).toBe(5);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(295);
    expect(limited[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await app.api.createPhoneSession.reply({ body: { phone: p, code } })).status).toBe(429);
  });

  it('codes per phone are limited: the sixth in an hour is 429 with Retry-After', async () => {
    const p = phone(4);
    const sent = [];
    for (let i = 0; i < 6; i++) sent.push(await app.api.createPhoneChallenge.reply({ body: { phone: p } }));
    expect(sent.map((r) => r.status)).toEqual([202, 202, 202, 202, 202, 429]);
    expect(sent[0]!.body).toEqual({ sent: true, expiresInSeconds: 300 });
    expect(Number(sent[5]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sent[5]!.error?.code).toBe('RATE_LIMITED');
  });

  it('rejects numbers that are not mainland mobiles, naming the field', async () => {
    for (const bad of ['12345', '23900000000', '+1 415 555 0100', 13900000000]) {
      // Raw: the list holds a number, which the typed client would not send as a phone.
      const r = await app.call<{ error: { details: unknown } }>('POST', '/v1/sessions/phone/challenge', { body: { phone: bad } });
      expect(r.status).toBe(422);
      expect(r.body.error.details).toEqual([expect.objectContaining({ in: 'body', field: 'phone' })]);
    }
  });
});

describe('without an SMS provider (AWS until one is configured)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ deviceKeys: false, sms: null, seed: false });
  });
  afterAll(() => app.stop());

  it('answers 503 NOT_CONFIGURED on both phone routes and says so in the methods', async () => {
    const c = await app.api.createPhoneChallenge.reply({ body: { phone: phone(5) } });
    expect(c.status).toBe(503);
    expect(c.error?.code).toBe('NOT_CONFIGURED');
    expect((await app.api.createPhoneSession.reply({ body: { phone: phone(5), code: '123456' } })).error?.code).toBe('NOT_CONFIGURED');
    expect(await app.api.sessionMethods()).toEqual({ device: false, phone: false, wechat: false });
  });
});

describe('with device claims on (local mode), per calling address', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: false, perClientLimits: true });
  });
  afterAll(() => app.stop());

  it('100 device sessions from one client at once: 10 accepted, the rest 429 with Retry-After', async () => {
    const all = await Promise.all(Array.from({ length: 100 }, () => app.api.createDeviceSession.reply({ body: { deviceKey: deviceKey() } })));
    expect(all.filter((r) => r.status === 200)).toHaveLength(10);
    const refused = all.filter((r) => r.status === 429);
    expect(refused).toHaveLength(90);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
