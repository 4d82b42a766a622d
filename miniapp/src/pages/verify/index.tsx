import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { VerificationCategory, type MeResponse } from '@contract';
import { StatusView } from '../../components/status-view';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle, type MessageKey } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { getMe, newIdempotencyKey, submitVerification, type Failure } from '../../services/api';
import './index.css';

type Category = VerificationCategory;
const categories = VerificationCategory.options;

type State = { status: 'loading' } | { status: 'error'; failure: Failure } | { status: 'ready'; me: MeResponse['user'] };

export default function VerifyPage() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const [note, setNote] = useState('');
  const [consent, setConsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const key = useRef<string | null>(null);
  useTitle('verify.title');

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const me = await getMe();
    setState(me.ok ? { status: 'ready', me: me.data.user } : { status: 'error', failure: me });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const submit = async () => {
    if (sending) return;
    const missing: MessageKey | null = !name.trim()
      ? 'verify.needName'
      : !/^1\d{10}$/.test(phone)
        ? 'verify.needPhone'
        : !category
          ? 'verify.needCategory'
          : !consent
            ? 'verify.needConsent'
            : null;
    if (missing || !category) {
      setProblem(t(missing ?? 'verify.needCategory'));
      return;
    }
    setProblem(null);
    setSending(true);
    key.current ??= newIdempotencyKey();
    const answer = await submitVerification({ name: name.trim(), phone, category, note: note.trim() }, key.current);
    setSending(false);
    if (!answer.ok) {
      if (answer.code !== 'NETWORK_ERROR') key.current = null;
      setProblem(errorText(t, answer));
      return;
    }
    key.current = null;
    await load();
  };

  const me = state.status === 'ready' ? state.me : null;
  const pending = me?.verification?.status === 'PENDING';
  const approved = me?.verified && me.verifiedUntil;

  return (
    <View className='page verify'>
      <TopBar title={t('verify.title')} />
      {state.status === 'loading' && <StatusView kind='loading' title={t('home.loading')} />}
      {state.status === 'error' && (
        <StatusView kind='error' title={t('home.error')} detail={errorText(t, state.failure)} onRetry={() => void load()} />
      )}
      {pending && (
        <View className='notice notice--info verify__pending' ariaRole='status'>
          {t('verify.pending')}
        </View>
      )}
      {approved && (
        <View>
          <View className='notice notice--ok verify__approved' ariaRole='status'>
            {t('verify.approved', { d: me.verifiedUntil ?? '' })}
          </View>
          <View className='btn btn--wide' ariaRole='button' onClick={() => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/home/index' }))}>
            {t('bookings.toHome')}
          </View>
        </View>
      )}
      {me && !pending && !approved && (
        <View className='verify__form'>
          {me.verification?.status === 'REJECTED' && <View className='notice notice--error'>{t('verify.rejected')}</View>}
          <View className='notice notice--info'>{t('verify.intro')}</View>
          <View className='card'>
            <Text className='field__label'>{t('verify.name')}</Text>
            <Input
              className='field__input verify__name'
              value={name}
              maxlength={40}
              ariaLabel={t('verify.name')}
              onInput={(e) => setName(e.detail.value)}
            />
            <Text className='field__label'>{t('verify.phone')}</Text>
            <Input
              className='field__input verify__phone'
              type='number'
              value={phone}
              maxlength={11}
              ariaLabel={t('verify.phone')}
              onInput={(e) => setPhone(e.detail.value)}
            />
            <Text className='field__label'>{t('verify.category')}</Text>
            <View className='verify__categories' ariaRole='radiogroup' ariaLabel={t('verify.category')}>
              {categories.map((c) => (
                <View
                  key={c}
                  className={c === category ? 'choice choice--on' : 'choice'}
                  ariaRole='radio'
                  aria-checked={c === category}
                  data-category={c}
                  onClick={() => setCategory(c)}
                >
                  {t(`verify.cat.${c}`)}
                </View>
              ))}
            </View>
            <Text className='field__label'>{t('verify.note')}</Text>
            <Textarea
              className='field__textarea verify__note'
              value={note}
              maxlength={300}
              ariaLabel={t('verify.note')}
              onInput={(e) => setNote(e.detail.value)}
            />
          </View>
          <View className='card verify__privacy'>
            <Text className='field__label'>{t('verify.privacyTitle')}</Text>
            <Text className='verify__privacy-text'>{t('verify.privacy')}</Text>
            <View
              className={consent ? 'consent consent--on' : 'consent'}
              ariaRole='checkbox'
              aria-checked={consent}
              ariaLabel={t('verify.consent')}
              onClick={() => setConsent(!consent)}
            >
              <Text className='consent__box'>{consent ? '✓' : ''}</Text>
              <Text>{t('verify.consent')}</Text>
            </View>
          </View>
          {problem && (
            <View className='notice notice--error verify__problem' ariaRole='alert'>
              {problem}
            </View>
          )}
          <View className={sending ? 'btn btn--wide btn--disabled' : 'btn btn--wide verify__submit'} ariaRole='button' onClick={() => void submit()}>
            {t('verify.submit')}
          </View>
        </View>
      )}
    </View>
  );
}
