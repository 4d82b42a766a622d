import Taro from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { createWalkIn, newIdempotencyKey } from '../../services/api';
import { cacheBooking } from '../../services/vouchers';

/** Walk in: scan the restaurant's poster (weapp) or paste its code (H5) and get a booking at once. */
export default function WalkInPage() {
  const { t } = useI18n();
  const [poster, setPoster] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const attempt = useRef<{ poster: string; key: string } | null>(null);
  useTitle('walkin.title');

  const claim = async (text: string) => {
    const value = text.trim();
    if (!value || sending) return;
    if (attempt.current?.poster !== value) attempt.current = { poster: value, key: newIdempotencyKey() };
    setSending(true);
    setProblem(null);
    const answer = await createWalkIn(value, attempt.current.key);
    setSending(false);
    if (answer.ok || answer.code !== 'NETWORK_ERROR') attempt.current = null;
    if (!answer.ok) {
      setProblem(answer.code === 'INVALID_INPUT' ? t('error.INVALID_VOUCHER') : errorText(t, answer));
      return;
    }
    cacheBooking(answer.data.booking);
    void Taro.redirectTo({ url: `/pages/voucher/index?id=${answer.data.booking.id}` });
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
        <View className='btn btn--wide' ariaRole='button' onClick={() => void scan()}>
          {t('walkin.scan')}
        </View>
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
      <View className={sending ? 'btn btn--wide btn--disabled' : 'btn btn--wide walkin__submit'} ariaRole='button' onClick={() => void claim(poster)}>
        {t('walkin.submit')}
      </View>
    </View>
  );
}
