import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h5Dir } from '../../functions/local/app-build.js';
import { artifactPath, launchBrowser } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let chrome: Awaited<ReturnType<typeof launchBrowser>>;
beforeAll(async () => {
  app = await startTestApp({ seed: true, staticDir: h5Dir });
  chrome = await launchBrowser();
});
afterAll(async () => {
  await chrome?.close();
  await app?.stop();
});

describe('the H5 app served by the local server', () => {
  it('shows the seeded providers with their meals left today', async () => {
    const expected = (await app.call('GET', '/v1/providers')).body.providers as { name: string; offerings: { remaining: number }[] }[];
    const page = await chrome.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await page.goto(app.url + '/');
    await page.locator('.provider-card').first().waitFor();
    await expect.poll(() => page.locator('.provider-card').count()).toBe(expected.length);

    const text = await page.locator('body').innerText();
    for (const p of expected) expect(text).toContain(p.name);
    const left = await page.locator('.meals-left').allInnerTexts();
    const offerings = expected.flatMap((p) => p.offerings);
    expect(left).toHaveLength(offerings.length);
    for (const o of offerings) expect(left).toContain(`剩余 ${o.remaining} 份`);

    await page.screenshot({ path: artifactPath('home.png'), fullPage: true });
    expect(failures).toEqual([]);
  });
});
