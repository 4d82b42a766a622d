import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The mini-program's two builds: `h5` is served by local mode; `weapp` is what WeChat DevTools opens. */
export type AppTarget = 'h5' | 'weapp';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const appDir = (target: AppTarget): string => join(root, 'miniapp/dist', target);
export const h5Dir = appDir('h5');
/** The file whose age stands for the whole build. */
const marker = (target: AppTarget) => join(appDir(target), target === 'h5' ? 'index.html' : 'app.js');
// What the builds are made from: the app and the contract it imports.
const sources = ['miniapp/src', 'miniapp/config', 'functions/contract'].map((d) => join(root, d));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Why a build needs (re)making, or null when it is current. */
export function buildNeeded(target: AppTarget): string | null {
  if (!existsSync(marker(target))) return 'it has not been built yet';
  const built = statSync(marker(target)).mtimeMs;
  return sources.some((d) => existsSync(d) && newestMtime(d) > built) ? 'its sources changed' : null;
}

/** Builds a target when missing or older than its sources; its folder, or null when the build failed. */
export function ensureBuild(target: AppTarget, log: (line: string) => void = console.log): string | null {
  const reason = buildNeeded(target);
  if (!reason) return appDir(target);
  // For API-only work while the app is mid-edit: use whatever build exists, or none.
  if (process.env.MCAN_SKIP_APP_BUILD) return existsSync(marker(target)) ? appDir(target) : null;
  log(`Building the ${target} app because ${reason} (half a minute to a few minutes; progress below)…`);
  // A production build whatever the caller's NODE_ENV (vitest sets "test", which makes Taro's
  // Babel preset reach for react-refresh, a dev-server-only plugin).
  const r = spawnSync('npm', ['run', '--silent', `build:${target}`], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', MCAN_BUILD_PROGRESS: '1' } });
  if (r.status !== 0 || !existsSync(marker(target))) {
    log(`The ${target} build failed. Fix it and run \`npm run build:${target}\`.`);
    return null;
  }
  return appDir(target);
}

/** Local mode serves the H5 build; when it cannot be built, the API still runs. */
export const ensureH5Build = (log?: (line: string) => void): string | null => ensureBuild('h5', log);
