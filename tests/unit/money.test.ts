// How the phone shows large sums and counts, in each language.
import { describe, expect, it } from 'vitest';
import { count, yuan } from '../../miniapp/src/services/money.js';

describe('compact money and counts on the phone', () => {
  it('groups large sums by 万 and 亿 in Chinese, k and M in English, and never says 1229k', () => {
    expect(yuan(2_590, 'zh-CN')).toBe('¥26');
    expect(yuan(123_400, 'en')).toBe('¥1,234');
    expect(yuan(4_800_000, 'zh-CN')).toBe('¥4.8 万');
    expect(yuan(122_900_000, 'en')).toBe('¥1.2M');
    expect(yuan(122_900_000, 'zh-CN')).toBe('¥123 万');
    expect(yuan(25_000_000_000, 'zh-CN')).toBe('¥2.5 亿');
    expect(count(48_213, 'en')).toBe('48.2k');
    expect(count(48_213, 'zh-CN')).toBe('4.8 万');
    expect(count(9_999, 'en')).toBe('9,999');
  });
});
