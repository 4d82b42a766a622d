/**
 * The H5 app as the local server sends it: compressed, hashed files cached for a year, the page
 * revalidated (a 304 when unchanged), nothing outside the build reachable.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../functions/local/static-files.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
const script = `console.log(${JSON.stringify('M餐 '.repeat(2000))});\n`;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'mcan-h5-'));
  mkdirSync(join(root, 'js'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>M餐</title><script src="/js/app.0123abcd.js"></script>');
  writeFileSync(join(root, 'js', 'app.0123abcd.js'), script);
  writeFileSync(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  app = await startTestApp({ seed: false, staticDir: root });
});
afterAll(() => app.stop());

/** Raw bytes and headers (fetch would undo the compression this test is about). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const url = new URL(path, app.url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the H5 app served like a product', () => {
  it('sends brotli where offered, else gzip, else the file itself; the same bytes once decoded', async () => {
    const br = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get('/js/app.0123abcd.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(script));
  });

  it('caches hashed files for a year and makes the page revalidate, answering 304 when unchanged', async () => {
    expect((await get('/js/app.0123abcd.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get('/', { 'accept-encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const etag = page.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('leaves images uncompressed, answers HEAD without a body, and serves nothing outside the build', async () => {
    const png = await get('/logo.png', { 'accept-encoding': 'br' });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
    const head = await get('/js/app.0123abcd.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/js/%E0%A4%A']) {
      expect((await get(path)).status).toBe(404);
    }
  });
});

describe('Accept-Encoding', () => {
  it('never picks an encoding the client refused, and always picks one of the three', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.constantFrom('br', 'gzip', 'deflate', '*', 'identity', 'x'), q: fc.option(fc.constantFrom('0', '0.5', '1')) })), (parts) => {
        const header = parts.map((p) => (p.q === null ? p.name : `${p.name};q=${p.q}`)).join(', ');
        const chosen = chooseEncoding(header);
        expect(['br', 'gzip', 'identity']).toContain(chosen);
        if (chosen !== 'identity') {
          const named = parts.filter((p) => p.name === chosen);
          const refusedByName = named.length > 0 && named[named.length - 1]!.q === '0';
          expect(refusedByName).toBe(false);
        }
      }),
    );
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
  });
});
