// What a fresh machine may lack, each said in one sentence with the command that installs it,
// before anything starts (a missing Java otherwise surfaces as a DynamoDB Local stack trace).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The JDK, not just the JRE: DynamoDB Local is bound to 127.0.0.1 by a single-file Java launcher (compiled on start).
export const installJava = 'apt-get install -y --no-install-recommends openjdk-17-jdk-headless';
export const installChromium = 'apt-get install -y --no-install-recommends chromium fonts-noto-cjk';

/** Null when `java` runs; otherwise the sentence to show. DynamoDB Local needs Java 17 or later. */
export function javaProblem(java = 'java'): string | null {
  const r = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 20_000 });
  if (r.error || r.status !== 0) return `Java is missing, and DynamoDB Local needs Java 17: install it with \`${installJava}\`.`;
  const major = /version "(\d+)/.exec(r.stderr)?.[1];
  if (major && Number(major) < 17) return `Java ${major} is too old for DynamoDB Local, which needs Java 17: install it with \`${installJava}\`.`;
  return null;
}

/** Null when the browser the tests drive is there; otherwise the sentence to show. */
export function chromiumProblem(path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): string | null {
  return existsSync(path) ? null : `Chromium is missing at ${path}, and the browser tests need it: install it with \`${installChromium}\` (or set CHROMIUM_PATH).`;
}
