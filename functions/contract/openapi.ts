import * as z from 'zod';
import type { ErrorCode } from './common.js';
import { endpoints, type Endpoint, type EndpointName } from './endpoints.js';
import { statusOf as errorStatus } from './status.js';
import { errorsOf, operations } from './operations.js';

/** JSON Schema of a zod schema; refinements that JSON Schema cannot say are described in docs/api.md. */
const schema = (s: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

function parameters(e: Endpoint) {
  const out: Record<string, unknown>[] = [];
  for (const [where, s] of [['path', e.params], ['query', e.query]] as const) {
    if (!s) continue;
    const js = schema(s, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, p] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: p });
    }
  }
  return out;
}

const TAGS = {
  public: 'No session: sign-in and what anyone may read',
  recipient: 'A recipient’s own account, bookings and thanks',
  staff: 'Staff at a provider’s counter (their own provider only)',
  admin: 'Administrators: providers, verification, points, impact, leaderboards, audit',
} as const;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'No valid session',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Refused by the current state',
  413: 'Body too large',
  422: 'Invalid input',
  429: 'Too many attempts',
  500: 'Failure on the server',
  503: 'Busy or not configured',
};

const header = (description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ description, schema });
const requestIdHeader = { 'x-request-id': header('Names this request in the server’s logs; quote it when reporting a problem') };
const retryAfterHeader = { 'retry-after': header('Seconds to wait before trying again', { type: 'integer', minimum: 1 }) };

/** One response per status, its envelope's `code` narrowed to the codes this operation may give. */
function errorResponses(name: EndpointName, e: Endpoint) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorsOf(name, e)) {
    const status = errorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, unknown> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const envelope = {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string', enum: codes }, message: { type: 'string' }, details: {} },
        },
      },
    };
    out[String(status)] = {
      description: `${STATUS_TEXT[status] ?? 'Error'}: ${codes.join(', ')} (docs/api.md)`,
      headers: status === 429 || status === 503 ? { ...requestIdHeader, ...retryAfterHeader } : requestIdHeader,
      content: { 'application/json': { schema: envelope } },
    };
  }
  return out;
}

function successResponse(e: Endpoint) {
  const headers: Record<string, unknown> = { ...requestIdHeader };
  if (e.maxAgeSeconds) headers['cache-control'] = header(`public, max-age=${e.maxAgeSeconds}: the answer may be that many seconds old`);
  if (e.produces) headers['content-disposition'] = header('attachment, with a file name for saving');
  return { description: 'Success', headers, content: { [e.produces ?? 'application/json']: { schema: schema(e.response, 'output') } } };
}

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Send the same key when retrying: a repeat within 24 hours gets the first answer and does nothing again',
  schema: { type: 'string', pattern: '^[\\x21-\\x7e]{8,64}$' },
};

/** The OpenAPI 3.1 document of the contract, generated from the same zod schemas the server validates with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, e] of Object.entries(endpoints) as [EndpointName, Endpoint][]) {
    const op: Record<string, unknown> = {
      operationId: name,
      summary: operations[name].summary,
      description: `${operations[name].summary}. ${e.auth === 'public' ? 'No session needed.' : `Needs a ${[e.auth, ...(e.alsoFor ?? [])].join(' or ')} session.`}${e.idempotent ? ' Honours Idempotency-Key.' : ''}`,
      tags: [e.auth, ...(e.alsoFor ?? [])],
      security: e.auth === 'public' ? [] : [{ bearer: [] }],
      parameters: [...parameters(e), ...(e.idempotent ? [idempotencyKey] : [])],
      responses: {
        [String(e.status ?? 200)]: successResponse(e),
        ...(e.accepted ? { 202: { description: 'Accepted: the change waits for a second administrator (four eyes); nothing moved yet', headers: requestIdHeader, content: { 'application/json': { schema: schema(e.accepted, 'output') } } } } : {}),
        ...errorResponses(name, e),
      },
    };
    if (e.body) op.requestBody = { required: true, content: { 'application/json': { schema: schema(e.body, 'input') } } };
    (paths[e.path] ??= {})[e.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'M餐 API',
      version: '1',
      description: 'Free meals booked, picked up and counted. Generated from functions/contract by `npm run docs`; conventions in docs/api.md.',
      contact: { name: 'M餐 programme engineers' },
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [
      {
        url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
        description: 'A deployed stage (the stack prints its URL as ApiUrl)',
        variables: { apiId: { default: 'abc123', description: 'The HTTP API id' }, region: { default: 'ap-east-1', description: 'The stack’s region' } },
      },
      { url: 'http://127.0.0.1:8787', description: 'Local mode (npm start)' },
    ],
    tags: Object.entries(TAGS).map(([tag, description]) => ({ name: tag, description })),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

/** The route list for docs/api.md, one row per endpoint. */
export function routeTable(): string {
  const rows = (Object.entries(endpoints) as [string, Endpoint][]).map(
    ([name, e]) => `| \`${e.method} ${e.path}\` | ${[e.auth, ...(e.alsoFor ?? [])].join(', ')} | ${e.status ?? 200} | \`${name}\` |`,
  );
  return ['| route | who | success | operation |', '|---|---|---|---|', ...rows].join('\n');
}
