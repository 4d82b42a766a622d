import * as z from 'zod';
import { ErrorEnvelope } from './common.js';
import { endpoints, type Endpoint } from './endpoints.js';

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

/** The OpenAPI 3.1 document of the contract, generated from the same zod schemas the server validates with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, e] of Object.entries(endpoints) as [string, Endpoint][]) {
    const op: Record<string, unknown> = {
      operationId: name,
      tags: [e.auth, ...(e.alsoFor ?? [])],
      security: e.auth === 'public' ? [] : [{ bearer: [] }],
      parameters: parameters(e),
      responses: {
        [String(e.status ?? 200)]: { description: 'success', content: { [e.produces ?? 'application/json']: { schema: schema(e.response, 'output') } } },
        default: { description: 'an error from the contract’s table (docs/api.md)', content: { 'application/json': { schema: schema(ErrorEnvelope, 'output') } } },
      },
    };
    if (e.body) op.requestBody = { required: true, content: { 'application/json': { schema: schema(e.body, 'input') } } };
    (paths[e.path] ??= {})[e.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'M餐 API', version: '1', description: 'Generated from functions/contract by `npm run docs`; conventions in docs/api.md.' },
    servers: [{ url: 'http://127.0.0.1:8787' }],
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
