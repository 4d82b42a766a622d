/**
 * The H5 app as a recipient's phone first meets it: what the first screen downloads (on the wire,
 * compressed as the server sends it, and unpacked), what a second page adds, and Lighthouse's
 * scores for home, provider, voucher and staff sign-in (mobile emulation, simulated 4G: its defaults).
 * Served by the same static-file code as local mode, with the API beside it.
 */
import { randomBytes } from 'node:crypto';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import type { RunningApp } from '../../functions/local/app.js';
import { call } from './http.js';

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

type Scores = Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number> & { lcp: string; tbt: string };

/**
 * Lighthouse (mobile defaults) on each page, in one Chrome whose storage holds a recipient's
 * session and booking, so the voucher page shows a live voucher as it would for its owner.
 */
async function lighthouseScores(appUrl: string, pages: Record<string, string>, storage: Record<string, string>): Promise<Record<string, Scores>> {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox'] });
  try {
    const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    const tab = await cdp.contexts()[0]!.newPage();
    await tab.goto(appUrl + '/');
    await tab.evaluate((entries) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, JSON.stringify({ data: v }));
    }, storage);
    await tab.close();
    const out: Record<string, Scores> = {};
    for (const [name, path] of Object.entries(pages)) {
      const result = await lighthouse(appUrl + path, {
        port: chrome.port,
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        disableStorageReset: true,
        logLevel: 'error',
        output: 'json',
      });
      const lhr = result!.lhr;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      out[name] = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
        lcp: lhr.audits['largest-contentful-paint']?.displayValue ?? '?',
        tbt: lhr.audits['total-blocking-time']?.displayValue ?? '?',
      };
    }
    return out;
  } finally {
    chrome.kill();
  }
}

/** `app` runs on the demo data with its clock at a weekday lunch. */
export async function benchH5(app: RunningApp): Promise<[string, string, string][]> {
  const [first, second] = await loads(app.url);
  const kib = (l: Load) => `${l.wireKiB.toFixed(0)} KiB on the wire · ${l.rawKiB.toFixed(0)} KiB unpacked`;
  const deviceKey = randomBytes(32).toString('base64url');
  const { token } = (await call(app, 'POST', '/v1/sessions/device', { deviceKey })).body;
  const { booking } = (await call(app, 'POST', '/v1/bookings', { offeringId: 'demo-futian-lunch', windowId: 'lunch' }, token)).body;
  const scores = await lighthouseScores(
    app.url,
    {
      home: '/',
      provider: '/#/pages/provider/index?id=demo-futian',
      voucher: `/#/pages/voucher/index?id=${booking.id}`,
      'staff sign-in': '/#/staff/signin/index',
    },
    { 'mcan.token': token, 'mcan.deviceKey': deviceKey, 'mcan.introSeen': '1' },
  );
  return [
    ['(h) H5 first screen (home), JS + CSS', kib(first!), `${first!.files} files`],
    ['    then a provider page adds', kib(second!), `${second!.files} files`],
    ...Object.entries(scores).map(([page, s]): [string, string, string] => [
      `    Lighthouse mobile, ${page}`,
      `${s.performance}/${s.accessibility}/${s['best-practices']}/${s.seo}`,
      `perf/a11y/best/SEO · LCP ${s.lcp} · TBT ${s.tbt}`,
    ]),
  ];
}
