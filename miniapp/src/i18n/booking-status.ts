// A booking's status in words: one cancelled because its provider was suspended says so, so the
// recipient knows it was not their doing and another provider can feed them today.
import type { Booking } from '@contract';
import type { I18n } from './index';

export const bookingStatusText = (t: I18n['t'], b: Pick<Booking, 'status' | 'cancelReason'>): string =>
  b.status === 'CANCELLED' && b.cancelReason === 'provider_suspended' ? t('voucher.status.CANCELLED_SUSPENDED') : t(`voucher.status.${b.status}`);
