import { Text, View } from '@tarojs/components';
import { useI18n } from '../i18n';
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
  return (
    <View className='dialog' ariaRole='dialog' ariaLabel={title}>
      <View className='dialog__box'>
        <Text className='dialog__title'>{title}</Text>
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

/** "Cancel this booking?" — the one confirmation the voucher page and My bookings share. */
export function CancelBookingDialog({ onConfirm, onCancel }: Pick<ConfirmDialogProps, 'onConfirm' | 'onCancel'>) {
  const { t } = useI18n();
  return <ConfirmDialog title={t('voucher.cancelConfirmTitle')} body={t('voucher.cancelConfirm')} confirmText={t('voucher.cancel')} onConfirm={onConfirm} onCancel={onCancel} />;
}
