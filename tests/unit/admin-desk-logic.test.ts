// The admin desk's pure helpers: a leaderboard preview compared with the last published version,
// period keys, numbers and money as the desk writes them, an audit entry's before/after laid side
// by side, and which documents have lapsed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditChanges } from '../../functions/contract/audit-text.js';
import { expiredDocuments as deskExpired } from '../../miniapp/src/admin/expired-documents.js';
import { keyFits, leaderboardDiff, periodKeyOf } from '../../miniapp/src/admin/leaderboard-diff.js';
import { countText, moneyText, yuanText } from '../../miniapp/src/admin/numbers.js';
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

describe('the desk’s numbers', () => {
  it('are grouped by thousands, and money is yuan with its cents', () => {
    expect(countText(8542)).toBe('8,542');
    expect(countText(0)).toBe('0');
    expect(yuanText(123450)).toBe('1,234.50');
    expect(yuanText(2590)).toBe('25.90');
    expect(moneyText(123456789)).toBe('¥1,234,567.89');
  });
});

describe('an audit entry side by side', () => {
  it('lists changed fields first, in words, then the unchanged; values as text, never JSON', () => {
    const rows = auditChanges({ name: '面馆', status: 'PENDING', hygienePermit: { number: 'X' } }, { name: '面馆', status: 'ACTIVE', hygienePermit: { number: 'X' } }, 'zh-CN');
    expect(rows).toEqual([
      { field: 'status', label: '状态', before: '待审批', after: '运营中', changed: true },
      { field: 'name', label: '名称', before: '面馆', after: '面馆', changed: false },
      { field: 'hygienePermit', label: '卫生许可证', before: '证号：X', after: '证号：X', changed: false },
    ]);
    expect(auditChanges({ status: 'PENDING' }, { status: 'ACTIVE' }, 'en')[0]).toMatchObject({ label: 'Status', before: 'pending', after: 'active' });
    // Instants in Beijing time, never UTC beside it.
    expect(auditChanges(null, { updatedAt: '2026-11-30T03:40:00.000Z' }, 'zh-CN')[0]).toMatchObject({ label: '修改时间', after: '2026-11-30 11:40' });
  });

  it('a creation shows every field of the new record as changed, with nothing before; money in yuan, windows as times', () => {
    expect(auditChanges(null, { id: 's_1', disabled: false, valueFen: 1500, windows: [{ id: 'lunch', start: '11:30', end: '13:30' }] }, 'zh-CN')).toEqual([
      { field: 'id', label: '编号', before: undefined, after: 's_1', changed: true },
      { field: 'disabled', label: '已停用', before: undefined, after: '否', changed: true },
      { field: 'valueFen', label: '价值', before: undefined, after: '¥15.00', changed: true },
      { field: 'windows', label: '取餐时段', before: undefined, after: '11:30–13:30', changed: true },
    ]);
  });

  it('values that are not records are compared whole', () => {
    expect(auditChanges('a', 'b', 'en')).toEqual([{ field: '', label: '', before: 'a', after: 'b', changed: true }]);
    // A new record's unset field is not a change.
    expect(auditChanges(null, { reason: null }, 'en')[0]).toMatchObject({ field: 'reason', changed: false });
    expect(auditChanges(null, null, 'en')).toEqual([]);
  });

  it('every field of either side appears exactly once, and no value is JSON (property)', () => {
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.oneof(fc.integer(), fc.constantFrom('面馆', 'ACTIVE', 'x'), fc.constant(null), fc.array(fc.record({ x: fc.integer() })), fc.record({ y: fc.boolean() })));
    fc.assert(
      fc.property(fc.option(record), fc.option(record), fc.constantFrom('zh-CN' as const, 'en' as const), (before, after, lang) => {
        const rows = auditChanges(before, after, lang);
        const expected = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
        expect(rows.map((r) => r.field).sort()).toEqual([...expected].sort());
        for (const r of rows) for (const v of [r.before, r.after]) expect(v ?? '').not.toMatch(/[{}[\]"]/);
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
