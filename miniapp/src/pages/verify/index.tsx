import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { VerificationCategory, type VerificationBody } from '@contract';
import { Field } from '../../components/field';
import { NavLink } from '../../components/nav-link';
import { Notice } from '../../components/notice';
import { Pressable } from '../../components/pressable';
import { Resource } from '../../components/resource';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle, type MessageKey } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { useIdempotentAction } from '../../hooks/use-idempotent-action';
import { useResource } from '../../hooks/use-resource';
import { go } from '../../routes';
import { getMe, submitVerification } from '../../services/api';
import './index.css';

type Category = VerificationCategory;
const categories = VerificationCategory.options;

export default function VerifyPage() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [category, setCategory] = useState<Category | null>(null);
  const [note, setNote] = useState('');
  const [consent, setConsent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Every field's problem at once, each shown at its field.
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'name' | 'phone' | 'category' | 'consent', MessageKey>>>({});
  useTitle('verify.title');

  const user = useResource(async () => {
    const answer = await getMe();
    return answer.ok ? { ok: true as const, data: answer.data.user } : answer;
  }, []);
  // One application per form: a retry after a lost answer is the same application.
  const sending = useIdempotentAction((key, body: VerificationBody) => submitVerification(body, key), (_body: VerificationBody) => 'verification');

  const submit = async () => {
    if (sending.busy) return;
    const errors: typeof fieldErrors = {};
    if (!name.trim()) errors.name = 'verify.needName';
    if (!/^1\d{10}$/.test(phone)) errors.phone = 'verify.needPhone';
    if (!category) errors.category = 'verify.needCategory';
    if (!consent) errors.consent = 'verify.needConsent';
    setFieldErrors(errors);
    setProblem(null);
    if (Object.keys(errors).length > 0 || !category) return;
    const answer = await sending.run({ name: name.trim(), phone, category, note: note.trim() });
    if (!answer) return;
    if (!answer.ok) {
      setProblem(errorText(t, answer));
      return;
    }
    await user.reload();
  };

  const me = user.data ?? null;
  const pending = me?.verification?.status === 'PENDING';
  const approved = me?.verified && me.verifiedUntil;

  return (
    <View className='page verify' ariaRole='main'>
      <TopBar title={t('verify.title')} />
      {user.state.status !== 'ready' && (
        <Resource state={user.state} onRetry={() => void user.reload()}>
          {() => null}
        </Resource>
      )}
      {pending && (
        <View>
          <Notice kind='info' text={`${t('verify.pending')} ${t('verify.pendingNext')}`} className='verify__pending' />
          <View className='row links'>
            <NavLink to='bookings' className='verify__to-bookings' />
            <NavLink to='home' className='verify__to-home' />
          </View>
        </View>
      )}
      {approved && (
        <View>
          <Notice kind='ok' text={t('verify.approved', { d: me.verifiedUntil ?? '' })} className='verify__approved' />
          <Pressable className='btn btn--wide' role='link' onPress={go.back}>
            {t('bookings.toHome')}
          </Pressable>
        </View>
      )}
      {me && !pending && !approved && (
        <View className='verify__form'>
          {(me.verification?.status === 'REJECTED' || me.verification?.status === 'REVOKED') && (
            <View className='notice notice--error verify__decision'>
              {me.verification.reason
                ? t(me.verification.status === 'REJECTED' ? 'verify.rejectedBecause' : 'verify.revokedBecause', { r: me.verification.reason })
                : t(me.verification.status === 'REJECTED' ? 'verify.rejected' : 'verify.revoked')}
            </View>
          )}
          <View className='notice notice--info'>{t('verify.intro')}</View>
          <View className='card'>
            <Field label={t('verify.name')} inputClass='verify__name' value={name} maxlength={40} onChange={setName} error={fieldErrors.name && t(fieldErrors.name)} />
            <Field
              label={t('verify.phone')}
              inputClass='verify__phone'
              type='tel'
              value={phone}
              maxlength={11}
              onChange={setPhone}
              error={fieldErrors.phone && t(fieldErrors.phone)}
            />
            <Text className='field__label verify__category-label'>{t('verify.category')}</Text>
            <View className='verify__categories' ariaRole='radiogroup' ariaLabel={t('verify.category')}>
              {categories.map((c) => (
                <Pressable
                  key={c}
                  className={c === category ? 'choice choice--on' : 'choice'}
                  role='radio'
                  checked={c === category}
                  data={{ category: c }}
                  onPress={() => setCategory(c)}
                >
                  {t(`verify.cat.${c}`)}
                </Pressable>
              ))}
            </View>
            {fieldErrors.category && (
              <View className='field__error' ariaRole='alert'>
                {t(fieldErrors.category)}
              </View>
            )}
            <Field label={t('verify.note')} inputClass='verify__note' value={note} maxlength={300} multiline onChange={setNote} />
          </View>
          <View className='card verify__privacy'>
            <Text className='field__label'>{t('verify.privacyTitle')}</Text>
            <Text className='verify__privacy-text'>{t('verify.privacy')}</Text>
            <Pressable className={consent ? 'consent consent--on' : 'consent'} role='checkbox' checked={consent} onPress={() => setConsent(!consent)}>
              <Text className='consent__box'>{consent ? '✓' : ''}</Text>
              <Text>{t('verify.consent')}</Text>
            </Pressable>
            {fieldErrors.consent && (
              <View className='field__error' ariaRole='alert'>
                {t(fieldErrors.consent)}
              </View>
            )}
          </View>
          <Notice text={problem} className='verify__problem' />
          <Pressable className={sending.busy ? 'btn btn--wide btn--disabled' : 'btn btn--wide verify__submit'} onPress={() => void submit()}>
            {t('verify.submit')}
          </Pressable>
        </View>
      )}
    </View>
  );
}
