import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateString, DeviceSessionBody, MultilineText, OfferingContract, ProviderInput, Text, TimeString } from '../../functions/contract/index.js';

const contract = {
  name: '午餐',
  kind: 'meal',
  dailyQuota: 10,
  weekdays: [1, 2, 3],
  windows: [{ id: 'a', start: '11:00', end: '12:00' }],
  standard: '一荤两素',
  valueFen: 1500,
  active: true,
};

const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('contract schemas', () => {
  const control = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));
  const printable = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/\p{Cc}/u.test(s));

  it('Text refuses any control character anywhere, and takes any text without one (property)', () => {
    fc.assert(
      fc.property(printable, control, printable, (a, c, b) => {
        const inside = `x${a}${c}${b}x`;
        expect(Text(100).safeParse(inside).success).toBe(false);
        // Multi-line text keeps its line breaks, and nothing else of the kind.
        expect(MultilineText(100).safeParse(inside).success).toBe(c === '\n');
        expect(Text(100).safeParse(`x${a}${b}x`).success).toBe(`x${a}${b}x`.length <= 100);
      }),
    );
  });

  it('DateString takes the years 2000–2099 only (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const s = d.toISOString().slice(0, 10);
        expect(DateString.safeParse(s).success).toBe(s >= '2000-01-01' && s <= '2099-12-31');
      }),
    );
  });

  it('TimeString accepts exactly HH:MM from 00:00 to 23:59 (property)', () => {
    fc.assert(
      fc.property(hhmm, (t) => {
        expect(TimeString.safeParse(t).success).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const valid = /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
        expect(TimeString.safeParse(s).success).toBe(valid);
      }),
    );
  });

  it('accepts any set of non-overlapping, ordered windows and rejects overlapping ones (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 2, maxLength: 12 }), (points) => {
        const sorted = [...points].sort((a, b) => a - b);
        const fmt = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const windows = [];
        for (let i = 0; i + 1 < sorted.length && windows.length < 6; i += 2) windows.push({ id: `w${i}`, start: fmt(sorted[i]!), end: fmt(sorted[i + 1]!) });
        expect(OfferingContract.safeParse({ ...contract, windows }).success).toBe(true);
        if (windows.length >= 2) {
          const overlapping = [...windows, { id: 'overlap', start: windows[0]!.start, end: windows[windows.length - 1]!.end }];
          if (overlapping.length <= 6) expect(OfferingContract.safeParse({ ...contract, windows: overlapping }).success).toBe(false);
        }
      }),
    );
  });

  it('rejects unknown fields instead of ignoring them (no mass assignment)', () => {
    expect(OfferingContract.safeParse({ ...contract, providerId: 'p_x' }).success).toBe(false);
    const provider = {
      name: 'x',
      kind: 'restaurant',
      district: 'futian',
      address: 'y',
      businessLicence: { number: '1', expiresOn: '2027-01-01' },
      hygienePermit: { number: '2', expiresOn: '2027-01-01' },
    };
    expect(ProviderInput.safeParse(provider).success).toBe(true);
    expect(ProviderInput.safeParse({ ...provider, status: 'ACTIVE' }).success).toBe(false);
    expect(ProviderInput.safeParse({ ...provider, hygienePermit: { number: '2', expiresOn: '2027-02-30' } }).success).toBe(false);
    expect(DeviceSessionBody.safeParse({ deviceKey: 'a'.repeat(32), extra: 1 }).success).toBe(false);
  });
});
