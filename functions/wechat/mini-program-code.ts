import { ttlCache } from '../support/ttl-cache.js';
import type { WechatConfig } from './config.js';

/** One per provider of a province, with room to spare. */
const MAX_CODES_KEPT = 20_000;

/**
 * WeChat's mini-program code for a page path with its query (wxacode.get, "interface A": the path
 * may carry `?poster=…`, which a 32-character `scene` could not hold). Needs the app's access
 * token, fetched with the AppSecret and kept until shortly before it expires. Answers a data: URL
 * of the image, or null when WeChat refuses or cannot be reached: the poster then shows its web
 * QR alone, which also opens the walk-in page.
 */
export function miniProgramCodes(c: WechatConfig, fetchImpl: typeof fetch = fetch) {
  let token: { value: string; until: number } | null = null;
  // A poster's code never changes until the poster is rotated (a new path), and interface A makes
  // at most 100,000 codes per app in its lifetime: each path is asked for once per process.
  const made = ttlCache(24 * 3600 * 1000, MAX_CODES_KEPT);

  async function accessToken(): Promise<string | null> {
    if (token && token.until > Date.now()) return token.value;
    const url = new URL('/cgi-bin/token', c.baseUrl);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: c.appId, secret: c.appSecret }).toString();
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(c.timeoutMs) });
    const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') return null;
    // WeChat's tokens last 7,200 s; renew five minutes early so none expires in flight.
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 7200;
    token = { value: body.access_token, until: Date.now() + Math.max(60, seconds - 300) * 1000 };
    return token.value;
  }

  async function make(path: string): Promise<string | null> {
    try {
      const access = await accessToken();
      if (!access) return null;
      const url = new URL('/wxa/getwxacode', c.baseUrl);
      url.search = new URLSearchParams({ access_token: access }).toString();
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path: path.replace(/^\//, ''), width: 430 }),
        signal: AbortSignal.timeout(c.timeoutMs),
      });
      const type = res.headers.get('content-type') ?? '';
      // Refusals come back as JSON ({errcode, errmsg}); a code comes back as the image itself.
      if (!type.startsWith('image/')) {
        const body = (await res.json().catch(() => ({}))) as { errcode?: unknown };
        if (body.errcode === 40001 || body.errcode === 42001) token = null; // a token WeChat no longer takes
        return null;
      }
      return `data:${type.split(';')[0]};base64,${Buffer.from(await res.arrayBuffer()).toString('base64')}`;
    } catch {
      return null;
    }
  }

  return (path: string) =>
    made.get(path, async () => {
      const code = await make(path);
      if (code === null) throw new Error('no code'); // not kept: asked again next time
      return code;
    }).catch(() => null);
}
