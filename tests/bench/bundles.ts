/**
 * Lambda bundles: size and cold initialisation time, per function group.
 *
 *   npx tsx tests/bench/bundles.ts [--runs 7]
 *
 * Bundles each Lambda entry (one per API function group, and each scheduled job's) with esbuild using the stack's
 * own settings (infra/bundling.ts — the same object NodejsFunction is given), then imports each
 * bundle in a fresh `node` process several times and reports the median import time: module
 * evaluation plus client construction, what Lambda bills as Init Duration minus the runtime's own
 * start. The secret is read on the first request, so no AWS call happens here.
 * Measured on this machine, which is shared; Lambda's arm64 at 1 GB is in the same range.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { jobs } from '../../functions/jobs/schedule.js';
import { functionGroups } from '../../functions/routes/table.js';
import { groupEntry, lambdaBundle, projectRoot } from '../../infra/bundling.js';

export interface BundleFigures {
  name: string;
  entry: string;
  /** Minified bundle size. */
  bytes: number;
  /** Median time to import the bundle in a fresh process, ms. */
  initMedianMs: number;
  initRunsMs: number[];
}

/** Cold init the public function aims to stay under (median): what a user opening the app waits for. */
export const publicInitGoalMs = 100;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function bundle(entry: string, outfile: string): Promise<number> {
  await build({
    entryPoints: [join(projectRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: lambdaBundle.target,
    format: lambdaBundle.format,
    minify: lambdaBundle.minify,
    sourcemap: lambdaBundle.sourceMap,
    mainFields: [...lambdaBundle.mainFields],
    banner: { js: lambdaBundle.banner },
    external: [...lambdaBundle.externalModules],
    tsconfig: join(projectRoot, 'tsconfig.json'),
    logLevel: 'warning',
  });
  return statSync(outfile).size;
}

function initTime(file: string, env: Record<string, string>): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    // Lambda-like settings; nothing here reaches AWS (the secret is read on the first request).
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'ap-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', TABLE_NAME: 'mcan', ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`importing ${file} failed:\n${r.stderr}`);
  return Number(r.stdout);
}

export async function benchBundles(opts: { runs?: number } = {}): Promise<BundleFigures[]> {
  const runs = opts.runs ?? 7;
  const outdir = join(projectRoot, '.tmp', 'bench-bundles');
  rmSync(outdir, { recursive: true, force: true });
  const targets = [
    ...functionGroups.map((g) => ({ name: `api:${g}`, entry: groupEntry(g), env: { ROUTE_GROUP: g } })),
    ...jobs.map((j) => ({ name: `job:${j.name}`, entry: j.entry, env: {} })),
  ];
  const figures: BundleFigures[] = [];
  for (const t of targets) {
    const dir = join(outdir, t.name.replace(/[^A-Za-z0-9-]/g, '_'));
    mkdirSync(dir, { recursive: true });
    // Placed under the project so that any external module would resolve as on Lambda's path.
    const file = join(dir, 'index.mjs');
    const bytes = await bundle(t.entry, file);
    const initRunsMs = Array.from({ length: runs }, () => initTime(file, t.env));
    figures.push({ name: t.name, entry: t.entry, bytes, initMedianMs: median(initRunsMs), initRunsMs });
  }
  rmSync(outdir, { recursive: true, force: true });
  return figures;
}

export function formatBundles(figures: BundleFigures[]): string {
  const lines = ['bundle                      size        init (median)   runs'];
  for (const f of figures) {
    const kb = `${(f.bytes / 1024).toFixed(1)} KB`;
    const flag = f.name === 'api:public' ? `  (goal < ${publicInitGoalMs} ms)` : '';
    lines.push(`${f.name.padEnd(28)}${kb.padEnd(12)}${`${f.initMedianMs.toFixed(0)} ms`.padEnd(16)}${f.initRunsMs.map((m) => m.toFixed(0)).join(' ')}${flag}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { runs: { type: 'string' } }, strict: true });
  const figures = await benchBundles({ runs: values.runs ? Number(values.runs) : undefined });
  console.log(formatBundles(figures));
}
