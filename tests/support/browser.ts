import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from './process.js';

export const artifactsDir = join(repoRoot, 'artifacts');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, and kept off every host but this machine: without the resolver rule Chromium keeps
 * trying outside hosts (updates, safe browsing) even with background networking off.
 */
export const chromiumArgs = [
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
];

/**
 * Debian's Chromium (never a browser downloaded by a test tool), headless, with `chromiumArgs`. Playwright
 * gives each launch a fresh temporary profile of its own.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return {
    browser,
    close: () => browser.close(),
  };
}

export function artifactPath(name: string): string {
  mkdirSync(join(artifactsDir, 'e2e'), { recursive: true });
  return join(artifactsDir, 'e2e', name);
}
