import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HttpEvent, HttpHandler, HttpResult } from '../http/adapter.js';
import { envelope } from '../http/errors.js';
import { staticFiles } from './static-files.js';

export interface LocalRoutes {
  /** The route table's adapter: everything under /v1. */
  api: HttpHandler;
  /** Extra local-only routes (/healthz, /__test__/clock), answered before the API. */
  extra: Record<string, HttpHandler>;
  /** The built H5 app, served at /. */
  staticDir: string | null;
  /** The contract's cap on request bodies (config.http.maxBodyBytes); larger ones get 413 before any route. */
  maxBodyBytes: number;
}

/**
 * The body, or 'too-large' past the cap. A larger body is still read to its end (and dropped), so
 * the client gets the 413 rather than a connection reset in the middle of its upload.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= maxBytes) chunks.push(c);
    });
    req.on('end', () => resolve(size > maxBytes ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Path and query of a request target as sent; `new URL` would read `//x` as a host. */
function splitTarget(target: string): { pathname: string; search: string } {
  const q = target.indexOf('?');
  return q < 0 ? { pathname: target, search: '' } : { pathname: target.slice(0, q), search: target.slice(q) };
}

/** The request as API Gateway HTTP API (payload 2.0) would hand it to Lambda. */
export function toEvent(req: IncomingMessage, body: Buffer): HttpEvent {
  const url = splitTarget(req.url ?? '/');
  const searchParams = new URLSearchParams(url.search);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const method = (req.method ?? 'GET').toUpperCase();
  const text = body.toString('utf8');
  const binary = body.length > 0 && !Buffer.from(text, 'utf8').equals(body);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    body: body.length ? (binary ? body.toString('base64') : text) : undefined,
    isBase64Encoded: binary,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '', userAgent: headers['user-agent'] ?? '' },
    },
  };
}

function send(res: ServerResponse, r: HttpResult): void {
  res.writeHead(r.statusCode, r.headers);
  res.end(r.body);
}

export function createLocalServer(routes: LocalRoutes): Server {
  const serveStatic = routes.staticDir ? staticFiles(routes.staticDir) : null;
  // Node ignores the handler's promise: it is voided here and every failure is caught inside.
  return createServer((req, res) => void answer(routes, serveStatic, req, res));
}

async function answer(
  routes: LocalRoutes,
  serveStatic: ReturnType<typeof staticFiles> | null,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const body = await readBody(req, routes.maxBodyBytes);
    const url = splitTarget(req.url ?? '/');
    if (body === 'too-large') {
      res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(JSON.stringify(envelope('PAYLOAD_TOO_LARGE', `bodies are limited to ${routes.maxBodyBytes} bytes`)));
      return;
    }
    const extra = routes.extra[url.pathname];
    if (extra) return send(res, await extra(toEvent(req, body)));
    if (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) return send(res, await routes.api(toEvent(req, body)));
    if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic?.(url.pathname, req, res)) return;
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(envelope('NOT_FOUND', `nothing at ${url.pathname}`)));
  } catch (e) {
    // The adapter answers every API error itself; this is only reached by a broken connection or a bug here.
    console.error(e);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(envelope('INTERNAL', 'local server error')));
  }
}
