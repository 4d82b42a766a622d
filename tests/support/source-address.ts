import { request } from 'node:http';

/** What the typed client needs of `fetch`; the global one fits. */
export type Fetcher = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Response>;

/**
 * A `fetch` whose requests leave from `localAddress`, another loopback address (127.0.0.2 …):
 * the local server sees it as the caller's address (`sourceIp`, as API Gateway reports it), so a
 * test can play several places at once. Linux routes all of 127.0.0.0/8 to the loopback, and
 * the server listens on 127.0.0.1; no header is trusted for this, so none is needed.
 */
export function fetchFrom(localAddress: string): Fetcher {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const req = request(url, { method: init.method, headers: init.headers, localAddress }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) for (const one of [v ?? []].flat()) headers.append(k, one);
          const status = res.statusCode ?? 0;
          resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers }));
        });
      });
      req.on('error', reject);
      req.end(init.body);
    });
}
