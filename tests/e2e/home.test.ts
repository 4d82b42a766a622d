import { describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser.js';
import { browserSuite } from '../support/h5.js';

const suite = browserSuite('2026-11-30T11:40:00+08:00');

describe('the H5 app served by the local server', () => {
  it('shows the seeded providers with their meals left today', async () => {
    const expected = (await suite.app.api.listProviders()).providers;
    const { page, errors } = await suite.open();
    await page.goto(suite.app.url + '/');
    await page.locator('.provider-card').first().waitFor();
    await expect.poll(() => page.locator('.provider-card').count()).toBe(expected.length);

    const text = await page.locator('body').innerText();
    for (const p of expected) expect(text).toContain(p.name);
    const left = await page.locator('.meals-left').allInnerTexts();
    const offerings = expected.flatMap((p) => p.offerings);
    expect(left).toHaveLength(offerings.length);
    for (const o of offerings) expect(left).toContain(`剩余 ${o.remaining} 份`);

    await page.screenshot({ path: artifactPath('home.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
