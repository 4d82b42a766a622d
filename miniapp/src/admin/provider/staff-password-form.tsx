// A temporary password for one staff member, set by the office: every session of theirs ends at
// once, and they sign in with it next. (The staff app has no screen to change it, so it stays
// until the next reset: hand it over privately.)
import { useState } from 'react';
import { ResetPasswordBody, type StaffView } from '@contract';
import { resetStaffPassword } from '../api';
import { PasswordField } from '../form';
import { useAdminText } from '../i18n';
import type { NoticeState } from '../notice';
import { Section } from '../section';
import { useAdminForm } from '../use-admin-form';

export function StaffPasswordForm({ member, onDone, onClose }: { member: StaffView; onDone: (n: NoticeState) => void; onClose: () => void }) {
  const t = useAdminText();
  const [password, setPassword] = useState('');
  const { errors, saving, onSubmit } = useAdminForm({
    check: () => ResetPasswordBody.safeParse({ password }),
    send: (body) => resetStaffPassword(member.id, body),
    saved: () => t('provider.passwordResetDone', { u: member.username }),
    // Its own field name: the add-staff form on the same page has a `password` too.
    fieldOf: () => 'staffNewPassword',
    onNotice: (n) => {
      if (n) onDone(n);
    },
  });
  return (
    <Section id='staffNewPassword' className='admin-staff__password' title={t('provider.resetPasswordTitle', { u: member.username, name: member.name })}>
      <p className='admin-muted'>{t('provider.resetPasswordHint')}</p>
      <form className='admin-form admin-form--inline' onSubmit={onSubmit} onKeyDown={(e) => e.key === 'Escape' && onClose()} noValidate>
        <PasswordField name='staffNewPassword' label={t('provider.temporaryPassword')} kind='new' errors={errors} value={password} onChange={setPassword} />
        <button type='submit' className='admin-btn admin-staff__password-confirm' disabled={saving}>
          {t('provider.resetPassword')}
        </button>
        <button type='button' className='admin-btn admin-btn--ghost' onClick={onClose}>
          {t('action.cancel')}
        </button>
      </form>
    </Section>
  );
}
