// The admin desk's pure helpers: a leaderboard preview compared with the last published version,
// period keys, an audit entry's before/after laid side by side, and which documents have lapsed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditChanges } from '../../miniapp/src/admin/audit-changes.js';
import { expiredDocuments as deskExpired } from '../../miniapp/src/admin/expired-documents.js';
import { keyFits, leaderboardDiff, periodKeyOf } from '../../miniapp/src/admin/leaderboard-diff.js';
import { expiredDocuments as serverExpired } from '../../functions/domain/provider.js';

const entry = (providerId: string, rank: number, meals: number) => ({ providerId, rank, meals });

describe('a leaderboard preview against the last published version', () => {
  it('says who is new, who moved and by how much, who kept the rank, and who dropped off', () => {
    const published = [entry('a', 1, 10), entry('b', 2, 8), entry('c', 3, 5)];
    const preview = [entry('b', 1, 14), entry('a', 2, 12), entry('d', 3, 6)];
    const diff = leaderboardDiff(preview, published);
    expect(diff.changes.get('b')).toEqual({ kind: 'moved', by: 1, meals: 6 });
    expect(diff.changes.get('a')).toEqual({ kind: 'moved', by: -1, meals: 2 });
    expect(diff.changes.get('d')).toEqual({ kind: 'new' });
    expect(diff.dropped.map((e) => e.providerId)).toEqual(['c']);
    expect(leaderboardDiff([entry('a', 1, 11)], [entry('a', 1, 10)]).changes.get('a')).toEqual({ kind: 'same', meals: 1 });
  });

  it('against nothing published, everyone is new and nobody dropped (property: every preview entry gets one change)', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 });
    fc.assert(
      fc.property(ids, ids, fc.boolean(), (now, before, nothingPublished) => {
        const preview = now.map((id, i) => entry(id, i + 1, 10 - i));
        const published = nothingPublished ? null : before.map((id, i) => entry(id, i + 1, 5));
        const diff = leaderboardDiff(preview, published);
        expect([...diff.changes.keys()].sort()).toEqual([...now].sort());
        if (!published) expect([...diff.changes.values()].every((c) => c.kind === 'new')).toBe(true);
        expect(diff.dropped.map((e) => e.providerId).sort()).toEqual((published ?? []).map((e) => e.providerId).filter((id) => !(now as string[]).includes(id)).sort());
      }),
    );
  });
});

describe('period keys', () => {
  it('names the period a Shanghai date falls in, in the form the API accepts', () => {
    expect(periodKeyOf('month', '2026-11-29')).toBe('2026-11');
    expect(periodKeyOf('quarter', '2026-11-29')).toBe('2026-Q4');
    expect(periodKeyOf('quarter', '2026-03-31')).toBe('2026-Q1');
    expect(periodKeyOf('year', '2026-11-29')).toBe('2026');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), fc.constantFrom('month', 'quarter', 'year' as const), (d, p) => {
        expect(keyFits(p, periodKeyOf(p, d.toISOString().slice(0, 10)))).toBe(true);
      }),
    );
  });

  it('refuses keys of another period type', () => {
    expect(keyFits('month', '2026-Q4')).toBe(false);
    expect(keyFits('month', '2026-13')).toBe(false);
    expect(keyFits('quarter', '2026-Q5')).toBe(false);
    expect(keyFits('year', '2026-11')).toBe(false);
  });
});

describe('an audit entry side by side', () => {
  it('lists changed fields first, then counts the rest as unchanged', () => {
    const rows = auditChanges({ name: '面馆', status: 'PENDING', hygienePermit: { number: 'X' } }, { name: '面馆', status: 'ACTIVE', hygienePermit: { number: 'X' } });
    expect(rows).toEqual([
      { field: 'status', before: 'PENDING', after: 'ACTIVE', changed: true },
      { field: 'name', before: '面馆', after: '面馆', changed: false },
      { field: 'hygienePermit', before: '{"number":"X"}', after: '{"number":"X"}', changed: false },
    ]);
  });

  it('a creation shows every field of the new record as changed, with nothing before', () => {
    expect(auditChanges(null, { id: 's_1', disabled: false })).toEqual([
      { field: 'id', before: undefined, after: 's_1', changed: true },
      { field: 'disabled', before: undefined, after: 'false', changed: true },
    ]);
  });

  it('values that are not records are compared whole', () => {
    expect(auditChanges('a', 'b')).toEqual([{ field: '', before: 'a', after: 'b', changed: true }]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it('every field of either side appears exactly once (property)', () => {
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.oneof(fc.integer(), fc.string(), fc.constant(null)));
    fc.assert(
      fc.property(fc.option(record), fc.option(record), (before, after) => {
        const fields = auditChanges(before, after).map((r) => r.field);
        const expected = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
        expect(fields.sort()).toEqual([...expected].sort());
      }),
    );
  });
});

describe('a provider’s lapsed documents on the desk', () => {
  it('are the ones the server’s approval refuses, for any dates', () => {
    const day = fc.integer({ min: 0, max: 90 }).map((n) => new Date(Date.UTC(2026, 9, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (licence, permit, today) => {
        const p = { businessLicence: { number: 'B', expiresOn: licence }, hygienePermit: { number: 'H', expiresOn: permit } };
        expect(deskExpired(p, today)).toEqual(serverExpired(p, today));
      }),
    );
  });
});
