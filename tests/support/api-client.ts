import { endpoints, ErrorEnvelope, successSchema, type Endpoint, type EndpointInput, type EndpointName, type Endpoints, type SuccessOf } from '../../functions/contract/index.js';
import type { Fetcher } from './source-address.js';

/**
 * A test client typed from the contract's endpoint list: `app.api.getProvider({ params: { id } })`.
 *
 * Inputs are typed but never checked here (the server must judge them). Answers are checked: a
 * success must carry the endpoint's status and parse against its response schema, and an error
 * must be the contract's envelope, so every test that uses this client also tests the contract.
 * For malformed requests (raw bytes, wrong content types) use `app.call`.
 */

export type ApiInput<E extends Endpoint> = EndpointInput<E> & {
  token?: string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
};


/** The success body: parsed JSON for JSON endpoints, the text for those that produce something else (CSV). */
export type ApiOutput<E extends Endpoint> = E extends { produces: string } ? string : SuccessOf<E>;

export type ApiError = ErrorEnvelope['error'];

interface ReplyBase {
  status: number;
  headers: Headers;
  text: string;
}
/** Either the endpoint's success (ok, typed body) or the contract's error (ok false, typed error). */
export type ApiReply<T> = ReplyBase & ({ ok: true; body: T; error?: undefined } | { ok: false; body?: undefined; error: ApiError });

type Args<E extends Endpoint> = object extends ApiInput<E> ? [input?: ApiInput<E>] : [input: ApiInput<E>];

export interface ApiCall<E extends Endpoint> {
  /** The success body; throws (with status and answer) on anything else, so a failed setup step stops the test at once. */
  (...args: Args<E>): Promise<ApiOutput<E>>;
  /** The whole answer, for tests about refusals: `expect((await app.api.x.reply(…)).error?.code).toBe(…)`. */
  reply(...args: Args<E>): Promise<ApiReply<ApiOutput<E>>>;
}

export type ApiClient = { [N in EndpointName]: ApiCall<Endpoints[N]> };

export class ApiCallFailed extends Error {
  override name = 'ApiCallFailed';
  constructor(
    readonly endpoint: EndpointName,
    readonly reply: ReplyBase,
  ) {
    super(`${endpoint}: expected ${endpoints[endpoint].method} ${endpoints[endpoint].path} to succeed, got ${reply.status} ${reply.text.slice(0, 500)}`);
  }
}

function target(e: Endpoint, params: Record<string, unknown> = {}, query: Record<string, unknown> = {}): string {
  const path = e.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) search.append(k, String(v));
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** What send() reads of any endpoint's input. */
interface LooseInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  token?: string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

async function send(baseUrl: string, fetcher: Fetcher, name: EndpointName, input: LooseInput = {}): Promise<ApiReply<unknown>> {
  const e: Endpoint = endpoints[name];
  const headers: Record<string, string> = { ...input.headers };
  if (input.token) headers.authorization = `Bearer ${input.token}`;
  if (input.idempotencyKey) headers['idempotency-key'] = input.idempotencyKey;
  let body: string | undefined;
  if (input.body !== undefined) {
    body = JSON.stringify(input.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetcher(baseUrl + target(e, input.params, input.query), { method: e.method, headers, body });
  const text = await res.text();
  const base = { status: res.status, headers: res.headers, text };
  if (res.status === (e.status ?? 200) || (res.status === 202 && e.accepted)) {
    if (e.produces) return { ...base, ok: true, body: text };
    const parsed = successSchema(e, res.status).safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${name}: the ${res.status} answer breaks the contract: ${parsed.error.message}\n${text.slice(0, 500)}`);
    return { ...base, ok: true, body: parsed.data };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${name}: a ${res.status} answer that is not JSON: ${text.slice(0, 200)}`);
  }
  const envelope = ErrorEnvelope.safeParse(json);
  if (!envelope.success) throw new Error(`${name}: a ${res.status} answer outside the error envelope: ${text.slice(0, 500)}`);
  return { ...base, ok: false, error: envelope.data.error };
}

/**
 * The answer's JSON as the server sent it. A reply's `body` and `error` are parsed, and parsing drops
 * any field the contract does not name; a test that an answer says nothing more (no existence
 * oracle, nothing about the person) compares this instead.
 */
export function asSent(reply: { text: string }): unknown {
  return JSON.parse(reply.text) as unknown;
}

/** `fetcher`: how requests are sent (tests/support/source-address.ts sends them from another address). */
export function apiClient(baseUrl: string, fetcher: Fetcher = fetch): ApiClient {
  const client: Record<string, unknown> = {};
  for (const name of Object.keys(endpoints) as EndpointName[]) {
    const reply = (input?: LooseInput) => send(baseUrl, fetcher, name, input);
    const call = async (input?: LooseInput) => {
      const r = await reply(input);
      if (!r.ok) throw new ApiCallFailed(name, r);
      return r.body;
    };
    client[name] = Object.assign(call, { reply });
  }
  return client as ApiClient;
}
