/**
 * Fills the stack's secrets (one per key purpose) after the first deploy:
 *
 *   npx tsx infra/put-secrets.ts --stack Mcan
 *   WECHAT_APP_SECRET=… npx tsx infra/put-secrets.ts --stack Mcan     # also set WeChat's AppSecret
 *   npx tsx infra/put-secrets.ts --stack Mcan --rotate-token-key        # sign everyone out
 *
 * Keys already set are kept: the recipient-id, personal-data and TOTP keys must never change
 * (recipient ids, sealed personal data and administrators' second factors depend on them), so this only ever fills what is
 * missing. The token key pair is written as two secrets — the private half for the sign-in
 * function, the public half for every function that checks a session — and so is the voucher key:
 * the private half for booking, the public half for the counter. Values are generated here,
 * sent straight to Secrets Manager and never printed. Uses the AWS credentials and region of the
 * environment, like the CDK CLI.
 */
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { secretPurposes, type SecretPurpose } from '../functions/lambda/env.js';
import { parseSecrets, secretKey, SecretsNotReadyError } from '../functions/lambda/runtime.js';
import { newTokenKeyPair, publicKeyPemOf } from '../functions/security/tokens.js';
import { newVoucherKeyPem } from '../functions/security/vouchers.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: { stack: { type: 'string' }, 'rotate-token-key': { type: 'boolean', default: false } },
  strict: true,
});
const stack = values.stack;
if (!stack) {
  console.error('usage: npx tsx infra/put-secrets.ts --stack <stack name, e.g. Mcan> [--rotate-token-key]');
  process.exit(2);
}
const nameOf = (p: SecretPurpose) => `${stack}/${p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

const client = new SecretsManagerClient({});
const current = async (p: SecretPurpose): Promise<string | null> => {
  try {
    return secretKey((await client.send(new GetSecretValueCommand({ SecretId: nameOf(p) }))).SecretString, p);
  } catch (e) {
    if (e instanceof SecretsNotReadyError) return null; // the placeholder the stack created
    throw e;
  }
};

const next: Partial<Record<SecretPurpose, string>> = {};
const report: string[] = [];
const keep = (p: SecretPurpose, value: string) => ((next[p] = value), report.push(`${p}: kept`));
const made = (p: SecretPurpose, value: string, how = 'generated') => ((next[p] = value), report.push(`${p}: ${how}`));

const signing = await current('tokenSigning');
if (signing && !values['rotate-token-key']) {
  keep('tokenSigning', signing);
  made('tokenVerify', publicKeyPemOf(signing), 'derived from the signing key');
} else {
  const pair = newTokenKeyPair();
  made('tokenSigning', pair.signingKeyPem, signing ? 'rotated' : 'generated');
  made('tokenVerify', pair.verifyKeyPem, 'derived from the signing key');
}
const generated: Partial<Record<SecretPurpose, () => string>> = {
  recipientIds: () => randomBytes(32).toString('base64url'),
  vouchers: newVoucherKeyPem,
  personalData: () => randomBytes(32).toString('base64url'),
  totp: () => randomBytes(32).toString('base64url'),
};
for (const [p, make] of Object.entries(generated) as [SecretPurpose, () => string][]) {
  const have = await current(p);
  if (have) keep(p, have);
  else made(p, make());
}
made('voucherVerify', publicKeyPemOf(next.vouchers!), 'derived from the voucher key');
if (process.env.WECHAT_APP_SECRET) made('wechat', process.env.WECHAT_APP_SECRET, 'set from WECHAT_APP_SECRET');
else report.push(`wechat: ${(await current('wechat')) ? 'kept' : 'not set (WeChat sign-in stays off)'}`);

// Refuse to store something the functions would reject (a kept key that is malformed).
parseSecrets(Object.fromEntries(Object.entries(next).map(([p, v]) => [p, JSON.stringify({ key: v })])));
for (const [p, v] of Object.entries(next) as [SecretPurpose, string][]) {
  if (report.includes(`${p}: kept`)) continue;
  await client.send(new PutSecretValueCommand({ SecretId: nameOf(p), SecretString: JSON.stringify({ key: v }) }));
}
console.log(`Secrets of stack ${stack} (${Object.keys(secretPurposes).length}):\n  ${report.join('\n  ')}`);
console.log('Functions that have not started yet (or were waiting for the keys) use them on their next request;');
console.log('warm ones keep the keys they loaded until AWS recycles them (see infra/README.md, "Rotating").');
