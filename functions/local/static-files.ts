import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { cacheControlFor, compressibleExtensions } from '../http/asset-caching.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

type Encoding = 'br' | 'gzip' | 'identity';

/** Brotli first (smallest), then gzip; identity when the client names neither. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const offered = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

interface Variant {
  body: Buffer;
  etag: string;
}

/**
 * Serves the built H5 app from `root`: compressed once per file version and kept (the build is a
 * fixed set of files, so the memo is bounded by it), with the shared caching policy and ETags so
 * that `no-cache` on index.html costs a 304, not the page.
 */
export function staticFiles(root: string) {
  const memo = new Map<string, Variant>();

  function variant(file: string, version: string, encoding: Encoding): Variant {
    const key = `${file}\0${version}\0${encoding}`;
    let hit = memo.get(key);
    if (!hit) {
      const raw = readFileSync(file);
      const body =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          : encoding === 'gzip'
            ? gzipSync(raw, { level: 9 })
            : raw;
      hit = { body, etag: `"${version}-${encoding}"` };
      memo.set(key, hit);
    }
    return hit;
  }

  return function serve(pathname: string, req: IncomingMessage, res: ServerResponse): boolean {
    let rel: string;
    try {
      rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).slice(1);
    } catch {
      return false;
    }
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return false;
    let version: string;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return false;
      version = `${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}`;
    } catch {
      return false;
    }
    const ext = extname(file);
    const compressible = (compressibleExtensions as readonly string[]).includes(ext);
    const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : 'identity';
    const { body, etag } = variant(file, version, encoding);
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': cacheControlFor(rel),
      etag,
    };
    if (compressible) headers.vary = 'Accept-Encoding';
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
