import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chromiumProblem, installChromium, installJava, javaProblem } from '../../functions/local/prerequisites.js';
import { repoRoot } from '../support/process.js';

describe('a fresh machine is told what it lacks, in one sentence', () => {
  it('finds this machine complete', () => {
    expect(javaProblem()).toBeNull();
    expect(chromiumProblem()).toBeNull();
  });

  it('names the install command when Java or Chromium is missing', () => {
    expect(javaProblem('/nonexistent/java')).toBe(`Java is missing, and DynamoDB Local needs Java 17: install it with \`${installJava}\`.`);
    expect(chromiumProblem('/nonexistent/chromium')).toBe(
      `Chromium is missing at /nonexistent/chromium, and the browser tests need it: install it with \`${installChromium}\` (or set CHROMIUM_PATH).`,
    );
  });

  it('npm start and npm test stop at once with that sentence and exit code 1, no stack trace', () => {
    // No java on PATH (node itself is started by its absolute path).
    const env = { ...process.env, PATH: '/nonexistent', CHROMIUM_PATH: '/nonexistent/chromium' };
    const start = spawnSync(process.execPath, ['--import', 'tsx', 'functions/local/main.ts'], { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 });
    expect(start.status).toBe(1);
    expect(start.stderr.trim()).toBe(javaProblem('/nonexistent/java'));
    const test = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prerequisites.ts'], { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 });
    expect(test.status).toBe(1);
    expect(test.stderr.trim().split('\n')).toEqual([javaProblem('/nonexistent/java'), chromiumProblem('/nonexistent/chromium')]);
  });
});
