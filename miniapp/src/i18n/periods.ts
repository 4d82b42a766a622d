import type { Period } from '@contract';
import type { I18n } from './index';

/** `2026-11` → 2026年11月 / 11/2026; `2026-Q4` → 2026年第4季度 / Q4 2026; `2026` → 2026年. */
export function periodLabel(t: I18n['t'], period: Period, key: string): string {
  const y = key.slice(0, 4);
  if (period === 'month') return t('period.month', { y, m: Number(key.slice(5, 7)) });
  if (period === 'quarter') return t('period.quarter', { y, q: key.slice(-1) });
  return t('period.year', { y });
}
