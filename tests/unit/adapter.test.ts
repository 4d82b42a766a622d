import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Deps } from '../../functions/app/deps.js';
import { config } from '../../functions/config.js';
import { DomainError } from '../../functions/domain/errors.js';
import { httpHandler, type HttpEvent } from '../../functions/http/adapter.js';
import type { Route } from '../../functions/routes.js';
import { newTokenKeyPair, tokenService } from '../../functions/security/tokens.js';

const tokens = tokenService(newTokenKeyPair());
// Admin tokens are also checked against the account's session version and role (tested against the
// real server); here every admin token stands, as an owner.
const owner = { sessionVersion: 0, adminRole: 'owner', districts: [], disabled: false, mustChangePassword: false, totpOn: false };
const deps = { config, tokens, adminSessions: { current: () => Promise.resolve(owner), forget: () => undefined } } as unknown as Deps;
const now = new Date('2026-11-28T04:00:00Z');
const logged: Record<string, unknown>[] = [];

const route = (r: Partial<Route> & Pick<Route, 'method' | 'path' | 'handler'>): Route => ({
  name: 'getMe',
  group: 'public',
  auth: 'public',
  response: z.object({ ok: z.boolean() }),
  ...r,
});

const handle = httpHandler({
  deps,
  clock: () => now,
  log: (e) => logged.push(e),
  routes: [
    route({ method: 'GET', path: '/v1/things/{id}', params: z.strictObject({ id: z.string().regex(/^[a-z]+$/) }), handler: async (_c, i) => ({ ok: true, id: (i.params as { id: string }).id }) }),
    route({ method: 'GET', path: '/v1/things/special', handler: async () => ({ ok: false }) }),
    route({ method: 'POST', path: '/v1/things', body: z.strictObject({ name: z.string().min(1) }), handler: async () => ({ ok: true, secret: 'leak' }) }),
    route({ name: 'adminMe', method: 'GET', path: '/v1/mine', auth: 'admin', handler: async () => ({ ok: true }) }),
    route({ method: 'GET', path: '/v1/boom', handler: async () => { throw new Error('db exploded at secret place'); } }),
    route({ method: 'GET', path: '/v1/busy', handler: async () => { throw new DomainError('BUSY', 'try again', undefined, 2); } }),
  ],
});

function event(method: string, rawPath: string, opts: { body?: string; headers?: Record<string, string>; query?: Record<string, string> } = {}): HttpEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    headers: opts.headers ?? {},
    queryStringParameters: opts.query,
    body: opts.body,
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1', http: { method, path: rawPath } } as HttpEvent['requestContext'],
  };
}

const parse = (r: { body: string }) => JSON.parse(r.body);
const jsonHeaders = { 'content-type': 'application/json' };

describe('the HTTP adapter', () => {
  it('matches literal segments before parameters and passes parsed params', async () => {
    expect(parse(await handle(event('GET', '/v1/things/special')))).toEqual({ ok: false });
    expect(parse(await handle(event('GET', '/v1/things/abc')))).toEqual({ ok: true });
  });

  it('answers unknown paths 404 and wrong methods 405 with Allow', async () => {
    const missing = await handle(event('GET', '/v1/nothing'));
    expect(missing.statusCode).toBe(404);
    expect(parse(missing).error.code).toBe('NOT_FOUND');
    const wrong = await handle(event('DELETE', '/v1/things'));
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
  });

  it('treats a path parameter that fails its schema as not found', async () => {
    expect((await handle(event('GET', '/v1/things/ABC'))).statusCode).toBe(404);
  });

  it('400 for malformed JSON or the wrong content type, 413 past 64 KiB, 422 naming fields', async () => {
    expect(parse(await handle(event('POST', '/v1/things', { body: '{"name":', headers: jsonHeaders }))).error.code).toBe('BAD_REQUEST');
    expect((await handle(event('POST', '/v1/things', { body: '{"name":"a"}', headers: { 'content-type': 'text/plain' } }))).statusCode).toBe(400);
    expect((await handle(event('POST', '/v1/things', { headers: jsonHeaders }))).statusCode).toBe(400);
    const big = await handle(event('POST', '/v1/things', { body: JSON.stringify({ name: 'x'.repeat(64 * 1024) }), headers: jsonHeaders }));
    expect(big.statusCode).toBe(413);
    const invalid = parse(await handle(event('POST', '/v1/things', { body: '{"name":"","role":"admin"}', headers: jsonHeaders })));
    expect(invalid.error.code).toBe('VALIDATION_FAILED');
    expect(invalid.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'role']);
    const query = parse(await handle(event('GET', '/v1/things/special', { query: { debug: '1' } })));
    expect(query.error.details).toEqual([expect.objectContaining({ in: 'query', field: 'debug' })]);
  });

  it('lets only the contract’s fields out', async () => {
    const r = await handle(event('POST', '/v1/things', { body: '{"name":"a"}', headers: jsonHeaders }));
    expect(r.statusCode).toBe(200);
    expect(parse(r)).toEqual({ ok: true });
  });

  it('checks the token and role before reading input', async () => {
    expect((await handle(event('GET', '/v1/mine'))).statusCode).toBe(401);
    const recipient = await tokens.issue({ role: 'recipient', id: 'r_1' }, now, 60);
    expect((await handle(event('GET', '/v1/mine', { headers: { authorization: `Bearer ${recipient}` } }))).statusCode).toBe(403);
    const admin = await tokens.issue({ role: 'admin', id: 'a_1' }, now, 60);
    expect((await handle(event('GET', '/v1/mine', { headers: { authorization: `Bearer ${admin}` } }))).statusCode).toBe(200);
    const expired = await tokens.issue({ role: 'admin', id: 'a_1' }, new Date(now.getTime() - 120_000), 60);
    expect((await handle(event('GET', '/v1/mine', { headers: { authorization: `Bearer ${expired}` } }))).statusCode).toBe(401);
  });

  it('turns an unexpected error into a 500 with the request id and nothing else, and logs it', async () => {
    const r = await handle(event('GET', '/v1/boom'));
    expect(r.statusCode).toBe(500);
    expect(parse(r)).toEqual({ error: { code: 'INTERNAL', message: expect.stringContaining('req-1') } });
    expect(r.body).not.toContain('exploded');
    expect(logged.at(-1)).toMatchObject({ requestId: 'req-1', error: { message: 'db exploded at secret place' } });
  });

  it('carries Retry-After on BUSY', async () => {
    const r = await handle(event('GET', '/v1/busy'));
    expect(r.statusCode).toBe(503);
    expect(r.headers['retry-after']).toBe('2');
  });
});

describe('the deployable route table', () => {
  it('holds no test-only route', async () => {
    const { routes } = await import('../../functions/routes.js');
    expect(routes.filter((r) => r.path.includes('__test__') || !r.path.startsWith('/v1/'))).toEqual([]);
  });
});
