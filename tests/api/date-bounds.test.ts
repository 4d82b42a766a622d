/**
 * Every date and period a route accepts has a sane range: a bad one is a 422 naming the field,
 * never a hang (the audit's month walk never ended for `to=0000-01-01`) and never a 500 (years
 * 0000–0099 and 9999 broke the period arithmetic).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await startTestApp({ seed: false });
  await app.setClock('2026-11-30T11:40:00+08:00');
  admin = await app.adminToken();
});
afterAll(() => app.stop());

const fieldsOf = (details: unknown): string[] => (details as { field: string }[]).map((d) => d.field);

describe('the audit log', () => {
  it('answers `to=0000-01-01` with a 422, and the server keeps answering', async () => {
    const r = await app.api.listAudit.reply({ token: admin, query: { to: '0000-01-01' } });
    expect(r.status).toBe(422);
    expect(r.error?.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(r.error?.details)).toContain('to');
    expect((await app.call('GET', '/healthz')).status).toBe(200);
  });

  it('reads at most a year per request; a longer range is a 422 on `to`', async () => {
    const long = await app.api.listAudit.reply({ token: admin, query: { from: '2025-11-29', to: '2026-11-30' } });
    expect(long.status).toBe(422);
    expect(fieldsOf(long.error?.details)).toEqual(['to']);
    const centuries = await app.api.listAudit.reply({ token: admin, query: { from: '1500-01-01', to: '2027-12-31' } });
    expect(centuries.status).toBe(422);
    // Only `from`, far back: the range runs to today, and is just as long.
    expect((await app.api.listAudit.reply({ token: admin, query: { from: '2020-01-01' } })).status).toBe(422);
    // A whole leap year is one request.
    expect((await app.api.listAudit.reply({ token: admin, query: { from: '2024-01-01', to: '2024-12-31' } })).status).toBe(200);
  });
});

/** Years no programme date can name, around the edges that broke: 0000–0099, 1999, 2100, 9999. */
const badYear = fc.oneof(fc.integer({ min: 0, max: 99 }), fc.constantFrom(1500, 1999, 2100, 9999)).map((y) => String(y).padStart(4, '0'));
const month = fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, '0'));

describe('periods and dates out of range are 422, never 500', () => {
  it('stats, its CSV, the integrity report and the audit log with such dates', async () => {
    await fc.assert(
      fc.asyncProperty(badYear, month, fc.constantFrom('from', 'to'), async (y, m, field) => {
        const date = `${y}-${m}-01`;
        const query = field === 'from' ? { from: date } : { to: date };
        const reads = {
          '/v1/admin/stats': () => app.api.adminStats.reply({ token: admin, query }),
          '/v1/admin/stats.csv': () => app.api.adminStatsCsv.reply({ token: admin, query }),
          '/v1/admin/integrity': () => app.api.adminIntegrity.reply({ token: admin, query }),
          '/v1/admin/audit': () => app.api.listAudit.reply({ token: admin, query }),
        };
        for (const [path, read] of Object.entries(reads)) {
          const r = await read();
          expect(r.status, `${path} ${field}=${date}: ${r.text}`).toBe(422);
          expect(fieldsOf(r.error?.details)).toContain(field);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('leaderboard preview and publish with such keys are 422; the public version path is 404', async () => {
    const key = fc.oneof(
      badYear.map((y) => ['year', y] as const),
      fc.tuple(badYear, month).map(([y, m]) => ['month', `${y}-${m}`] as const),
      fc.tuple(badYear, fc.integer({ min: 1, max: 4 })).map(([y, q]) => ['quarter', `${y}-Q${q}`] as const),
      fc.constantFrom(['month', '2026-9999'] as const, ['quarter', '2026-Q9999'] as const, ['year', '99999'] as const),
    );
    await fc.assert(
      fc.asyncProperty(key, async ([period, k]) => {
        const preview = await app.api.previewLeaderboard.reply({ token: admin, query: { period, key: k } });
        expect(preview.status, `preview ${period} ${k}: ${preview.text}`).toBe(422);
        const publish = await app.api.publishLeaderboard.reply({ token: admin, body: { period, key: k } });
        expect(publish.status, `publish ${period} ${k}: ${publish.text}`).toBe(422);
        // In a path, a key that names no period is no such resource (as any malformed id is).
        const read = await app.api.getLeaderboard.reply({ params: { period, key: k } });
        expect(read.status, `read ${period} ${k}: ${read.text}`).toBe(404);
      }),
      { numRuns: 40 },
    );
  });

  it('a licence dated outside 2000–2099 is refused', async () => {
    const r = await app.api.createProvider.reply({
      token: admin,
      body: {
        name: '远古餐厅',
        kind: 'restaurant',
        district: 'futian',
        address: '福田路 1 号',
        businessLicence: { number: 'BL-1', expiresOn: '0001-01-01' },
        hygienePermit: { number: 'HP-1', expiresOn: '9999-12-31' },
      },
    });
    expect(r.status).toBe(422);
    expect(fieldsOf(r.error?.details)).toEqual(expect.arrayContaining(['businessLicence.expiresOn', 'hygienePermit.expiresOn']));
  });
});
