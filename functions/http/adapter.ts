import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { AdminPrincipal, Ctx } from '../app/context.js';
import { mayUse, type AdminEndpointName } from '../contract/admin-roles.js';
import type { AdminRole } from '../contract/office.js';
import { Accepted, PreparedJson } from '../app/prepared.js';
import type { Deps } from '../app/deps.js';
import type { ErrorCode } from '../contract/common.js';
import { DomainError, type FieldProblem } from '../domain/errors.js';
import type { Telemetry } from '../observability/telemetry.js';
import type { Route } from '../routes.js';
import type { Principal, Verified } from '../security/tokens.js';
import { envelope, statusOf } from './errors.js';
import { errorsOf } from '../contract/operations.js';
import { pathMatcher } from './match.js';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string>; body: string };
export type HttpHandler = (event: HttpEvent) => Promise<HttpResult>;

const NoBody = z.strictObject({});
const NoQuery = z.strictObject({});

function json(status: number, body: unknown, requestId: string, extra: Record<string, string> = {}): HttpResult {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-request-id': requestId, ...extra },
    body: body instanceof PreparedJson ? body.json : JSON.stringify(body),
  };
}

/** A non-JSON answer (a CSV export): the text as is, named after the route's last segment for saving. */
function download(route: Route, text: unknown, requestId: string): HttpResult {
  if (typeof text !== 'string') throw new Error(`${route.path} produces ${route.produces} but answered ${typeof text}`);
  const filename = route.path.split('/').pop()!;
  return {
    statusCode: route.status ?? 200,
    headers: { 'content-type': route.produces!, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store', 'x-request-id': requestId },
    body: text,
  };
}

function errorResult(e: DomainError, requestId: string, extra: Record<string, string> = {}): HttpResult {
  const headers = e.retryAfter !== undefined ? { ...extra, 'retry-after': String(e.retryAfter) } : extra;
  return json(statusOf[e.code], envelope(e.code, e.message, e.details), requestId, headers);
}

const refuse = (code: ErrorCode, message: string, details?: unknown): never => {
  throw new DomainError(code, message, details);
};

function problems(where: FieldProblem['in'], error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => {
    // Unknown keys are reported once per key, named by the key itself.
    const keys = i.code === 'unrecognized_keys' ? i.keys : [undefined];
    return keys.map((k) => ({ in: where, field: [...i.path, ...(k === undefined ? [] : [k])].join('.') || '(root)', message: i.message }));
  }).flat();
}

function validate<T>(schema: z.ZodType<T>, value: unknown, where: FieldProblem['in']): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const found = problems(where, r.error);
  return refuse('VALIDATION_FAILED', found.map((p) => `${p.field}: ${p.message}`).join('; '), found);
}

function readBody(event: HttpEvent, maxBytes: number): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > maxBytes) refuse('PAYLOAD_TOO_LARGE', `bodies are limited to ${maxBytes} bytes`);
  const type = (event.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') refuse('BAD_REQUEST', 'send the body as application/json');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return refuse('BAD_REQUEST', 'the body is not valid UTF-8 JSON');
  }
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,64}$/;

function idempotencyKeyOf(event: HttpEvent): string | null {
  const key = event.headers['idempotency-key'];
  if (key === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(key)) {
    refuse('VALIDATION_FAILED', 'Idempotency-Key must be 8–64 visible ASCII characters', [{ in: 'header', field: 'Idempotency-Key', message: '8–64 visible ASCII characters' }]);
  }
  return key;
}

async function authenticate(route: Route, event: HttpEvent, deps: Deps, now: Date): Promise<Principal | AdminPrincipal | null> {
  if (route.auth === 'public') return null;
  const header = event.headers.authorization ?? '';
  const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header)?.[1];
  const principal = token ? await deps.tokens.verify(token, now) : null;
  if (!principal) return refuse('UNAUTHENTICATED', 'sign in again: the session token is missing, invalid or expired');
  if (principal.role !== route.auth && !route.alsoFor?.includes(principal.role)) return refuse('FORBIDDEN', `this route is for ${[route.auth, ...(route.alsoFor ?? [])].join(' and ')} accounts`);
  // The session version rides as an extra claim, independent of how tokens are signed.
  if (principal.role === 'staff' && !(await deps.staffSessions.accepts({ id: principal.id, sv: Number(principal.claims.sv ?? 0) }))) {
    return refuse('UNAUTHENTICATED', 'this session has ended; sign in again');
  }
  if (principal.role === 'admin') return admitAdmin(route, principal, deps);
  return principal;
}

/** Routes an administrator may use before anything else: their own account, and signing out. */
const ownAccount = (route: Route) => route.path.startsWith('/v1/admin/me') || route.name === 'endAdminSessions';

/**
 * An admin token stands while its account's session version does; the account's role and
 * sub-districts come from the same (cached) read, and the route table says which roles may call
 * this route (contract/admin-roles.ts). A reset password, or (where required) a missing second
 * factor, leaves the account only its own pages.
 */
async function admitAdmin(route: Route, principal: Extract<Verified, { role: 'admin' }>, deps: Deps): Promise<AdminPrincipal> {
  const username = String(principal.claims.u ?? '');
  const state = await deps.adminSessions.current({ id: username, sv: Number(principal.claims.sv ?? 0) });
  if (!state) return refuse('UNAUTHENTICATED', 'this session has ended; sign in again');
  const office = { role: state.adminRole, districts: state.districts, totpOn: state.totpOn, mustChangePassword: state.mustChangePassword };
  if (!mayUse(office.role, route.name as AdminEndpointName)) return refuse('FORBIDDEN', `a ${office.role} may not use this route`, { role: office.role });
  if (!ownAccount(route)) {
    if (office.mustChangePassword) return refuse('PASSWORD_CHANGE_REQUIRED', 'choose a new password first (POST /v1/admin/me/password)');
    if (deps.config.office.requireTotp && totpRoles.has(office.role) && !office.totpOn) {
      return refuse('TOTP_REQUIRED', 'turn on two-step sign-in first (POST /v1/admin/me/totp)');
    }
  }
  return { ...principal, username, office };
}

const totpRoles: ReadonlySet<AdminRole> = new Set(['owner', 'clerk']);

export interface AdapterOptions {
  routes: readonly Route[];
  deps: Deps;
  clock: () => Date;
  /** Where unexpected errors are reported (with the request id; never sent to the client). */
  log?: (entry: Record<string, unknown>) => void;
  /** Business metrics and event log lines (functions/observability/telemetry.ts). */
  telemetry?: Telemetry;
  /**
   * Runs a matched route's work (authentication to answer): the local server uses it to enforce
   * the route's function group's table grants (functions/local/table-grants.ts). On AWS each group
   * is its own function, with its own role, so there is nothing to do.
   */
  within?: <T>(route: Route, run: () => Promise<T>) => Promise<T>;
}

/** The provider a successful answer is about, for the per-provider event lines (ids only). */
const providerIdOf = (result: unknown): Record<string, string> => {
  const id = (result as { booking?: { providerId?: unknown } } | null)?.booking?.providerId;
  return typeof id === 'string' ? { providerId: id } : {};
};

/**
 * API Gateway HTTP API (v2) event → route → parsed input → use case → response. The one place
 * where input is validated, roles are checked and errors become the contract's envelope.
 */
export function httpHandler({ routes, deps, clock, log = (e) => console.error(JSON.stringify(e)), telemetry, within = (_, run) => run() }: AdapterOptions): HttpHandler {
  const match = pathMatcher(routes.map((r) => ({ path: r.path, value: r })));
  // The refusals the API reference promises per operation; answering another is drift to fix.
  const declared = new Map(routes.map((r) => [r.name, new Set(errorsOf(r.name, r))]));

  // Every answer carries the service clock's time in `Date`: the app counts down pickup windows
  // from it, so a phone whose clock is off still shows the right time left.
  return async function handle(event) {
    const result = await answer(event);
    result.headers.date = clock().toUTCString();
    return result;
  };

  async function answer(event: Parameters<HttpHandler>[0]): Promise<HttpResult> {
    const requestId = event.requestContext?.requestId || randomUUID();
    const method = (event.requestContext?.http?.method ?? 'GET').toUpperCase();
    const matches = match(event.rawPath ?? '/');
    const allowed = [...new Set(matches.map((m) => m.value.method))];
    let route: Route | null = null;
    try {
      if (matches.length === 0) refuse('NOT_FOUND', `no route ${event.rawPath}`);
      const hit = matches.find((m) => m.value.method === method);
      if (!hit) {
        return errorResult(new DomainError('METHOD_NOT_ALLOWED', `use ${allowed.join(', ')}`), requestId, { allow: allowed.join(', ') });
      }
      const r = hit.value;
      route = r;
      return await within(r, async () => {
        const now = clock();
        const principal = await authenticate(r, event, deps, now);
        const rawBody = readBody(event, deps.config.http.maxBodyBytes);
        const body = r.body ? validate(r.body, rawBody ?? refuse('BAD_REQUEST', 'this route needs a JSON body'), 'body') : validate(NoBody, rawBody ?? {}, 'body');
        const query = validate(r.query ?? NoQuery, event.queryStringParameters ?? {}, 'query');
        const params = r.params ? r.params.safeParse(hit.params) : { success: true as const, data: undefined };
        if (!params.success) refuse('NOT_FOUND', `no such ${r.path}`);
        const idempotencyKey = r.idempotent ? idempotencyKeyOf(event) : null;
        const client = event.requestContext?.http?.sourceIp || 'unknown';
        const ctx: Ctx = { deps, now, principal, requestId, route: r.name, client, idempotencyKey };
        const result = await r.handler(ctx, { body: r.body ? body : undefined, query, params: params.data });
        // Answers pass through the contract's schema: fields it does not name never leave the server.
        telemetry?.succeeded(r, providerIdOf(result));
        if (result instanceof Accepted) return json(202, r.accepted!.parse(result.body), requestId, {});
        if (r.produces) return download(r, r.response.parse(result), requestId);
        const cache: Record<string, string> = r.maxAgeSeconds ? { 'cache-control': `public, max-age=${r.maxAgeSeconds}` } : {};
        return json(r.status ?? 200, result instanceof PreparedJson ? result : r.response.parse(result), requestId, cache);
      });
    } catch (e) {
      if (e instanceof DomainError) {
        telemetry?.refused(route, e.code);
        if (route && !declared.get(route.name)?.has(e.code)) {
          log({ level: 'warn', requestId, message: 'refusal not declared in functions/contract/operations.ts', route: route.name, code: e.code });
        }
        return errorResult(e, requestId);
      }
      log({ level: 'error', requestId, route: `${method} ${event.rawPath}`, error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) });
      return json(500, envelope('INTERNAL', `something went wrong on our side (request ${requestId})`), requestId);
    }
  }
}
