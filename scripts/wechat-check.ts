/**
 * `npm run check:weapp`: compiles miniapp/dist/weapp with miniprogram-ci — the compiler and
 * code-quality checks taken from WeChat DevTools — offline, and prints WeChat's verdict as JSON.
 * Exit code 1 when the compile fails or any check fails. Build first (`npm run build:weapp`).
 */
import ci from 'miniprogram-ci';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(join(root, 'miniapp/dist/weapp/app.json'))) {
  console.error('There is no weapp build to check: run `npm run build:weapp` first.');
  process.exit(1);
}

// project.config.json at the root points WeChat at miniapp/dist/weapp; everything else is ignored.
const project = new ci.Project({
  appid: 'touristappid',
  type: 'miniProgram',
  projectPath: root,
  // Never used: nothing is uploaded. The tools want a key to construct a project.
  privateKey: 'offline',
  ignores: ['node_modules/**/*', 'miniapp/node_modules/**/*', 'miniapp/src/**/*', 'miniapp/dist/h5/**/*', 'functions/**/*', 'tests/**/*', 'infra/**/*', 'artifacts/**/*', '.git/**/*'],
});
// The account's limits, given here so the tools do not ask WeChat's servers for them (the stated
// values are WeChat's published defaults: 2 MB per package, 20 MB in all).
(project as unknown as { attr: () => Promise<unknown> }).attr = async () => ({
  platform: false,
  appType: 0,
  isSandbox: false,
  released: false,
  setting: { MaxCodeSize: 2, MaxSubpackageSubCodeSize: 2, MaxSubpackageFullCodeSize: 20, NavigateMiniprogramLimit: 10, MaxSubPackageLimit: 100, MinTabbarCount: 2, MaxTabbarCount: 5, MaxTabbarIconSize: 40, MaxCustomTabbarCount: 50 },
});

const started = Date.now();
const compiled = await ci.getCompiledResult({ project, version: '0.0.0', setting: { es6: false, minify: true } });
const checks = await ci.checkCodeQuality(project);
const verdict = {
  compiledFiles: Object.keys(compiled).length,
  compiledBytes: Object.values(compiled).reduce((n, c) => n + (typeof c === 'string' ? Buffer.byteLength(c) : c.length), 0),
  seconds: Math.round((Date.now() - started) / 100) / 10,
  checks: checks.map((c) => ({ name: c.name, success: c.success, text: c.text })),
};
console.log(JSON.stringify(verdict));
// The tools leave a file watcher running: exit rather than wait on it.
process.exit(verdict.compiledFiles > 0 && checks.every((c) => c.success) ? 0 : 1);
