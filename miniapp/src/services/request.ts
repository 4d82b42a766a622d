// The one place that talks HTTP (the only caller of Taro.request). Every call answers a Result:
// pages never see an exception, a raw response, or data the contract does not describe.
import Taro from '@tarojs/taro';
import { z } from 'zod';
import { ErrorCode, successSchema, type Endpoint, type EndpointInput, type SuccessOf } from '@contract';
import { noteServerDate } from './clock';
import { readString, StorageKey } from './storage';

// The mini-program runtime forbids `new Function`; zod must not even probe for it there.
if (process.env.TARO_ENV !== 'h5') z.config({ jitless: true });

/** Outcomes the client itself detects, next to the server's own error codes. */
export type ClientErrorCode =
  | 'NETWORK_ERROR' // no answer at all: offline, DNS, timeout, refused
  | 'BAD_RESPONSE' // an answer the contract does not describe
  | 'INVALID_INPUT' // the call's own input failed the contract; nothing was sent
  | 'LOGIN_FAILED' // wx.login gave no code, so no session could be asked for
  | 'SIGN_IN_NEEDED' // this server takes no device keys: the phone sign-in page was opened
  | 'HTTP_ERROR'; // a non-2xx answer without a recognisable error envelope

export interface Failure {
  ok: false;
  code: ErrorCode | ClientErrorCode;
  message: string;
  /** HTTP status; 0 when no answer came back or nothing was sent. */
  status: number;
  /** The error's `details`, when the server sent any (e.g. `suspendedUntil`). */
  details?: unknown;
  /** Seconds to wait before trying again, from `Retry-After` (RATE_LIMITED, BUSY). */
  retryAfter?: number;
}
export type Result<T> = { ok: true; data: T } | Failure;

export type RequestInput<E extends Endpoint> = EndpointInput<E> & {
  /** Sent as Idempotency-Key on POSTs that create things (8–64 chars). */
  idempotencyKey?: string;
};

export type ResponseOf<E extends Endpoint> = SuccessOf<E>;
/** Makes the input argument optional when the endpoint needs none. */
type InputArgs<E extends Endpoint> = object extends RequestInput<E> ? [input?: RequestInput<E>] : [input: RequestInput<E>];

const TIMEOUT_MS = 15_000;

const sessionKey: Partial<Record<Endpoint['auth'], StorageKey>> = { staff: StorageKey.staffToken, admin: StorageKey.adminToken };

/** Baked in at build time (config/index.ts); '' on H5 means "this page's own origin". */
export const apiBase: string = (process.env.TARO_APP_API ?? '').replace(/\/+$/, '');

/** Lenient on `code` so that a code added on the server later still reaches the page as text. */
const LooseErrorEnvelope = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

function fail(code: Failure['code'], message: string, status = 0): Failure {
  return { ok: false, code, message, status };
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** `/v1/providers/{id}` + {id: 'p 1'} + {district: 'x'} → `/v1/providers/p%201?district=x` */
export function buildPath(template: string, params: Record<string, unknown> = {}, query: Record<string, unknown> = {}): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
  const search = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return search ? `${path}?${search}` : path;
}

function validate(schema: z.ZodType | undefined, value: unknown, part: string): Result<Record<string, unknown> | undefined> {
  if (!schema) return { ok: true, data: undefined };
  const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (!parsed.success) return fail('INVALID_INPUT', `${part}: ${describe(parsed.error)}`);
  return { ok: true, data: parsed.data as Record<string, unknown> | undefined };
}

export async function request<E extends Endpoint>(endpoint: E, ...args: InputArgs<E>): Promise<Result<ResponseOf<E>>> {
  const input = (args[0] ?? {}) as { params?: unknown; query?: unknown; body?: unknown; idempotencyKey?: string };

  const params = validate(endpoint.params, input.params, 'params');
  if (!params.ok) return params;
  const query = validate(endpoint.query, input.query, 'query');
  if (!query.ok) return query;
  const body = validate(endpoint.body, input.body, 'body');
  if (!body.ok) return body;

  // A download (the stats CSV) is text: read as text, not parsed as JSON.
  const header: Record<string, string> = { Accept: endpoint.produces ?? 'application/json' };
  if (endpoint.body) header['Content-Type'] = 'application/json';
  // Staff and admin routes carry their own sessions; every other route the recipient's (staff and
  // recipient can share one device, e.g. a restaurant's own phone).
  const token = readString(sessionKey[endpoint.auth] ?? StorageKey.token);
  if (token) header.Authorization = `Bearer ${token}`;
  if (input.idempotencyKey) header['Idempotency-Key'] = input.idempotencyKey;

  let response: Taro.request.SuccessCallbackResult;
  try {
    response = await Taro.request({
      url: apiBase + buildPath(endpoint.path, params.data, query.data),
      // wx.request has no PATCH: PATCH routes are admin routes, used from the H5 build.
      method: endpoint.method as keyof Taro.request.Method,
      header,
      data: endpoint.body ? body.data : undefined,
      dataType: endpoint.produces ? 'text' : 'json',
      timeout: TIMEOUT_MS,
    });
  } catch (error) {
    const message = (error as { errMsg?: string; message?: string } | undefined)?.errMsg ?? String((error as Error)?.message ?? error);
    return fail('NETWORK_ERROR', message || 'network request failed');
  }

  const status = response.statusCode;
  const headers = lowerCased(response.header);
  noteServerDate(headers.date);
  if (status >= 200 && status < 300) {
    const parsed = successSchema(endpoint, status).safeParse(response.data);
    if (!parsed.success) return fail('BAD_RESPONSE', describe(parsed.error), status);
    return { ok: true, data: parsed.data as ResponseOf<E> };
  }

  const envelope = LooseErrorEnvelope.safeParse(response.data);
  if (!envelope.success) return fail('HTTP_ERROR', `HTTP ${status}`, status);
  const known = ErrorCode.safeParse(envelope.data.error.code);
  const failure: Failure = fail(known.success ? known.data : 'HTTP_ERROR', envelope.data.error.message, status);
  if (envelope.data.error.details !== undefined) failure.details = envelope.data.error.details;
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) failure.retryAfter = retryAfter;
  return failure;
}

/** Header names as lower case (H5 and WeChat spell them differently). */
function lowerCased(header: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (header && typeof header === 'object') for (const [k, v] of Object.entries(header)) out[k.toLowerCase()] = String(v);
  return out;
}

/** A fresh Idempotency-Key for one user action (a retried tap reuses it; a new tap gets a new one). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  try {
    crypto.getRandomValues(bytes);
  } catch {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
