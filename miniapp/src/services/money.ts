import type { Lang } from './languages';

/** Fen as yuan for people: ¥25, ¥1,234; large sums in 万 (zh-CN) or thousands (en). */
export function yuan(fen: number, lang: Lang): string {
  const y = Math.round(fen / 100);
  if (y >= 10_000) return lang === 'en' ? `¥${(y / 1000).toFixed(y >= 1_000_000 ? 0 : 1)}k` : `¥${(y / 10_000).toFixed(y >= 1_000_000 ? 0 : 1)} 万`;
  return `¥${y.toLocaleString('en-US')}`;
}

/** Large counts compactly: 48,213 → 4.8 万 / 48.2k. */
export function count(n: number, lang: Lang): string {
  if (n < 10_000) return n.toLocaleString('en-US');
  return lang === 'en' ? `${(n / 1000).toFixed(1)}k` : `${(n / 10_000).toFixed(1)} 万`;
}
