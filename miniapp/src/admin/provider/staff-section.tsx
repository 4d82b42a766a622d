// A provider's staff accounts: who can sign in at its counter, a form to add one, and for each a
// temporary password, disabling and re-enabling.
import { useState } from 'react';
import { StaffInput, type StaffView } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { createStaff, disableStaff, enableStaff, listStaff } from '../api';
import { PasswordField, TextField } from '../form';
import { FieldScope } from '../page-ids';
import { useAdminText } from '../i18n';
import { Notice, useNoticeOf } from '../notice';
import { Section } from '../section';
import { actionsColumn, DataTable } from '../table';
import { useAdminForm } from '../use-admin-form';
import { StaffPasswordForm } from './staff-password-form';

const emptyDraft = { username: '', name: '', password: '' };

export function StaffSection({ providerId }: { providerId: string }) {
  const t = useAdminText();
  const noticeOf = useNoticeOf();
  const staff = useResource(() => listStaff(providerId), [providerId]);
  const [draft, setDraft] = useState(emptyDraft);
  const [confirming, setConfirming] = useState<{ member: StaffView; action: 'disable' | 'enable' } | null>(null);
  const [resetting, setResetting] = useState<StaffView | null>(null);
  const { errors, notice, saving, onSubmit, say } = useAdminForm({
    check: () => StaffInput.safeParse({ providerId, ...draft, username: draft.username.trim() }),
    send: createStaff,
    saved: (d) => {
      setDraft(emptyDraft);
      void staff.reload(true);
      return t('provider.staffCreated', { u: d.staff.username });
    },
    // A taken username is a conflict about one field: say so at that field.
    conflictAt: { username: t('form.taken') },
  });

  const change = async ({ member, action }: { member: StaffView; action: 'disable' | 'enable' }) => {
    setConfirming(null);
    const answer = await (action === 'disable' ? disableStaff(member.id) : enableStaff(member.id));
    say(noticeOf(answer, () => t(action === 'disable' ? 'provider.staffDisabledDone' : 'provider.staffEnabledDone', { u: member.username })));
    void staff.reload(true);
  };

  return (
    <Section id='staff' className='admin-staff' title={t('provider.staff')}>
      <Resource state={staff.state} onRetry={() => void staff.reload()} isEmpty={(d) => d.staff.length === 0} emptyTitle={t('provider.noStaff')}>
        {(d) => (
          <DataTable<StaffView>
            columns={[
              { key: 'username', title: t('provider.staffUsername'), cell: (s) => s.username },
              { key: 'name', title: t('provider.staffName'), cell: (s) => s.name },
              { key: 'status', title: t('provider.staffStatus'), cell: (s) => t(s.disabled ? 'provider.staffDisabled' : 'provider.staffActive') },
              actionsColumn((s) => (
                <>
                  <button type='button' className='admin-btn admin-btn--ghost admin-staff__reset' onClick={() => setResetting(s)}>
                    {t('provider.resetPassword')}
                  </button>
                  {s.disabled ? (
                    <button type='button' className='admin-btn admin-btn--ghost admin-staff__enable' onClick={() => setConfirming({ member: s, action: 'enable' })}>
                      {t('provider.enableStaff')}
                    </button>
                  ) : (
                    <button type='button' className='admin-btn admin-btn--ghost admin-staff__disable' onClick={() => setConfirming({ member: s, action: 'disable' })}>
                      {t('provider.disableStaff')}
                    </button>
                  )}
                </>
              )),
            ]}
            rows={d.staff}
            rowKey={(s) => s.id}
          />
        )}
      </Resource>
      {/* Its name field is not the provider's: the profile form above has one too. */}
      <FieldScope.Provider value='staff'>
        <form className='admin-form admin-form--inline admin-staff__form' onSubmit={onSubmit} noValidate>
          <TextField name='username' label={t('provider.staffUsername')} errors={errors} input={{ autoComplete: 'off' }} value={draft.username} onChange={(username) => setDraft({ ...draft, username })} />
          <TextField name='name' label={t('provider.staffName')} errors={errors} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
          <PasswordField name='password' label={t('provider.staffPassword')} kind='new' errors={errors} value={draft.password} onChange={(password) => setDraft({ ...draft, password })} />
          <button type='submit' className='admin-btn admin-staff__add' disabled={saving}>
            {t('provider.addStaff')}
          </button>
        </form>
      </FieldScope.Provider>
      {resetting && (
        <StaffPasswordForm
          key={resetting.id}
          member={resetting}
          onDone={(n) => {
            say(n);
            if (n?.ok) setResetting(null);
          }}
          onClose={() => setResetting(null)}
        />
      )}
      <Notice notice={notice} />
      {confirming && (
        <ConfirmDialog
          title={t(confirming.action === 'disable' ? 'provider.disableStaff' : 'provider.enableStaff')}
          body={t(confirming.action === 'disable' ? 'provider.disableConfirm' : 'provider.enableConfirm', { u: confirming.member.username })}
          confirmText={t(confirming.action === 'disable' ? 'provider.disableStaff' : 'provider.enableStaff')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void change(confirming)}
        />
      )}
    </Section>
  );
}
