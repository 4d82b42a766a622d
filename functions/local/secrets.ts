import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Secrets } from '../deps.js';

const FILE = 'mcan-secrets.json';

/**
 * Local mode makes its own secrets on first start. With --data they are kept beside the data,
 * so tokens and recipient ids stay valid across restarts; in memory they live as long as the process.
 */
export function localSecrets(dataDir?: string): Secrets {
  const path = dataDir ? join(dataDir, FILE) : null;
  if (path && existsSync(path)) {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    return { tokenSecret: Buffer.from(saved.tokenSecret!, 'base64url'), idSecret: Buffer.from(saved.idSecret!, 'base64url') };
  }
  const secrets = { tokenSecret: randomBytes(32), idSecret: randomBytes(32) };
  if (path) {
    const encoded = { tokenSecret: secrets.tokenSecret.toString('base64url'), idSecret: secrets.idSecret.toString('base64url') };
    writeFileSync(path, JSON.stringify(encoded, null, 2), { mode: 0o600 });
  }
  return secrets;
}
