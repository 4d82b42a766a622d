import { afterAll, beforeAll, expect } from 'vitest';
import { h5Dir } from '../../functions/local/app-build.js';
import { startTestApp, type TestApp, type TestAppOptions } from './app.js';
import { launchBrowser } from './browser.js';
// Helpers for browser tests of the H5 app: a phone-sized page at a given Shanghai time, the app's
// own storage, and reading a QR code back from a screenshot.
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
// jsqr is CommonJS with `exports.default`: unwrap it whichever way the loader hands it over.
const jsQR = ((jsqrModule as unknown as { default?: Decode }).default ?? jsqrModule) as unknown as Decode;

export const phone = { viewport: { width: 390, height: 844 }, locale: 'zh-CN' } as const;
/** The admin desk's screen: a desktop browser. */
export const desk = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' } as const;
export type Device = typeof phone | typeof desk;

export interface PhonePage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a test expects this to stay empty. */
  errors: string[];
}

/**
 * A fresh context (fresh storage: a new device, so a new recipient) whose Date.now is pinned to
 * `time` — the same instant as the server's test clock — while timers keep running.
 * `storage` is written into localStorage the way Taro's H5 storage keeps values.
 */
export async function phonePage(browser: Browser, time: string, storage: Record<string, string> = {}, device: Device = phone): Promise<PhonePage> {
  const context = await browser.newContext(device);
  await context.clock.setFixedTime(new Date(time));
  if (Object.keys(storage).length > 0) {
    await context.addInitScript((entries: Record<string, string>) => {
      for (const [k, v] of Object.entries(entries)) if (localStorage.getItem(k) === null) localStorage.setItem(k, JSON.stringify({ data: v }));
    }, storage);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** A value the app keeps with Taro.setStorageSync. */
export async function stored(page: Page, key: string): Promise<string | undefined> {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  return raw ? (JSON.parse(raw) as { data: string }).data : undefined;
}

/** The text encoded in the QR code drawn inside `locator`. */
export async function readQr(locator: Locator): Promise<string | null> {
  const png = PNG.sync.read(await locator.screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  return found?.data ?? null;
}

/** Taro's Input renders a real <input> inside its own element. */
export function field(page: Page, selector: string): Locator {
  return page.locator(`${selector} input, ${selector} textarea, input${selector}, textarea${selector}`).first();
}

/**
 * Taps an element once it is visible. Taro's H5 pull-to-refresh wrapper reports itself on top in
 * elementsFromPoint, which fails Playwright's hit-target check although a real tap reaches the
 * element (checked: the click event's target is the element); so the hit-target check is skipped.
 */
export async function tap(locator: Locator): Promise<void> {
  // Taro's router can hide a page for a moment while it shows it: a tap then is retried.
  for (let attempt = 1; ; attempt++) {
    await locator.waitFor({ state: 'visible' });
    try {
      await locator.click({ force: true, timeout: 2000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Visible buttons, links and choices smaller than 44 × 44 px (should be none). */
export function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[role=button],[role=link],[role=radio],[role=checkbox]')).flatMap((e) => {
      const r = e.getBoundingClientRect();
      const shown = r.width > 0 && r.height > 0;
      return shown && (r.width < 44 || r.height < 44) ? [`${e.className} ${Math.round(r.width)}×${Math.round(r.height)}`] : [];
    }),
  );
}

/**
 * One test file's world: the local server serving the H5 app with the clock at `startAt`, and a
 * headless browser. Pages come from `open`; each must end the file without an uncaught error.
 */
export function browserSuite(startAt: string, appOptions: TestAppOptions = {}) {
  const opened: PhonePage[] = [];
  let chrome: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const suite = {
    app: undefined as unknown as TestApp,
    async open(time = startAt, storage: Record<string, string> = {}, device: Device = phone): Promise<PhonePage> {
      const p = await phonePage(chrome!.browser, time, storage, device);
      opened.push(p);
      return p;
    },
  };
  beforeAll(async () => {
    suite.app = await startTestApp({ seed: true, staticDir: h5Dir, ...appOptions });
    await suite.app.setClock(startAt);
    chrome = await launchBrowser();
  });
  afterAll(async () => {
    for (const p of opened) expect(p.errors, 'uncaught errors in the page').toEqual([]);
    await chrome?.close();
    await suite.app?.stop();
  });
  return suite;
}
