import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone } from '../../functions/domain/phone.js';

describe('masked phone numbers', () => {
  it('keep the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('never show the middle digits, and keep the length (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,15}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(phone.length);
        if (phone.length < 8) expect(masked).toMatch(/^\*+$/);
        else {
          expect(masked.slice(3, -4)).toMatch(/^\*+$/);
          expect(masked.slice(0, 3) + masked.slice(-4)).toBe(phone.slice(0, 3) + phone.slice(-4));
        }
      }),
    );
  });
});
