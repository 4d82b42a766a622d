import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from './process.js';

export const artifactsDir = join(repoRoot, 'artifacts');

/**
 * Debian's Chromium, headless, kept off every host but this machine (TOOLCHAIN.md). Playwright
 * gives each launch a fresh temporary profile of its own.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

export function artifactPath(name: string): string {
  mkdirSync(join(artifactsDir, 'e2e'), { recursive: true });
  return join(artifactsDir, 'e2e', name);
}
