// A temporary password for one staff member, set by the office: every session of theirs ends at
// once, and they sign in with it next. (The staff app has no screen to change it, so it stays
// until the next reset: hand it over privately.)
import { useState } from 'react';
import { ResetPasswordBody, type StaffView } from '@contract';
import { resetStaffPassword } from '../api';
import { PasswordField } from '../form';
import { useAdminText } from '../i18n';
import type { NoticeState } from '../notice';
import { InlineForm } from '../inline-form';
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
    <InlineForm
      id='staffPasswordForm'
      className='admin-staff__password'
      title={t('provider.resetPasswordTitle', { u: member.username, name: member.name })}
      submitText={t('provider.resetPassword')}
      submitClassName='admin-staff__password-confirm'
      saving={saving}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <PasswordField name='staffNewPassword' label={t('provider.temporaryPassword')} hint={t('provider.resetPasswordHint')} kind='new' errors={errors} value={password} onChange={setPassword} />
    </InlineForm>
  );
}
