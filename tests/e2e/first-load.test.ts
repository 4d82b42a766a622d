// What a recipient's phone downloads to open the home page of the H5 app, and that none of it is
// the administrators' desk (an H5-only sub-package, loaded only when a desk page opens).
// The figures go to artifacts/e2e/first-load.json; sizes are reported, not held to a timed target.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Response } from 'playwright-core';
import { artifactPath } from '../support/browser.js';
import { browserSuite } from '../support/h5.js';

const suite = browserSuite('2026-11-30T11:40:00+08:00');

/** Strings only the desk's code holds: its sign-in wording, its navigation and publish button classes. */
const deskMarkers = ['管理员登录', 'admin__nav', 'admin-boards__publish'];

interface Loaded {
  url: string;
  type: string;
  /** Bytes on the wire (compressed as the server sent them). */
  transfer: number;
  /** Bytes once decompressed. */
  bytes: number;
  body: string;
}

function collect(responses: Response[]): Promise<Loaded[]> {
  return Promise.all(
    responses
      .filter((r) => ['script', 'stylesheet', 'document'].includes(r.request().resourceType()))
      .map(async (r) => {
        const body = await r.body();
        const sizes = await r.request().sizes();
        return { url: new URL(r.url()).pathname, type: r.request().resourceType(), transfer: sizes.responseBodySize, bytes: body.length, body: body.toString('utf8') };
      }),
  );
}

describe('the recipients’ first load', () => {
  it('opens the home page without any of the admin desk’s code; the desk’s code arrives only with a desk page', async () => {
    const { context, page } = await suite.open();
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(suite.app.url + '/');
    await page.locator('.provider-card').first().waitFor();
    await page.waitForLoadState('networkidle');
    const first = await collect(responses);

    const scripts = first.filter((f) => f.type === 'script');
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of first) for (const marker of deskMarkers) expect(f.body.includes(marker), `${f.url} holds ${marker}`).toBe(false);

    const sum = (files: Loaded[], k: 'transfer' | 'bytes') => files.reduce((n, f) => n + f[k], 0);
    const figures = {
      files: first.map(({ url, type, transfer, bytes }) => ({ url, type, transfer, bytes })),
      js: { files: scripts.length, transfer: sum(scripts, 'transfer'), bytes: sum(scripts, 'bytes') },
      css: { transfer: sum(first.filter((f) => f.type === 'stylesheet'), 'transfer'), bytes: sum(first.filter((f) => f.type === 'stylesheet'), 'bytes') },
      total: { transfer: sum(first, 'transfer'), bytes: sum(first, 'bytes') },
    };
    writeFileSync(artifactPath('first-load.json'), JSON.stringify(figures, null, 2));
    console.log(`recipients' first load: ${first.length} files, ${(figures.total.transfer / 1024).toFixed(1)} KB on the wire, ${(figures.total.bytes / 1024).toFixed(1)} KB decoded`);

    // The markers are real: opening a desk page fetches code that holds them.
    responses.length = 0;
    await page.goto(suite.app.url + '/#/admin/signin/index');
    await page.locator('.admin-signin').waitFor();
    await page.waitForLoadState('networkidle');
    const desk = await collect(responses);
    expect(desk.some((f) => f.type === 'script' && f.body.includes('管理员登录'))).toBe(true);
    await context.close();
  });
});
