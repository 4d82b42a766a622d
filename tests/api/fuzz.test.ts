import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { keys } from '../../functions/store/keys.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { recipient, staff } from '../support/people.js';

let app: TestApp;
let tokens: string[];
beforeAll(async () => {
  app = await startTestApp({ seed: true });
  tokens = [await recipient(app), await staff(app, 'staff-futian'), await app.adminToken()];
  // The poster token is made on first view; make it now, so the run below starts from a settled table.
  await app.api.staffPoster({ token: tokens[1] });
});
afterAll(() => app.stop());

/** Paths shaped like real routes, with their parameters replaced by anything at all. */
const path = fc.oneof(
  fc.constantFrom(...routes.map((r) => r.path)).chain((template) =>
    fc
      .array(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('%', '%zz', '..', '%2F', '😀', 'demo-futian-x')), { minLength: 4, maxLength: 4 })
      .map((vals) => {
        let i = 0;
        return template.replace(/\{[^}]+\}/g, () => encodeURIComponent(vals[i++]!).replace('%25zz', '%zz'));
      }),
  ),
  fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
  fc.constantFrom('/v1', '/v1/', '/v1//providers', '/v1/providers/', '/v1/admin/providers/x/offerings/', '/__test__/nope'),
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.json().map((j) => j),
  fc.string({ maxLength: 300 }),
  fc.jsonValue().map((v) => JSON.stringify({ deviceKey: v, username: v, password: v, name: v, kind: v, windows: v, dailyQuota: v })),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
  fc.constant('{"a":' + '['.repeat(5000)),
  fc.constant(JSON.stringify({ blob: 'x'.repeat(70 * 1024) })),
);

const headers = fc.record({
  'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', '', 'application/x-www-form-urlencoded', 'APPLICATION/JSON'),
  authorization: fc.oneof(fc.constant(''), fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`), fc.nat({ max: 2 }).map((i) => `Bearer ${tokens[i]}`), fc.constant('Basic YWRtaW46YWRtaW4=')),
});

const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD');

// The writes that need no input but a token the run holds: they would succeed, and "nothing
// changed" could not hold (ending the admin's sessions would also end the run's admin token).
// Their refusals are covered in the staff and admin-session tests.
const NO_INPUT_WRITES = [
  { method: 'POST', path: '/v1/staff/poster/rotate' },
  { method: 'DELETE', path: '/v1/admin/sessions' },
  // Enrolling in two-step sign-in writes a pending secret (tests/api/totp.test.ts).
  { method: 'POST', path: '/v1/admin/me/totp' },
];
const isRotate = (m: string, p: string) => NO_INPUT_WRITES.some((w) => m === w.method && p === w.path);

const ROLE_TOKEN = { recipient: 0, staff: 1, admin: 2 } as const;

/** Requests that get past routing and auth — the right method and role — with bodies that are anything. */
const aimed = fc.constantFrom(...routes.filter((r) => !isRotate(r.method, r.path))).chain((r) =>
  fc.tuple(
    fc.constant(r.method as string),
    fc.array(fc.string({ maxLength: 12 }), { minLength: 4, maxLength: 4 }).map((vals) => {
      let i = 0;
      return r.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(vals[i++] || 'x'));
    }),
    fc.constant({ 'content-type': 'application/json', authorization: r.auth === 'public' ? '' : `Bearer ${tokens[ROLE_TOKEN[r.auth]]}` }),
    body,
  ),
);

/** The table's items, less the rate counters that refused requests legitimately count. */
const data = async () => (await app.tableItems()).filter((i) => !String(i.PK).startsWith(keys.ratePrefix));

describe('no input a client can send yields a 5xx or a stack trace', () => {
  it('2,000 random requests: only contract errors, nothing changed', async () => {
    const before = await data();
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.tuple(method, path, headers, body).filter(([m, p]) => !isRotate(m, p)), aimed), async ([m, p, h, b]) => {
        const hdrs: Record<string, string> = {};
        if (h['content-type']) hdrs['content-type'] = h['content-type'];
        if (h.authorization) hdrs.authorization = h.authorization;
        const res = await fetch(app.url + p, { method: m, headers: hdrs, body: m === 'GET' || m === 'HEAD' ? undefined : b });
        const text = await res.text();
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        expect(res.status, `${m} ${p} → ${text}`).toBeLessThan(500);
        expect(text).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|Error:/);
        if (res.status >= 400 && m !== 'HEAD') {
          const parsed = JSON.parse(text);
          expect(Object.keys(parsed)).toEqual(['error']);
          expect(typeof parsed.error.code).toBe('string');
          expect(typeof parsed.error.message).toBe('string');
        }
      }),
      // A fixed seed: the same 2,000 requests every run, so the coverage check below cannot flicker.
      { numRuns: 2000, seed: 20261128 },
    );
    // Nothing in the table changed (providers, slots, bookings, accounts, ledgers…), only the rate counters.
    expect(await data()).toEqual(before);
    // The run really exercised the error paths, not just one of them.
    for (const status of [400, 401, 404, 405, 413, 422]) expect(seen.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  });
});
