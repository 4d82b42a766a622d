import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Secrets } from '../deps.js';
import { newVoucherKeyPem } from '../security/vouchers.js';

const FILE = 'mcan-secrets.json';

interface Saved {
  tokenSecret: string;
  idSecret: string;
  voucherKeyPem: string;
  personalDataKey: string;
}

const fresh = (): Saved => ({
  tokenSecret: randomBytes(32).toString('base64url'),
  idSecret: randomBytes(32).toString('base64url'),
  voucherKeyPem: newVoucherKeyPem(),
  personalDataKey: randomBytes(32).toString('base64url'),
});

/**
 * Local mode makes its own secrets on first start. With --data they are kept beside the data,
 * so tokens, recipient ids, vouchers and sealed personal data stay valid across restarts; in
 * memory they live as long as the process.
 */
export function localSecrets(dataDir?: string): Secrets {
  const path = dataDir ? join(dataDir, FILE) : null;
  let saved: Saved;
  if (path && existsSync(path)) {
    // Older files lack newer keys: add them once and keep them.
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<Saved>;
    saved = { ...fresh(), ...stored };
    if (Object.keys(stored).length < Object.keys(saved).length) writeFileSync(path, JSON.stringify(saved, null, 2), { mode: 0o600 });
  } else {
    saved = fresh();
    if (path) writeFileSync(path, JSON.stringify(saved, null, 2), { mode: 0o600 });
  }
  return {
    tokenSecret: Buffer.from(saved.tokenSecret, 'base64url'),
    idSecret: Buffer.from(saved.idSecret, 'base64url'),
    voucherKeyPem: saved.voucherKeyPem,
    personalDataKey: Buffer.from(saved.personalDataKey, 'base64url'),
  };
}
