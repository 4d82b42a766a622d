/**
 * The H5 app as a recipient's phone first meets it: what the first screen downloads (on the wire,
 * compressed as the server sends it, and unpacked), what a second page adds, and Lighthouse's
 * performance score for the home page (mobile emulation, simulated 4G: Lighthouse's defaults).
 * Served by the same static-file code as local mode, with the API beside it.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import type { RunningApp } from '../../functions/local/app.js';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

interface Load {
  files: number;
  wireKiB: number;
  rawKiB: number;
}

/**
 * JS and CSS fetched to show the home page afresh, then to open a provider from it (a tap, as a
 * recipient would: the app's own navigation, not a reload).
 */
async function loads(appUrl: string): Promise<[Load, Load]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    let current: Load = { files: 0, wireKiB: 0, rawKiB: 0 };
    let counting: Promise<void>[] = [];
    page.on('response', (r) => {
      if (!/\.(js|css)$/.test(new URL(r.url()).pathname)) return;
      const into = current;
      counting.push(
        (async () => {
          const [body, headers] = await Promise.all([r.body(), r.allHeaders()]);
          into.files++;
          into.wireKiB += Number(headers['content-length'] ?? body.length) / 1024;
          into.rawKiB += body.length / 1024;
        })().catch(() => undefined), // a response still arriving as the browser closes
      );
    });
    const settle = async () => {
      await page.waitForLoadState('networkidle');
      await Promise.all(counting);
      counting = [];
      const done = current;
      current = { files: 0, wireKiB: 0, rawKiB: 0 };
      return done;
    };
    await page.goto(appUrl + '/');
    await page.locator('.provider-card').first().waitFor();
    const home = await settle();
    await page.locator('.intro__ok').click(); // the first visit's welcome, as a newcomer dismisses it
    await page.locator('.provider-card').first().click();
    await page.waitForURL(/provider/);
    return [home, await settle()];
  } finally {
    await browser.close();
  }
}

async function lighthouseScore(url: string): Promise<{ score: number; fcp: string; lcp: string; tbt: string }> {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox'] });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
    const lhr = result!.lhr;
    const audit = (id: string) => lhr.audits[id]?.displayValue ?? '?';
    return { score: Math.round((lhr.categories.performance!.score ?? 0) * 100), fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'), tbt: audit('total-blocking-time') };
  } finally {
    chrome.kill();
  }
}

export async function benchH5(app: RunningApp): Promise<[string, string, string][]> {
  const [first, second] = await loads(app.url);
  const kib = (l: Load) => `${l.wireKiB.toFixed(0)} KiB on the wire · ${l.rawKiB.toFixed(0)} KiB unpacked`;
  const lh = await lighthouseScore(app.url + '/');
  return [
    ['(h) H5 first screen (home), JS + CSS', kib(first!), `${first!.files} files`],
    ['    then a provider page adds', kib(second!), `${second!.files} files`],
    ['    Lighthouse performance, home (mobile)', `${lh.score}`, `FCP ${lh.fcp} · LCP ${lh.lcp} · TBT ${lh.tbt}; a loaded 2-core machine lowers it`],
  ];
}
