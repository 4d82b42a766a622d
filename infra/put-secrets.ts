/**
 * Fills the stack's secret with the server keys, after the first deploy:
 *
 *   npx tsx infra/put-secrets.ts --secret-id <SecretArn output>
 *   WECHAT_APP_SECRET=… npx tsx infra/put-secrets.ts --secret-id <arn>    # also set WeChat's AppSecret
 *   npx tsx infra/put-secrets.ts --secret-id <arn> --rotate-token-secret    # sign everyone out
 *
 * Keys already in the secret are kept: idSecret and personalDataKey must never change (recipient
 * ids and sealed personal data depend on them), so this only ever adds what is missing. Values are
 * generated here, sent straight to Secrets Manager and never printed. Uses the AWS credentials
 * and region of the environment, like the CDK CLI.
 */
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { parseServerSecrets, type SecretJson } from '../functions/lambda/runtime.js';
import { newVoucherKeyPem } from '../functions/security/vouchers.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: { 'secret-id': { type: 'string' }, 'rotate-token-secret': { type: 'boolean', default: false } },
  strict: true,
});
const secretId = values['secret-id'];
if (!secretId) {
  console.error('usage: npx tsx infra/put-secrets.ts --secret-id <the stack output SecretArn> [--rotate-token-secret]');
  process.exit(2);
}

const generate: { [K in Exclude<keyof SecretJson, 'wechatAppSecret'>]: () => string } = {
  tokenSecret: () => randomBytes(32).toString('base64url'),
  idSecret: () => randomBytes(32).toString('base64url'),
  personalDataKey: () => randomBytes(32).toString('base64url'),
  voucherKeyPem: newVoucherKeyPem,
};

const client = new SecretsManagerClient({});
const current = (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
let existing: Record<string, unknown> = {};
try {
  const parsed: unknown = JSON.parse(current ?? '');
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) existing = parsed as Record<string, unknown>;
} catch {
  // The placeholder the stack created: start from nothing.
}

const next: Record<string, unknown> = { ...existing };
const report: string[] = [];
for (const [name, make] of Object.entries(generate)) {
  const rotate = name === 'tokenSecret' && values['rotate-token-secret'];
  if (typeof existing[name] === 'string' && existing[name] !== '' && !rotate) {
    report.push(`${name}: kept`);
  } else {
    next[name] = make();
    report.push(`${name}: ${rotate ? 'rotated' : 'generated'}`);
  }
}
if (process.env.WECHAT_APP_SECRET) {
  next.wechatAppSecret = process.env.WECHAT_APP_SECRET;
  report.push('wechatAppSecret: set from WECHAT_APP_SECRET');
} else {
  report.push(`wechatAppSecret: ${typeof existing.wechatAppSecret === 'string' ? 'kept' : 'not set (WeChat sign-in stays off)'}`);
}

// Refuse to store something the functions would reject (a kept key that is malformed).
parseServerSecrets(JSON.stringify(next));
await client.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: JSON.stringify(next) }));
console.log(`Secret updated (${secretId}):\n  ${report.join('\n  ')}`);
console.log('Functions that have not started yet (or were waiting for the keys) use it on their next request;');
console.log('warm ones keep the keys they loaded until AWS recycles them (see infra/README.md, "Rotating").');
