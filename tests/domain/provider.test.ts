import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptySlot, remaining, runsOn } from '../../functions/domain/offering.js';
import { expiredDocuments, isOpenForBookings, nextStatus, posterWindows } from '../../functions/domain/provider.js';

const doc = (expiresOn: string) => ({ number: 'X', expiresOn });

describe('provider status and documents', () => {
  it('PENDING → ACTIVE by approval, ACTIVE ⇄ SUSPENDED by suspension and reinstatement, nothing else', () => {
    expect(nextStatus('PENDING', 'approve')).toBe('ACTIVE');
    expect(nextStatus('SUSPENDED', 'approve')).toBeNull();
    expect(nextStatus('ACTIVE', 'approve')).toBeNull();
    expect(nextStatus('ACTIVE', 'suspend')).toBe('SUSPENDED');
    expect(nextStatus('PENDING', 'suspend')).toBeNull();
    expect(nextStatus('SUSPENDED', 'suspend')).toBeNull();
    expect(nextStatus('SUSPENDED', 'reinstate')).toBe('ACTIVE');
    expect(nextStatus('PENDING', 'reinstate')).toBeNull();
    expect(nextStatus('ACTIVE', 'reinstate')).toBeNull();
  });

  it('takes bookings only when ACTIVE with both documents valid through today', () => {
    const ok = { status: 'ACTIVE' as const, businessLicence: doc('2026-12-01'), hygienePermit: doc('2026-12-01') };
    expect(isOpenForBookings(ok, '2026-12-01')).toBe(true);
    expect(isOpenForBookings(ok, '2026-12-02')).toBe(false);
    expect(isOpenForBookings({ ...ok, hygienePermit: doc('2026-11-30') }, '2026-12-01')).toBe(false);
    expect(isOpenForBookings({ ...ok, status: 'SUSPENDED' }, '2026-11-01')).toBe(false);
    expect(isOpenForBookings({ ...ok, status: 'PENDING' }, '2026-11-01')).toBe(false);
  });

  it('names the documents that expired before today, the ones approval refuses', () => {
    const p = { businessLicence: doc('2020-06-30'), hygienePermit: doc('2026-12-01') };
    expect(expiredDocuments(p, '2026-12-01')).toEqual([{ document: 'businessLicence', expiresOn: '2020-06-30' }]);
    // Both, in a fixed order: licence, then permit.
    expect(expiredDocuments(p, '2026-12-02')).toEqual([
      { document: 'businessLicence', expiresOn: '2020-06-30' },
      { document: 'hygienePermit', expiresOn: '2026-12-01' },
    ]);
    expect(expiredDocuments({ ...p, businessLicence: doc('2027-01-01') }, '2026-12-01')).toEqual([]);
  });

  it('refuses approval exactly when the provider could not take bookings once ACTIVE', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (licence, permit, today) => {
        const p = { status: 'ACTIVE' as const, businessLicence: doc(licence), hygienePermit: doc(permit) };
        expect(expiredDocuments(p, today).length === 0).toBe(isOpenForBookings(p, today));
      }),
    );
  });
});

describe('offerings', () => {
  it('run only when active and on one of their weekdays', () => {
    expect(runsOn({ active: true, weekdays: [1, 2, 3, 4, 5] }, 5)).toBe(true);
    expect(runsOn({ active: true, weekdays: [1, 2, 3, 4, 5] }, 6)).toBe(false);
    expect(runsOn({ active: false, weekdays: [1, 2, 3, 4, 5, 6, 7] }, 1)).toBe(false);
  });

  it('meals left never go below zero nor above capacity (property)', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(600), fc.nat(600), fc.nat(600), (capacity, booked, redeemed, walkIns) => {
        const left = remaining(capacity, { booked, redeemed, walkIns });
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left).toBeLessThanOrEqual(capacity);
        if (booked + walkIns <= capacity) expect(left).toBe(capacity - booked - walkIns);
      }),
    );
    expect(remaining(12, emptySlot)).toBe(12);
  });
});

describe('the windows a poster shows', () => {
  const span = fc.constantFrom('11:00-12:00', '11:30-13:30', '17:00-19:00', '11:00-13:00').map((s) => ({ start: s.slice(0, 5), end: s.slice(6) }));
  const offering = fc.record({ active: fc.boolean(), windows: fc.array(span, { maxLength: 3 }) });

  it('lists each active window once, earliest first, and nothing from an inactive offering', () => {
    fc.assert(
      fc.property(fc.array(offering, { maxLength: 5 }), (offerings) => {
        const shown = posterWindows(offerings).map((w) => `${w.start}-${w.end}`);
        const active = new Set(offerings.filter((o) => o.active).flatMap((o) => o.windows.map((w) => `${w.start}-${w.end}`)));
        expect(new Set(shown)).toEqual(active);
        expect(shown).toHaveLength(active.size);
        expect(shown).toEqual([...shown].sort());
      }),
    );
  });
});
