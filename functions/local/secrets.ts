import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Secrets } from '../deps.js';
import { newTokenKeyPair, publicKeyPemOf } from '../security/tokens.js';
import { newVoucherKeyPem } from '../security/vouchers.js';

const FILE = 'mcan-secrets.json';

interface Saved {
  tokenSigningKeyPem: string;
  idSecret: string;
  voucherKeyPem: string;
  personalDataKey: string;
  totpKey: string;
}

const fresh = (): Saved => ({
  tokenSigningKeyPem: newTokenKeyPair().signingKeyPem,
  idSecret: randomBytes(32).toString('base64url'),
  voucherKeyPem: newVoucherKeyPem(),
  personalDataKey: randomBytes(32).toString('base64url'),
  totpKey: randomBytes(32).toString('base64url'),
});

/**
 * Local mode makes its own secrets on first start and holds all of them in one process (on AWS
 * each function gets only its own). With --data they are kept beside the data, so tokens,
 * recipient ids, vouchers, sealed personal data and TOTP secrets stay valid across restarts; in memory they
 * live as long as the process.
 */
export function localSecrets(dataDir?: string): Secrets {
  const path = dataDir ? join(dataDir, FILE) : null;
  let saved: Saved;
  if (path && existsSync(path)) {
    // Older files lack newer keys (or hold retired ones, like the HS256 tokenSecret): add what is
    // missing once and keep the rest.
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<Saved>;
    saved = { ...fresh(), ...stored };
    if (Object.keys(fresh()).some((k) => !(k in stored))) writeFileSync(path, JSON.stringify(saved, null, 2), { mode: 0o600 });
  } else {
    saved = fresh();
    if (path) writeFileSync(path, JSON.stringify(saved, null, 2), { mode: 0o600 });
  }
  return {
    tokenSigningKeyPem: saved.tokenSigningKeyPem,
    tokenVerifyKeyPem: publicKeyPemOf(saved.tokenSigningKeyPem),
    idSecret: Buffer.from(saved.idSecret, 'base64url'),
    voucherKeyPem: saved.voucherKeyPem,
    voucherVerifyKeyPem: publicKeyPemOf(saved.voucherKeyPem),
    personalDataKey: Buffer.from(saved.personalDataKey, 'base64url'),
    totpKey: Buffer.from(saved.totpKey, 'base64url'),
  };
}
