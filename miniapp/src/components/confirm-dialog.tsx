import { Text, View } from '@tarojs/components';
import type { Booking } from '@contract';
import { windowPhase } from '../services/time';
import { useI18n } from '../i18n';
import { useModal } from '../hooks/use-modal';
import { Pressable } from './pressable';

export interface ConfirmDialogProps {
  title: string;
  body?: string;
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question with two buttons; drawn by the app so it looks and tests the same on both targets. */
export function ConfirmDialog({ title, body, confirmText, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useI18n();
  useModal('.dialog', onCancel, '.dialog__cancel');
  return (
    <View className='dialog' ariaRole='alertdialog' aria-modal='true' ariaLabel={title}>
      <View className='dialog__box'>
        <View className='dialog__title' ariaRole='heading' aria-level='2'>
          {title}
        </View>
        {body && <Text className='dialog__body'>{body}</Text>}
        <View className='dialog__actions'>
          <Pressable className='btn btn--grey dialog__cancel' onPress={onCancel}>
            {t('nav.back')}
          </Pressable>
          <Pressable className='btn dialog__confirm' onPress={onConfirm}>
            {confirmText}
          </Pressable>
        </View>
      </View>
    </View>
  );
}

/**
 * "Cancel this booking?" — the one confirmation the voucher page and My bookings share. Once the
 * pickup window has opened, cancelling still gives the meal back but counts as a missed pickup
 * and keeps the day's claim used (the server's rule, from the window's start): say so first.
 */
export function CancelBookingDialog({ booking, onConfirm, onCancel }: Pick<ConfirmDialogProps, 'onConfirm' | 'onCancel'> & { booking: Pick<Booking, 'date' | 'window'> }) {
  const { t } = useI18n();
  const late = windowPhase(booking.date, booking.window.start, booking.window.end).phase !== 'before';
  return (
    <ConfirmDialog
      title={t('voucher.cancelConfirmTitle')}
      body={t(late ? 'voucher.cancelConfirmLate' : 'voucher.cancelConfirm')}
      confirmText={t('voucher.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
