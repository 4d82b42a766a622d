import { useState, type FormEvent } from 'react';
import { LangSwitch } from '../../components/lang-switch';
import { useI18n } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { go, routes } from '../../routes';
import { keepSignInDevice, signInDevice } from '../../services/sign-in-devices';
import { adminSignIn } from '../api';
import { useAdminText } from '../i18n';
import { Notice, type NoticeState } from '../notice';
import { keepAdminSession } from '../session';
import { useDesktopScale } from '../shell';
import '../admin.css';

export default function AdminSignInPage() {
  const t = useAdminText();
  const { t: appT } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<NoticeState>(null);
  const [sending, setSending] = useState(false);
  useDesktopScale();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending || !username.trim() || !password) return;
    setSending(true);
    setProblem(null);
    const name = username.trim();
    const answer = await adminSignIn(name, password, signInDevice(name));
    setSending(false);
    if (!answer.ok) {
      setProblem({ ok: false, text: answer.code === 'UNAUTHENTICATED' || answer.code === 'INVALID_INPUT' ? t('signin.wrong') : errorText(appT, answer) });
      return;
    }
    keepSignInDevice(name, answer.data.device);
    keepAdminSession(answer.data.token, answer.data.admin.name);
    go.restart(routes.adminAttention());
  };

  return (
    <div className='admin admin--signin'>
      <form className='admin-signin' onSubmit={(e) => void submit(e)} aria-labelledby='admin-signin-title'>
        <div className='admin-signin__top'>
          <h1 id='admin-signin-title' className='admin-signin__title'>
            {t('signin.title')}
          </h1>
          <LangSwitch className='admin__lang' />
        </div>
        <label className='admin-field__label' htmlFor='admin-username'>
          {t('signin.username')}
        </label>
        <input id='admin-username' className='admin-input' autoComplete='username' value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        <label className='admin-field__label' htmlFor='admin-password'>
          {t('signin.password')}
        </label>
        <input
          id='admin-password'
          className='admin-input'
          type='password'
          autoComplete='current-password'
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Notice notice={problem} />
        <button type='submit' className='admin-btn admin-signin__submit' disabled={sending}>
          {t('signin.submit')}
        </button>
      </form>
    </div>
  );
}
