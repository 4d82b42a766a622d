import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { TopBar } from '../../components/top-bar';
import { useI18n, useTitle } from '../../i18n';
import { staffSignIn } from '../../services/api';
import { StorageKey, writeString } from '../../services/storage';
import { errorText } from '../../i18n/errors';
import { go, routes } from '../../routes';
import { Pressable } from '../../components/pressable';

export default function StaffSignInPage() {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  useTitle('staff.signin.title');

  const submit = async () => {
    if (sending || !username || !password) return;
    setSending(true);
    setProblem(null);
    const answer = await staffSignIn(username.trim(), password);
    setSending(false);
    if (!answer.ok) {
      setProblem(errorText(t, answer, 'signIn'));
      return;
    }
    writeString(StorageKey.staffToken, answer.data.token);
    writeString(StorageKey.staffName, answer.data.staff.name);
    go.replace(routes.staffScan());
  };

  return (
    <View className='page staff-signin'>
      <TopBar title={t('staff.signin.title')} />
      <View className='card'>
        <Text className='field__label'>{t('staff.username')}</Text>
        <Input
          className='field__input staff-signin__username'
          value={username}
          ariaLabel={t('staff.username')}
          onInput={(e) => setUsername(e.detail.value)}
        />
        <Text className='field__label'>{t('staff.password')}</Text>
        <Input
          className='field__input staff-signin__password'
          password
          value={password}
          ariaLabel={t('staff.password')}
          onInput={(e) => setPassword(e.detail.value)}
          onConfirm={() => void submit()}
        />
      </View>
      {problem && (
        <View className='notice notice--error' ariaRole='alert'>
          {problem}
        </View>
      )}
      <Pressable className={sending ? 'btn btn--wide btn--disabled' : 'btn btn--wide staff-signin__submit'} onPress={() => void submit()}>
        {t('staff.signin')}
      </Pressable>
    </View>
  );
}
