import Taro from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { TopBar } from '../../components/top-bar';
import { useIdempotentAction } from '../../hooks/use-idempotent-action';
import { useI18n, useTitle } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { go, routes } from '../../routes';
import { createWalkIn } from '../../services/api';
import { cacheBooking } from '../../services/vouchers';

/** Walk in: scan the restaurant's poster (weapp) or paste its code (H5) and get a booking at once. */
export default function WalkInPage() {
  const { t } = useI18n();
  const [poster, setPoster] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const sending = useIdempotentAction((key, value: string) => createWalkIn(value, key), (value) => value);
  useTitle('walkin.title');

  const claim = async (text: string) => {
    const value = text.trim();
    if (!value) return;
    setProblem(null);
    const answer = await sending.run(value);
    if (!answer) return;
    if (!answer.ok) {
      setProblem(errorText(t, answer, 'walkIn'));
      return;
    }
    cacheBooking(answer.data.booking);
    go.replace(routes.voucher(answer.data.booking.id));
  };

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setPoster(result);
      await claim(result);
    } catch {
      // cancelled
    }
  };

  return (
    <View className='page walkin'>
      <TopBar title={t('walkin.title')} />
      {process.env.TARO_ENV === 'weapp' && (
        <Pressable className='btn btn--wide' onPress={() => void scan()}>
          {t('walkin.scan')}
        </Pressable>
      )}
      <View className='card'>
        <Input
          className='field__input walkin__poster'
          value={poster}
          placeholder={t('walkin.paste')}
          ariaLabel={t('walkin.paste')}
          onInput={(e) => setPoster(e.detail.value)}
        />
      </View>
      {problem && (
        <View className='notice notice--error' ariaRole='alert'>
          {problem}
        </View>
      )}
      <Pressable className={sending.busy ? 'btn btn--wide btn--disabled' : 'btn btn--wide walkin__submit'} onPress={() => void claim(poster)}>
        {t('walkin.submit')}
      </Pressable>
    </View>
  );
}
