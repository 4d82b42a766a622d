// The desk's sign-in: username and password, then — for an account with two-step sign-in, which
// the server says with 401 OTP_REQUIRED — a code from the authenticator app (or a recovery code),
// sent again with the same username and password.
import Taro from '@tarojs/taro';
import { useState, type FormEvent } from 'react';
import { LangSwitch } from '../../components/lang-switch';
import { useI18n } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { go, routes } from '../../routes';
import { keepSignInDevice, signInDevice } from '../../services/sign-in-devices';
import type { Failure } from '../../services/request';
import { adminSignIn, type SecondStep } from '../api';
import { useAdminText, type AdminKey } from '../i18n';
import { Notice, type NoticeState } from '../notice';
import { takeReturn } from '../drafts';
import { keepAdminSession } from '../session';
import { useDesktopScale } from '../shell';
import '../admin.css';

type Step = 'password' | 'code' | 'recovery';

const OTP = /^\d{6}$/;

/** What a refusal says; a wrong second step names its field in the details. */
function refusalKey(answer: Failure, step: Step): AdminKey | undefined {
  if (answer.code !== 'UNAUTHENTICATED' && answer.code !== 'INVALID_INPUT') return undefined;
  if (step === 'password') return 'signin.wrong';
  const field = (answer.details as { field?: unknown } | undefined)?.field;
  // The password is checked first: a refusal without a field means it no longer holds.
  if (answer.code === 'UNAUTHENTICATED' && field === undefined) return 'signin.wrong';
  return step === 'code' ? 'signin.wrongCode' : 'signin.wrongRecovery';
}

export default function AdminSignInPage() {
  const t = useAdminText();
  const { t: appT } = useI18n();
  const reason = Taro.getCurrentInstance().router?.params.reason;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Step>('password');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<NoticeState>(reason === 'password' ? { ok: true, text: t('signin.passwordChanged') } : reason === 'expired' ? { ok: false, text: t('signin.expired') } : null);
  const [sending, setSending] = useState(false);
  useDesktopScale();

  const second = (): SecondStep | null => {
    if (step === 'password') return {};
    const typed = code.trim();
    if (step === 'code') return OTP.test(typed) ? { otp: typed } : null;
    return typed ? { recoveryCode: typed } : null;
  };

  const startOver = () => {
    setStep('password');
    setCode('');
    setPassword('');
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending || !username.trim() || !password) return;
    const extra = second();
    if (!extra) {
      setProblem({ ok: false, text: t(step === 'code' ? 'form.otp' : 'form.required') });
      return;
    }
    setSending(true);
    setProblem(null);
    const name = username.trim();
    const answer = await adminSignIn(name, password, signInDevice(name), extra);
    setSending(false);
    if (!answer.ok) {
      if (answer.code === 'OTP_REQUIRED') {
        setStep('code');
        return;
      }
      const key = refusalKey(answer, step);
      if (key === 'signin.wrong' && step !== 'password') startOver();
      setProblem({ ok: false, text: key ? t(key) : errorText(appT, answer) });
      return;
    }
    keepSignInDevice(name, answer.data.device);
    keepAdminSession(answer.data.token, answer.data.admin);
    // A password an owner reset must be replaced before anything else answers; else back to the
    // page an expired session left (its drafts wait there), or the start.
    const back = takeReturn(answer.data.admin.username);
    go.restart(answer.data.admin.mustChangePassword ? routes.adminProfile(true) : (back ?? routes.adminAttention()));
  };

  const switchTo = (next: Step) => {
    setStep(next);
    setCode('');
    setProblem(null);
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
        {step === 'password' ? (
          <>
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
          </>
        ) : (
          <>
            <p className='admin-signin__who'>{username.trim()}</p>
            <label className='admin-field__label' htmlFor='admin-code'>
              {t(step === 'code' ? 'signin.code' : 'signin.recovery')}
            </label>
            <input
              key={step}
              id='admin-code'
              className='admin-input admin-signin__code'
              aria-describedby='admin-code-hint'
              {...(step === 'code' ? { autoComplete: 'one-time-code', inputMode: 'numeric' as const, maxLength: 6, pattern: '[0-9]*' } : { autoComplete: 'off', maxLength: 64 })}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoFocus
            />
            <span id='admin-code-hint' className='admin-field__hint'>
              {t(step === 'code' ? 'signin.codeHint' : 'signin.recoveryHint')}
            </span>
          </>
        )}
        <Notice notice={problem} />
        <button type='submit' className='admin-btn admin-signin__submit' disabled={sending}>
          {t('signin.submit')}
        </button>
        {step !== 'password' && (
          <div className='admin-signin__more'>
            <button type='button' className='admin-btn admin-btn--ghost admin-signin__switch' onClick={() => switchTo(step === 'code' ? 'recovery' : 'code')}>
              {t(step === 'code' ? 'signin.useRecovery' : 'signin.useCode')}
            </button>
            <button type='button' className='admin-btn admin-btn--ghost admin-signin__restart' onClick={startOver}>
              {t('signin.restart')}
            </button>
          </div>
        )}
      </form>
    </div>
  );
}
