import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/http/adapter.js';
import { createLambdaHandler } from '../../functions/lambda/api.js';
import { secretPurposes, type SecretPurpose } from '../../functions/lambda/env.js';
import { jobHandler } from '../../functions/lambda/job.js';
import { envNames, lambdaEnv, parseSecrets, SecretsNotReadyError, type SecretReader } from '../../functions/lambda/runtime.js';
import { publicRoutes } from '../../functions/routes/public.js';
import { signinRoutes } from '../../functions/routes/signin.js';
import { verificationRoutes } from '../../functions/routes/verification.js';
import { newTokenKeyPair, publicKeyPemOf } from '../../functions/security/tokens.js';
import { newVoucherKeyPem, vouchers } from '../../functions/security/vouchers.js';

// The Lambda entry without AWS: secrets from a map instead of Secrets Manager, and a table stub
// that answers every query with no items (these tests are about wiring, not the store).
const b64 = (n: number) => randomBytes(n).toString('base64url');
const pair = newTokenKeyPair();
const voucherKey = newVoucherKeyPem();
const goodKeys = (): Record<SecretPurpose, string> => ({
  tokenSigning: pair.signingKeyPem,
  tokenVerify: pair.verifyKeyPem,
  recipientIds: b64(32),
  vouchers: voucherKey,
  voucherVerify: publicKeyPemOf(voucherKey),
  personalData: b64(32),
  totp: b64(32),
  wechat: 'wechat-secret',
});
const stored = (key: string) => JSON.stringify({ key });
const arn = (p: SecretPurpose) => `arn:aws:secretsmanager:test:${p}`;
/** The environment the stack gives a function holding these keys. */
const env = (purposes: readonly SecretPurpose[] = [], extra: Record<string, string> = {}) => ({
  TABLE_NAME: 'mcan-test',
  ...Object.fromEntries(purposes.map((p) => [secretPurposes[p].env, arn(p)])),
  ...extra,
});
const reader = (keys: Partial<Record<SecretPurpose, string>>, reads: string[] = []): SecretReader => async (a) => {
  reads.push(a);
  const p = (Object.keys(secretPurposes) as SecretPurpose[]).find((x) => arn(x) === a)!;
  return keys[p] === undefined ? JSON.stringify({ placeholder: 'x' }) : stored(keys[p]);
};
const emptyTable = { send: async () => ({ Items: [] }) } as unknown as DynamoDBDocumentClient;

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

describe('the secrets', () => {
  it('reads each key it was given, and only those', () => {
    const k = goodKeys();
    const parsed = parseSecrets({ tokenVerify: stored(k.tokenVerify), personalData: stored(k.personalData) });
    expect(parsed.tokenVerifyKeyPem).toBe(k.tokenVerify);
    expect(Buffer.from(parsed.personalDataKey!).toString('base64url')).toBe(k.personalData);
    expect(parsed).toMatchObject({ tokenSigningKeyPem: null, idSecret: null, voucherKeyPem: null, wechatAppSecret: null });
  });

  it('gives the counter the voucher public key alone: it checks vouchers and cannot sign one', () => {
    const k = goodKeys();
    const counter = parseSecrets({ tokenVerify: stored(k.tokenVerify), voucherVerify: stored(k.voucherVerify) });
    expect(counter).toMatchObject({ voucherKeyPem: null, voucherVerifyKeyPem: k.voucherVerify });
    const booking = parseSecrets({ tokenVerify: stored(k.tokenVerify), vouchers: stored(k.vouchers) });
    expect(booking.voucherVerifyKeyPem).toBe(k.voucherVerify);
    const issued = vouchers({ signingKeyPem: booking.voucherKeyPem, verifyKeyPem: booking.voucherVerifyKeyPem! }).issue('b1', 'p1', '2026-11-30');
    const checker = vouchers({ signingKeyPem: counter.voucherKeyPem, verifyKeyPem: counter.voucherVerifyKeyPem! });
    expect(checker.verify(issued, 'p1', '2026-11-30')).toBe(true);
    expect(() => checker.issue('b1', 'p1', '2026-11-30')).toThrow(/voucher signing key/);
  });

  it('derives the public half for the signer, and treats an unfilled WeChat secret as WeChat off', () => {
    const k = goodKeys();
    const parsed = parseSecrets({ tokenSigning: stored(k.tokenSigning), wechat: JSON.stringify({ placeholder: 'abc' }) });
    expect(parsed.tokenVerifyKeyPem).toBe(k.tokenVerify);
    expect(parsed.wechatAppSecret).toBeNull();
  });

  it.each([
    ['the placeholder the stack creates', { tokenVerify: JSON.stringify({ placeholder: 'abcdefABCDEF0123456789abcdefABCD' }) }],
    ['not JSON', { recipientIds: 'x'.repeat(44) }],
    ['a short recipient-id key', { recipientIds: stored(b64(16)) }],
    ['a 33-byte personal-data key', { personalData: stored(b64(33)) }],
    ['a 16-byte TOTP key', { totp: stored(b64(16)) }],
    ['a voucher key that is not Ed25519 PEM', { vouchers: stored('not-a-pem-ABCDEFGHIJ') }],
    ['a private key where the public half belongs', { tokenVerify: stored(pair.signingKeyPem) }],
    ['the voucher signing key where its public half belongs', { voucherVerify: stored(voucherKey) }],
  ])('is not ready with %s, and says so without echoing a value', (_, values) => {
    let error: unknown;
    try {
      parseSecrets(values);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SecretsNotReadyError);
    for (const v of Object.values(values)) expect((error as Error).message).not.toContain(v);
  });
});

describe('the handler', () => {
  it('answers 503 NOT_CONFIGURED until its keys are set, then serves without a redeploy', async () => {
    const keys: Partial<Record<SecretPurpose, string>> = {};
    const reads: string[] = [];
    const handle = createLambdaHandler(verificationRoutes, { env: env(['tokenVerify', 'personalData']), doc: emptyTable, log: () => undefined, readSecret: reader(keys, reads) });
    const before = await handle(event('GET', '/v1/admin/verifications'));
    expect(before.statusCode).toBe(503);
    expect(before.headers['retry-after']).toBeDefined();
    expect(JSON.parse(before.body)).toMatchObject({ error: { code: 'NOT_CONFIGURED' } });

    Object.assign(keys, goodKeys());
    const after = await handle(event('GET', '/v1/admin/verifications'));
    expect(after.statusCode).toBe(401); // ready: now it checks the (missing) session
    await handle(event('GET', '/v1/admin/verifications'));
    expect(reads.sort()).toEqual([arn('personalData'), arn('personalData'), arn('tokenVerify'), arn('tokenVerify')]);
  });

  it('reads no secret at all for the public listings', async () => {
    const handle = createLambdaHandler(publicRoutes, { env: env(), doc: emptyTable });
    expect((await handle(event('GET', '/v1/districts'))).statusCode).toBe(200);
    expect(() => createLambdaHandler(publicRoutes, { env: env(['tokenVerify']), doc: emptyTable })).toThrow(/reads no secrets/);
  });

  it("serves only its own group's routes", async () => {
    const handle = createLambdaHandler(publicRoutes, { env: env(), doc: emptyTable });
    expect((await handle(event('GET', '/v1/admin/providers'))).statusCode).toBe(404);
    expect((await handle(event('GET', '/v1/me'))).statusCode).toBe(404);
    expect((await handle(event('POST', '/v1/sessions/device', { deviceKey: b64(32) }))).statusCode).toBe(404);
  });

  it('turns WeChat sign-in off unless both the app id and the AppSecret are set', async () => {
    const k = goodKeys();
    const without = createLambdaHandler(signinRoutes, { env: env(['tokenSigning', 'recipientIds', 'wechat'], { WECHAT_APP_ID: 'wx1' }), doc: emptyTable, readSecret: reader({ ...k, wechat: undefined }) });
    const res = await without(event('POST', '/v1/sessions/wechat', { code: 'abc' }));
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'NOT_CONFIGURED' } });
  });

  it('requires two-step sign-in of owners and clerks where the stack says so (MCAN_REQUIRE_TOTP=1), and only there', () => {
    expect(lambdaEnv(env([], { [envNames.requireTotp]: '1' })).requireTotp).toBe(true);
    expect(lambdaEnv(env()).requireTotp).toBe(false);
  });

  it('refuses to start without its settings', () => {
    expect(() => createLambdaHandler(publicRoutes, { env: {}, doc: emptyTable })).toThrow(/TABLE_NAME/);
  });
});

describe('a job entry', () => {
  it('runs the job with deps built once, with no key, at the clock time', async () => {
    const now = new Date('2026-03-02T04:05:06Z');
    let reads = 0;
    const handler = jobHandler('test-job', async (deps, at) => ({ at: at.toISOString(), hasStore: Boolean(deps.store) }), {
      env: env(),
      doc: emptyTable,
      clock: () => now,
      readSecret: async () => (reads++, stored('x')),
    });
    const log = console.log;
    console.log = () => undefined;
    try {
      expect(await handler({ job: 'test-job', scheduledTime: now.toISOString() })).toEqual({ at: now.toISOString(), hasStore: true });
      await handler({ job: 'test-job' });
    } finally {
      console.log = log;
    }
    expect(reads).toBe(0); // jobs hold no keys
  });
});
