import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createPrivateKey } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../app/deps.js';
import { config } from '../config.js';
import { buildDeps, type Secrets } from '../deps.js';
import { documentClient } from '../store/client.js';
import { wechatClient } from '../wechat/code2session.js';
import { envNames } from './env.js';

export { envNames };

/**
 * What every function on AWS (API groups and scheduled jobs) shares: its settings from the
 * environment the stack sets, the server secrets from Secrets Manager, and the deps built from
 * them once per cold start.
 */
export interface LambdaEnv {
  tableName: string;
  /** ARN (or name) of the one Secrets Manager secret (SecretJson). */
  secretId: string;
  /** WeChat sign-in is on when this and the secret's `wechatAppSecret` are both set. */
  wechatAppId: string | null;
  wechatApiBase: string;
}


export function lambdaEnv(env: NodeJS.ProcessEnv = process.env): LambdaEnv {
  const need = (name: string): string => {
    const v = env[name];
    if (!v) throw new Error(`${name} is not set; the CDK stack sets it on every function`);
    return v;
  };
  return {
    tableName: need(envNames.tableName),
    secretId: need(envNames.secretId),
    wechatAppId: env[envNames.wechatAppId] || null,
    wechatApiBase: env[envNames.wechatApiBase] || 'https://api.weixin.qq.com',
  };
}

export interface ServerSecrets extends Secrets {
  wechatAppSecret: string | null;
}

/**
 * The secret's JSON fields: the server keys (see Secrets in functions/deps.ts) and, optionally,
 * WeChat's AppSecret. `npx tsx infra/put-secrets.ts` writes them (infra/README.md).
 */
export interface SecretJson {
  tokenSecret: string;
  idSecret: string;
  personalDataKey: string;
  voucherKeyPem: string;
  wechatAppSecret?: string;
}

/** The secret exists but does not hold usable keys yet (it is created empty; see infra/README.md). */
export class SecretsNotReadyError extends Error {
  override name = 'SecretsNotReadyError';
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A base64url key of at least (or, with `exact`, exactly) `bytes` bytes. */
function key(value: unknown, name: keyof SecretJson, bytes: number, exact = false): Uint8Array {
  const decoded = typeof value === 'string' && BASE64URL.test(value) ? Buffer.from(value, 'base64url') : null;
  if (!decoded || decoded.length < bytes || (exact && decoded.length !== bytes)) {
    throw new SecretsNotReadyError(`the secret's "${name}" must be base64url of ${exact ? 'exactly' : 'at least'} ${bytes} bytes`);
  }
  return decoded;
}

function ed25519Pem(value: unknown, name: keyof SecretJson): string {
  try {
    if (typeof value === 'string' && createPrivateKey(value).asymmetricKeyType === 'ed25519') return value;
  } catch {
    // reported below, without the value
  }
  throw new SecretsNotReadyError(`the secret's "${name}" must be an Ed25519 private key in PKCS#8 PEM`);
}

/** The secret's JSON → keys. Never logs or echoes a value. */
export function parseServerSecrets(raw: string | undefined): ServerSecrets {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    throw new SecretsNotReadyError('the secret does not hold the server keys yet: run infra/put-secrets.ts (infra/README.md)');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new SecretsNotReadyError('the secret must be a JSON object');
  const o = json as Partial<Record<keyof SecretJson, unknown>>;
  const wechat = o.wechatAppSecret;
  return {
    tokenSecret: key(o.tokenSecret, 'tokenSecret', 32),
    idSecret: key(o.idSecret, 'idSecret', 32),
    personalDataKey: key(o.personalDataKey, 'personalDataKey', 32, true),
    voucherKeyPem: ed25519Pem(o.voucherKeyPem, 'voucherKeyPem'),
    wechatAppSecret: typeof wechat === 'string' && wechat.length > 0 ? wechat : null,
  };
}

export type SecretsLoader = () => Promise<string | undefined>;

export function secretsManagerLoader(secretId: string, client: SecretsManagerClient = new SecretsManagerClient({})): SecretsLoader {
  return async () => (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
}

export interface RuntimeOptions {
  env?: NodeJS.ProcessEnv;
  /** Tests pass a fixed secret; on AWS it is read from Secrets Manager. */
  loadSecrets?: SecretsLoader;
  /** Tests pass a DynamoDB Local client; on AWS the default config (region, role) applies. */
  doc?: DynamoDBDocumentClient;
}

/**
 * Deps, built on first use and then kept for the life of the execution environment. A failed
 * build (the secret not set yet, Secrets Manager briefly unreachable) is not cached: the next
 * request tries again, so setting the secret needs no redeploy.
 */
export function lambdaDeps(opts: RuntimeOptions = {}): () => Promise<Deps> {
  const env = lambdaEnv(opts.env);
  const doc = opts.doc ?? documentClient();
  const loadSecrets = opts.loadSecrets ?? secretsManagerLoader(env.secretId);
  let pending: Promise<Deps> | null = null;

  const build = async (): Promise<Deps> => {
    const secrets = parseServerSecrets(await loadSecrets());
    const wechat =
      env.wechatAppId && secrets.wechatAppSecret
        ? wechatClient({ appId: env.wechatAppId, appSecret: secrets.wechatAppSecret, baseUrl: env.wechatApiBase, timeoutMs: 5000 })
        : null;
    return buildDeps({ table: { doc, tableName: env.tableName }, secrets, wechat, config });
  };

  return () => {
    pending ??= build().catch((e: unknown) => {
      pending = null;
      throw e;
    });
    return pending;
  };
}
