import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Field } from '../../components/field';
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { TopBar } from '../../components/top-bar';
import { useIdempotentAction } from '../../hooks/use-idempotent-action';
import { useQrScanner } from '../../components/qr-scanner';
import { useI18n, useTitle } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { go, routes } from '../../routes';
import { useResource } from '../../hooks/use-resource';
import { createWalkIn, previewWalkIn } from '../../services/api';
import { cacheBooking } from '../../services/vouchers';

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
  // What the tap would claim, said before it: the restaurant, the meal and window open now (or the
  // next one and when it opens), and the rules. Read again as the code changes.
  const code = posterCode(poster);
  const preview = useResource(() => (code ? previewWalkIn(code) : Promise.resolve({ ok: true as const, data: null })), [code]);
  const what = preview.data;

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

  const scanner = useQrScanner(
    (text) => {
      setPoster(posterCode(text));
      return claim(text);
    },
    { title: t('walkin.scan'), denied: t('walkin.cameraDenied'), close: t('nav.back') },
  );

  return (
    <View className='page walkin' ariaRole='main'>
      <TopBar title={t('walkin.title')} />
      <Pressable className='btn btn--wide walkin__scan' onPress={() => void scanner.scan()}>
        {t('walkin.scan')}
      </Pressable>
      <View className='card'>
        <Field label={t('walkin.paste')} inputClass='walkin__poster' value={poster} onChange={setPoster} />
      </View>
      {what && (
        <View className='card walkin__what' ariaRole='status'>
          <View className='walkin__provider' ariaRole='heading' aria-level='2'>
            {what.providerName}
          </View>
          {what.claim ? (
            <Text className='walkin__claim'>
              {t('walkin.claim', { o: what.claim.offeringName, s: what.claim.window.start, e: what.claim.window.end })}
            </Text>
          ) : (
            <Text className='walkin__closed'>
              {what.next ? t('walkin.next', { s: what.next.start, e: what.next.end, at: what.next.opensAt }) : t('walkin.none')}
            </Text>
          )}
          <Text className='muted walkin__rules'>{t('walkin.rules')}</Text>
        </View>
      )}
      {problem && (
        <View className='notice notice--error' ariaRole='alert'>
          {problem}
        </View>
      )}
      <Pressable
        className={sending.busy || (what && !what.claim) ? 'btn btn--wide btn--disabled walkin__submit' : 'btn btn--wide walkin__submit'}
        disabled={Boolean(sending.busy) || Boolean(what && !what.claim)}
        onPress={() => void claim(poster)}
      >
        {t('walkin.submit')}
      </Pressable>
      {scanner.reader}
    </View>
  );
}
