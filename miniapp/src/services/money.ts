import type { Lang } from './languages';

/**
 * A large number compactly, the way each language groups it: 万 and 亿 in Chinese, k and M in
 * English (1,229,000 → 122.9 万 / 1.2M, never 1229k). Written out rather than Intl's compact
 * notation, which the mini-program's JavaScript engines do not all have.
 */
function compact(n: number, lang: Lang): string {
  const [unit, size] =
    lang === 'en' ? (n >= 1_000_000 ? ['M', 1_000_000] : ['k', 1000]) : n >= 100_000_000 ? [' 亿', 100_000_000] : [' 万', 10_000];
  const scaled = n / size;
  return `${scaled >= 100 ? Math.round(scaled) : scaled.toFixed(1)}${unit}`;
}

/** Fen as yuan for people: ¥25, ¥1,234; from 10,000 yuan compactly (¥4.8 万 / ¥48.2k, ¥1.2M). */
export function yuan(fen: number, lang: Lang): string {
  const y = Math.round(fen / 100);
  return y >= 10_000 ? `¥${compact(y, lang)}` : `¥${y.toLocaleString('en-US')}`;
}

/** Large counts compactly: 48,213 → 4.8 万 / 48.2k. */
export function count(n: number, lang: Lang): string {
  return n < 10_000 ? n.toLocaleString('en-US') : compact(n, lang);
}
