import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../app/deps.js';
import { config } from '../config.js';
import { buildDeps, type Secrets } from '../deps.js';
import { publicKeyPemOf } from '../security/tokens.js';
import { documentClient } from '../store/client.js';
import { wechatClient } from '../wechat/code2session.js';
import { envNames, secretPurposes, type SecretPurpose } from './env.js';

export { envNames };

/** What every function on AWS (API groups and scheduled jobs) reads from the environment the stack sets. */
export interface LambdaEnv {
  tableName: string;
  /** The ARN of each key this function was given, by purpose. */
  secretArns: Partial<Record<SecretPurpose, string>>;
  /** WeChat sign-in is on when this and the WeChat secret are both set. */
  wechatAppId: string | null;
  wechatApiBase: string;
  /** config.office.requireTotp, which the stack turns on. */
  requireTotp: boolean;
}

export function lambdaEnv(env: NodeJS.ProcessEnv = process.env): LambdaEnv {
  const tableName = env[envNames.tableName];
  if (!tableName) throw new Error(`${envNames.tableName} is not set; the CDK stack sets it on every function`);
  const secretArns: Partial<Record<SecretPurpose, string>> = {};
  for (const [purpose, { env: name }] of Object.entries(secretPurposes) as [SecretPurpose, { env: string }][]) {
    if (env[name]) secretArns[purpose] = env[name];
  }
  return {
    tableName,
    secretArns,
    wechatAppId: env[envNames.wechatAppId] || null,
    wechatApiBase: env[envNames.wechatApiBase] || 'https://api.weixin.qq.com',
    requireTotp: env[envNames.requireTotp] === '1',
  };
}

/** A secret exists but does not hold a usable key yet (they are created empty; see infra/README.md). */
export class SecretsNotReadyError extends Error {
  override name = 'SecretsNotReadyError';
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function bytes(value: string, purpose: SecretPurpose, n: number, exact: boolean): Uint8Array {
  const decoded = BASE64URL.test(value) ? Buffer.from(value, 'base64url') : null;
  if (!decoded || decoded.length < n || (exact && decoded.length !== n)) {
    throw new SecretsNotReadyError(`the ${purpose} secret must be base64url of ${exact ? 'exactly' : 'at least'} ${n} bytes`);
  }
  return decoded;
}

function ed25519(value: string, purpose: SecretPurpose, half: 'private' | 'public'): string {
  try {
    // createPublicKey also accepts a private key (deriving its public half): a private key where
    // only the public half belongs is refused, or the key would spread to functions not meant to sign.
    const key = half === 'private' ? createPrivateKey(value) : value.includes('PRIVATE') ? null : createPublicKey(value);
    if (key?.asymmetricKeyType === 'ed25519') return value;
  } catch {
    // reported below, without the value
  }
  throw new SecretsNotReadyError(`the ${purpose} secret must be an Ed25519 ${half} key in ${half === 'private' ? 'PKCS#8' : 'SPKI'} PEM`);
}

/** A secret's stored text (`{"key": "…"}`) → its key; never logs or echoes a value. */
export function secretKey(raw: string | undefined, purpose: SecretPurpose): string | null {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    json = null;
  }
  const key = json && typeof json === 'object' && !Array.isArray(json) ? (json as { key?: unknown }).key : undefined;
  if (typeof key === 'string' && key.length > 0) return key;
  // WeChat is optional: an unfilled secret means WeChat sign-in is off, not that the server is not ready.
  if (purpose === 'wechat') return null;
  throw new SecretsNotReadyError(`the ${purpose} secret does not hold its key yet: run infra/put-secrets.ts (infra/README.md)`);
}

export interface LoadedSecrets extends Secrets {
  wechatAppSecret: string | null;
}

/** The keys a function was given, checked; those it was not given are null. */
export function parseSecrets(values: Partial<Record<SecretPurpose, string | undefined>>): LoadedSecrets {
  const get = (p: SecretPurpose) => (p in values ? secretKey(values[p], p) : null);
  const tokenSigning = get('tokenSigning');
  const tokenVerify = get('tokenVerify');
  const recipientIds = get('recipientIds');
  const voucherKey = get('vouchers');
  const voucherVerify = get('voucherVerify');
  const personalData = get('personalData');
  const totp = get('totp');
  const signingKeyPem = tokenSigning === null ? null : ed25519(tokenSigning, 'tokenSigning', 'private');
  const voucherKeyPem = voucherKey === null ? null : ed25519(voucherKey, 'vouchers', 'private');
  return {
    tokenSigningKeyPem: signingKeyPem,
    // The signer can always check its own tokens; others hold only the public half.
    tokenVerifyKeyPem: tokenVerify !== null ? ed25519(tokenVerify, 'tokenVerify', 'public') : signingKeyPem && publicKeyPemOf(signingKeyPem),
    idSecret: recipientIds === null ? null : bytes(recipientIds, 'recipientIds', 32, false),
    voucherKeyPem,
    // As for tokens: the signer derives its public half, the counter is given only that.
    voucherVerifyKeyPem: voucherVerify !== null ? ed25519(voucherVerify, 'voucherVerify', 'public') : voucherKeyPem && publicKeyPemOf(voucherKeyPem),
    personalDataKey: personalData === null ? null : bytes(personalData, 'personalData', 32, true),
    totpKey: totp === null ? null : bytes(totp, 'totp', 32, true),
    wechatAppSecret: get('wechat'),
  };
}

/** Reads one secret's text by ARN (Secrets Manager on AWS; a function of a map in tests). */
export type SecretReader = (arn: string) => Promise<string | undefined>;

export interface RuntimeOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * How secrets are read. Group entries that hold keys pass Secrets Manager's reader
   * (secrets-manager.ts); the public entry passes none, so its bundle carries no Secrets Manager code.
   */
  readSecret?: SecretReader;
  /** Tests pass a DynamoDB Local client; on AWS the default config (region, role) applies. */
  doc?: DynamoDBDocumentClient;
}

/**
 * Deps, built on first use and then kept for the life of the execution environment. A failed
 * build (a secret not set yet, Secrets Manager briefly unreachable) is not cached: the next
 * request tries again, so setting a secret needs no redeploy.
 */
export function lambdaDeps(opts: RuntimeOptions = {}): () => Promise<Deps> {
  const env = lambdaEnv(opts.env);
  const purposes = Object.keys(env.secretArns) as SecretPurpose[];
  if (purposes.length > 0 && !opts.readSecret) throw new Error(`this entry reads no secrets, but was given ${purposes.join(', ')}`);
  const doc = opts.doc ?? documentClient();
  let pending: Promise<Deps> | null = null;

  const build = async (): Promise<Deps> => {
    const texts = await Promise.all(purposes.map(async (p) => [p, await opts.readSecret!(env.secretArns[p]!)] as const));
    const secrets = parseSecrets(Object.fromEntries(texts));
    const wechat =
      env.wechatAppId && secrets.wechatAppSecret
        ? wechatClient({ appId: env.wechatAppId, appSecret: secrets.wechatAppSecret, baseUrl: env.wechatApiBase, timeoutMs: 5000 })
        : null;
    // The one setting the stack passes in the environment rather than the bundled config.
    const settings = env.requireTotp ? { ...config, office: { ...config.office, requireTotp: true } } : config;
    return buildDeps({ table: { doc, tableName: env.tableName }, secrets, wechat, config: settings });
  };

  return () => {
    pending ??= build().catch((e: unknown) => {
      pending = null;
      throw e;
    });
    return pending;
  };
}
