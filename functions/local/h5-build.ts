import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const h5Dir = join(root, 'miniapp/dist/h5');
const index = join(h5Dir, 'index.html');
// What the H5 bundle is built from: the app and the contract it imports.
const sources = ['miniapp/src', 'miniapp/config', 'functions/contract'].map((d) => join(root, d));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Why the H5 app needs (re)building, or null when the build is current. */
export function h5BuildNeeded(): string | null {
  if (!existsSync(index)) return 'it has not been built yet';
  const built = statSync(index).mtimeMs;
  return sources.some((d) => existsSync(d) && newestMtime(d) > built) ? 'its sources changed' : null;
}

/** Builds the H5 app when missing or older than its sources; the served folder, or null when the build failed. */
export function ensureH5Build(log: (line: string) => void = console.log): string | null {
  const reason = h5BuildNeeded();
  if (!reason) return h5Dir;
  // For API-only work while the app is mid-edit: serve whatever build exists, or none.
  if (process.env.MCAN_SKIP_H5_BUILD) return existsSync(index) ? h5Dir : null;
  log(`Building the H5 app because ${reason} (about half a minute)…`);
  // A production build whatever the caller's NODE_ENV (vitest sets "test", which makes Taro's
  // Babel preset reach for react-refresh, a dev-server-only plugin).
  const r = spawnSync('npm', ['run', '--silent', 'build:h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0 || !existsSync(index)) {
    log('The H5 build failed; the API still runs. Fix the build and run `npm run build:h5`.');
    return null;
  }
  return h5Dir;
}
