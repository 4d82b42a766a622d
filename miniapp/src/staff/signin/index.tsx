import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { Pressable } from '../../components/pressable';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { go, routes } from '../../routes';
import { staffSignIn } from '../../services/api';
import { keepSignInDevice, signInDevice } from '../../services/sign-in-devices';
import { readString, remove, StorageKey, writeString } from '../../services/storage';
import { signedIn } from '../shared';

export default function StaffSignInPage() {
  const { t } = useI18n();
  const { params } = useRouter();
  // Back after a session ran out: the same person signs in again, so their name is filled in.
  const [username, setUsername] = useState(() => (params.expired === '1' ? (readString(StorageKey.staffUsername) ?? '') : ''));
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ username: false, password: false });
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  useTitle('staff.signin.title');

  // Already signed in (e.g. 商户入口 tapped again): straight to scanning.
  useEffect(() => {
    if (signedIn()) go.replace(routes.staffScan());
  }, []);

  const submit = async () => {
    if (sending) return;
    const empty = { username: !username.trim(), password: !password };
    setMissing(empty);
    if (empty.username || empty.password) return;
    setSending(true);
    setProblem(null);
    const name = username.trim();
    const answer = await staffSignIn(name, password, signInDevice(name));
    setSending(false);
    if (!answer.ok) {
      setProblem(errorText(t, answer, 'signIn'));
      return;
    }
    keepSignInDevice(name, answer.data.device);
    writeString(StorageKey.staffToken, answer.data.token);
    writeString(StorageKey.staffName, answer.data.staff.name);
    writeString(StorageKey.staffUsername, name);
    // A pause of typed codes belongs to the person it was for.
    remove(StorageKey.staffPausedUntil);
    go.replace(routes.staffScan());
  };

  return (
    <View className='page staff-signin' ariaRole='main'>
      <TopBar title={t('staff.signin.title')} />
      {params.expired === '1' && !problem && <Notice kind='info' text={t('staff.signin.expired')} className='staff-signin__expired' />}
      <View className='card'>
        <Field
          label={t('staff.username')}
          inputClass='staff-signin__username'
          value={username}
          onChange={setUsername}
          error={missing.username ? t('staff.signin.needUsername') : null}
        />
        <Field
          label={t('staff.password')}
          inputClass='staff-signin__password'
          password
          value={password}
          onChange={setPassword}
          onConfirm={() => void submit()}
          error={missing.password ? t('staff.signin.needPassword') : null}
        />
      </View>
      <Notice text={problem} />
      <Pressable className={sending ? 'btn btn--wide btn--disabled' : 'btn btn--wide staff-signin__submit'} onPress={() => void submit()}>
        {t('staff.signin')}
      </Pressable>
    </View>
  );
}
