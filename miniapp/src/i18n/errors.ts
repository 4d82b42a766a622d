import type { Failure } from '../services/request';
import { isMessageKey, type I18n } from './index';

/**
 * A failure as one plain sentence saying what to do next. `context` picks a wording for a screen
 * where a code means something else (e.g. 'staff': FORBIDDEN is another restaurant's voucher).
 */
export function errorText(t: I18n['t'], failure: Pick<Failure, 'code' | 'message' | 'details'>, context?: 'staff'): string {
  if (context) {
    const own = `${context}.error.${failure.code}`;
    if (isMessageKey(own)) return t(own);
  }
  const details = (failure.details ?? {}) as { limit?: unknown; suspendedUntil?: unknown };
  // One code, two limits: the details say whether the day's or the month's claims are used up.
  if (failure.code === 'DAILY_LIMIT_REACHED' && details.limit === 'month') return t('error.MONTHLY_LIMIT_REACHED');
  if (failure.code === 'SUSPENDED' && typeof details.suspendedUntil === 'string') return t('error.SUSPENDED_UNTIL', { d: details.suspendedUntil });
  const key = `error.${failure.code}`;
  return isMessageKey(key) ? t(key) : t('error.generic');
}
