import type { Failure } from '../services/request';
import { isMessageKey, type I18n } from './index';

/**
 * A failure as one plain sentence saying what to do next. `context` picks a wording for a screen
 * where a code means something else (e.g. 'staff': FORBIDDEN is another restaurant's voucher).
 */
export function errorText(t: I18n['t'], failure: Pick<Failure, 'code' | 'message'>, context?: 'staff'): string {
  if (context) {
    const own = `${context}.error.${failure.code}`;
    if (isMessageKey(own)) return t(own);
  }
  const key = `error.${failure.code}`;
  return isMessageKey(key) ? t(key) : t('error.generic');
}
