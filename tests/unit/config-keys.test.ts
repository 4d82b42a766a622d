/**
 * Every setting in functions/config.ts is read somewhere, so the file stays a true list of the
 * limits the server runs by. A leaf counts as read when its key appears as `.key` or `['key']` in a
 * source file under functions/ or infra/ (the stack reads the throttles, bootstrap-data.ts the
 * admin's). Loose on purpose: a key that shares its name with something else (`floor`) passes, but
 * a setting nobody reads any more fails, which is what drifts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { config } from '../../functions/config.js';
import { repoRoot } from '../support/process.js';

function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [path];
  return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('functions/config.ts', () => {
  it('has no setting that nothing reads', () => {
    const configFile = join(repoRoot, 'functions', 'config.ts');
    const text = ['functions', 'infra']
      .flatMap((d) => sources(join(repoRoot, d)))
      .filter((f) => f !== configFile)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const leaves = leafPaths(config);
    expect(leaves.length).toBeGreaterThan(50);
    const unread = leaves.filter((path) => {
      const key = escape(path[path.length - 1]!);
      return !new RegExp(`\\.${key}\\b|\\[['"]${key}['"]\\]`).test(text);
    });
    expect(unread.map((p) => p.join('.')), 'read each of these where its rule lives, or delete it').toEqual([]);
  });
});
