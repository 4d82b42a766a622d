// Choosing a new password. The server ends every session of the account on success, this one
// included (only sign-in issues tokens), so the desk signs in again at once with the new password;
// an account with two-step sign-in needs a code for that, so it is sent to the sign-in page instead.
import { useState } from 'react';
import { ChangePasswordBody, type AdminAccount } from '@contract';
import { go, routes } from '../../routes';
import { keepSignInDevice, signInDevice } from '../../services/sign-in-devices';
import type { Result } from '../../services/request';
import { adminSignIn, changeAdminPassword } from '../api';
import { PasswordField } from '../form';
import { useAdminText } from '../i18n';
import { Notice } from '../notice';
import { Section } from '../section';
import { keepAdminSession, signOutAdmin } from '../session';
import { useAdminForm } from '../use-admin-form';

const emptyDraft = { current: '', password: '' };

/** A wrong current password is a 401 naming the field: shown there like any field problem. */
function atField<T>(answer: Result<T>): Result<T> {
  const field = !answer.ok && answer.code === 'UNAUTHENTICATED' ? (answer.details as { field?: unknown } | undefined)?.field : undefined;
  if (answer.ok || field !== 'current') return answer;
  return { ...answer, code: 'VALIDATION_FAILED', details: [{ field: 'current', message: 'the current password is wrong' }] };
}

export function PasswordSection({ account, mustChange }: { account: AdminAccount; mustChange: boolean }) {
  const t = useAdminText();
  const [draft, setDraft] = useState(emptyDraft);

  const change = async (body: ChangePasswordBody) => {
    const answer = atField(await changeAdminPassword(body));
    if (!answer.ok) return answer;
    const again = await adminSignIn(account.username, body.password, signInDevice(account.username));
    if (!again.ok) {
      signOutAdmin('password');
      return answer;
    }
    keepSignInDevice(account.username, again.data.device);
    keepAdminSession(again.data.token, again.data.admin);
    if (mustChange) go.restart(routes.adminAttention());
    return answer;
  };

  const { errors, notice, saving, onSubmit } = useAdminForm({
    check: () => ChangePasswordBody.safeParse(draft),
    send: change,
    saved: () => {
      setDraft(emptyDraft);
      return t('profile.passwordChanged');
    },
  });

  return (
    <Section id='password' className='admin-password' title={t('profile.password')}>
      {mustChange && <Notice className='admin-password__must' notice={{ ok: false, text: t('profile.mustChange') }} />}
      <form className='admin-form admin-form--inline' onSubmit={onSubmit} noValidate>
        {/* The username lets a password manager file the new password under the right account. */}
        <input type='text' hidden readOnly autoComplete='username' aria-label={t('profile.username')} value={account.username} />
        <PasswordField name='current' label={t('profile.current')} kind='current' errors={errors} value={draft.current} onChange={(current) => setDraft({ ...draft, current })} />
        <PasswordField name='password' label={t('profile.new')} kind='new' errors={errors} value={draft.password} onChange={(password) => setDraft({ ...draft, password })} />
        <button type='submit' className='admin-btn admin-password__save' disabled={saving}>
          {t('profile.changePassword')}
        </button>
      </form>
      <Notice notice={notice} />
    </Section>
  );
}
