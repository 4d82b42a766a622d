import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/http/adapter.js';
import { createLambdaHandler } from '../../functions/lambda/api.js';
import { jobHandler } from '../../functions/lambda/job.js';
import { parseServerSecrets, SecretsNotReadyError, type SecretJson } from '../../functions/lambda/runtime.js';
import { newVoucherKeyPem } from '../../functions/security/vouchers.js';

// The Lambda entry without AWS: a fixed secret instead of Secrets Manager, and a table stub that
// answers every query with no items (these tests are about wiring, not the store).
const b64 = (n: number) => randomBytes(n).toString('base64url');
const goodSecret = (): SecretJson => ({ tokenSecret: b64(32), idSecret: b64(32), personalDataKey: b64(32), voucherKeyPem: newVoucherKeyPem() });
const emptyTable = { send: async () => ({ Items: [] }) } as unknown as DynamoDBDocumentClient;
const env = (extra: Record<string, string> = {}) => ({ TABLE_NAME: 'mcan-test', SECRETS_ARN: 'arn:aws:secretsmanager:test', ...extra });

const event = (method: string, path: string, body?: unknown): HttpEvent =>
  ({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1', http: { method, path } },
  }) as unknown as HttpEvent;

describe('the secret', () => {
  it('reads the server keys and the optional WeChat AppSecret', () => {
    const s = goodSecret();
    const parsed = parseServerSecrets(JSON.stringify({ ...s, wechatAppSecret: 'wechat-secret' }));
    expect(Buffer.from(parsed.tokenSecret).toString('base64url')).toBe(s.tokenSecret);
    expect(parsed.personalDataKey).toHaveLength(32);
    expect(parsed.wechatAppSecret).toBe('wechat-secret');
    expect(parseServerSecrets(JSON.stringify(s)).wechatAppSecret).toBeNull();
  });

  it.each([
    ['not JSON (the placeholder the stack creates)', 'x'.repeat(32)],
    ['a short tokenSecret', JSON.stringify({ ...goodSecret(), tokenSecret: b64(16) })],
    ['a missing idSecret', JSON.stringify({ ...goodSecret(), idSecret: undefined })],
    ['a 33-byte personalDataKey', JSON.stringify({ ...goodSecret(), personalDataKey: b64(33) })],
    ['a voucher key that is not Ed25519 PEM', JSON.stringify({ ...goodSecret(), voucherKeyPem: 'not-a-pem-ABCDEFGHIJ' })],
  ])('is not ready with %s, and says so without echoing a value', (_, raw) => {
    let error: unknown;
    try {
      parseServerSecrets(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SecretsNotReadyError);
    const message = (error as Error).message;
    for (const value of Object.values(JSON.parse(raw.startsWith('{') ? raw : '{}') as Record<string, string>)) {
      expect(message).not.toContain(value);
    }
  });
});

describe('the handler', () => {
  it('answers 503 NOT_CONFIGURED until the secret is set, then serves without a redeploy', async () => {
    let secret = 'placeholder';
    let reads = 0;
    const handle = createLambdaHandler({
      env: env({ ROUTE_GROUP: 'public' }),
      doc: emptyTable,
      log: () => undefined,
      loadSecrets: async () => {
        reads += 1;
        return secret;
      },
    });
    const before = await handle(event('GET', '/v1/districts'));
    expect(before.statusCode).toBe(503);
    expect(before.headers['retry-after']).toBeDefined();
    expect(JSON.parse(before.body)).toMatchObject({ error: { code: 'NOT_CONFIGURED' } });

    secret = JSON.stringify(goodSecret());
    const after = await handle(event('GET', '/v1/districts'));
    expect(after.statusCode).toBe(200);
    await handle(event('GET', '/v1/districts'));
    expect(reads).toBe(2); // once per cold start once it has worked
  });

  it("serves only its own group's routes", async () => {
    const handle = createLambdaHandler({ env: env({ ROUTE_GROUP: 'public' }), doc: emptyTable, loadSecrets: async () => JSON.stringify(goodSecret()) });
    expect((await handle(event('GET', '/v1/districts'))).statusCode).toBe(200);
    expect((await handle(event('GET', '/v1/admin/providers'))).statusCode).toBe(404);
    expect((await handle(event('GET', '/v1/me'))).statusCode).toBe(404);
  });

  it('turns WeChat sign-in off unless both the app id and the AppSecret are set', async () => {
    const handle = createLambdaHandler({ env: env({ ROUTE_GROUP: 'public' }), doc: emptyTable, loadSecrets: async () => JSON.stringify(goodSecret()) });
    const res = await handle(event('POST', '/v1/sessions/wechat', { code: 'abc' }));
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'NOT_CONFIGURED' } });
  });

  it('refuses to start without its settings or with an unknown group', () => {
    expect(() => createLambdaHandler({ env: { SECRETS_ARN: 'x' }, doc: emptyTable })).toThrow(/TABLE_NAME/);
    expect(() => createLambdaHandler({ env: env({ ROUTE_GROUP: 'nobody' }), doc: emptyTable })).toThrow(/ROUTE_GROUP/);
  });
});

describe('a job entry', () => {
  it('runs the job with deps built from the secret, at the clock time', async () => {
    const now = new Date('2026-03-02T04:05:06Z');
    let reads = 0;
    const handler = jobHandler('test-job', async (deps, at) => ({ at: at.toISOString(), hasStore: Boolean(deps.store) }), {
      env: env(),
      doc: emptyTable,
      clock: () => now,
      loadSecrets: async () => (reads++, JSON.stringify(goodSecret())),
    });
    const log = console.log;
    console.log = () => undefined;
    try {
      expect(await handler({ job: 'test-job', scheduledTime: now.toISOString() })).toEqual({ at: now.toISOString(), hasStore: true });
      await handler({ job: 'test-job' });
    } finally {
      console.log = log;
    }
    expect(reads).toBe(1);
  });
});
