import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { inputType } from '../../components/field';
import { Pressable } from '../../components/pressable';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { go } from '../../routes';
import { phoneSignIn, sendPhoneCode } from '../../services/api';
import { keepToken } from '../../services/session';

// A browser recipient's identity where device keys are off: a phone confirmed by an SMS code.
export default function PhoneSignInPage() {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [sending, setSending] = useState(false);
  useTitle('phone.title');

  const send = async () => {
    if (sending || !phone) return;
    setSending(true);
    const answer = await sendPhoneCode(phone.trim());
    setSending(false);
    setNotice(answer.ok ? { kind: 'info', text: t('phone.sent', { n: Math.round(answer.data.expiresInSeconds / 60) }) } : { kind: 'error', text: errorText(t, answer) });
  };

  const signIn = async () => {
    if (sending || !phone || !code) return;
    setSending(true);
    const answer = await phoneSignIn(phone.trim(), code.trim());
    setSending(false);
    if (!answer.ok) {
      setNotice({ kind: 'error', text: answer.code === 'UNAUTHENTICATED' ? t('phone.wrong') : errorText(t, answer) });
      return;
    }
    keepToken(answer.data.token);
    go.back();
  };

  return (
    <View className='page phone-signin'>
      <TopBar title={t('phone.title')} />
      <View className='card'>
        <Text>{t('phone.intro')}</Text>
        <Text className='field__label'>{t('phone.number')}</Text>
        <Input className='field__input phone-signin__number' type={inputType('tel')} maxlength={14} value={phone} ariaLabel={t('phone.number')} onInput={(e) => setPhone(e.detail.value)} />
        <Pressable className={sending ? 'btn btn--disabled phone-signin__send' : 'btn phone-signin__send'} disabled={sending} onPress={() => void send()}>
          {t('phone.send')}
        </Pressable>
        <Text className='field__label'>{t('phone.code')}</Text>
        <Input className='field__input phone-signin__code' type='number' maxlength={8} value={code} ariaLabel={t('phone.code')} onInput={(e) => setCode(e.detail.value)} onConfirm={() => void signIn()} />
      </View>
      {notice && (
        <View className={`notice ${notice.kind === 'error' ? 'notice--error' : ''}`} ariaRole={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </View>
      )}
      <Pressable className={sending ? 'btn btn--wide btn--disabled phone-signin__submit' : 'btn btn--wide phone-signin__submit'} disabled={sending} onPress={() => void signIn()}>
        {t('phone.signin')}
      </Pressable>
    </View>
  );
}
