import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Field } from '../../components/field';
import { lazy, Suspense, useState } from 'react';
import { Pressable } from '../../components/pressable';
import { TopBar } from '../../components/top-bar';
import { useIdempotentAction } from '../../hooks/use-idempotent-action';
import { useI18n, useTitle } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { go, routes } from '../../routes';
import { createWalkIn } from '../../services/api';
import { cacheBooking } from '../../services/vouchers';

// The staff scan page's camera reader, its own chunk, fetched on the first tap; WeChat has scanCode.
const Camera = process.env.TARO_ENV === 'h5' ? lazy(() => import('../../components/camera')) : null;

/** The poster's code from what was pasted: the code itself, or a link that carries it (`?poster=`). */
function posterCode(text: string): string {
  const value = text.trim();
  const match = /[?&]poster=([^&#\s]+)/.exec(value);
  return match ? decodeURIComponent(match[1]!) : value;
}

/** Walk in: scan the restaurant's poster (weapp) or paste its code (H5) and get a booking at once. */
export default function WalkInPage() {
  const { t } = useI18n();
  const { params } = useRouter();
  // A poster scanned with the phone's camera opens this page with its code in the URL.
  const [poster, setPoster] = useState(() => decodeURIComponent(params.poster ?? ''));
  const [problem, setProblem] = useState<string | null>(null);
  const sending = useIdempotentAction((key, value: string) => createWalkIn(value, key), (value) => value);
  useTitle('walkin.title');

  const claim = async (text: string) => {
    const value = posterCode(text);
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

  const [camera, setCamera] = useState(false);
  const scan = async () => {
    if (Camera) {
      setCamera(true);
      return;
    }
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setPoster(result);
      await claim(result);
    } catch {
      // cancelled
    }
  };

  return (
    <View className='page walkin' ariaRole='main'>
      <TopBar title={t('walkin.title')} />
      <Pressable className='btn btn--wide walkin__scan' onPress={() => void scan()}>
        {t('walkin.scan')}
      </Pressable>
      <View className='card'>
        <Field label={t('walkin.paste')} inputClass='walkin__poster' value={poster} onChange={setPoster} />
      </View>
      {problem && (
        <View className='notice notice--error' ariaRole='alert'>
          {problem}
        </View>
      )}
      <Pressable className={sending.busy ? 'btn btn--wide btn--disabled' : 'btn btn--wide walkin__submit'} onPress={() => void claim(poster)}>
        {t('walkin.submit')}
      </Pressable>
      {Camera && camera && (
        <Suspense fallback={null}>
          <Camera
            labels={{ title: t('walkin.scan'), denied: t('walkin.cameraDenied'), close: t('nav.back') }}
            onClose={() => setCamera(false)}
            onResult={(text) => {
              setCamera(false);
              setPoster(posterCode(text));
              void claim(text);
            }}
          />
        </Suspense>
      )}
    </View>
  );
}
