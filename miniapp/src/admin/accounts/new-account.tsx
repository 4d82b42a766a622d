// A new administrator: username, name, role, sub-districts (officers) and a first password they
// will be asked to change.
import { useState } from 'react';
import { CreateAdminAccountBody, type AdminRole, type District } from '@contract';
import { createAdminAccount } from '../api';
import { PasswordField, TextField } from '../form';
import { useAdminText } from '../i18n';
import { Notice } from '../notice';
import { Section } from '../section';
import { useAdminForm } from '../use-admin-form';
import { DistrictChecks, RoleSelect } from './role-fields';

const emptyDraft = { username: '', name: '', role: 'officer' as AdminRole, districts: [] as string[], password: '' };

export function NewAccount({ districts, onCreated }: { districts: District[]; onCreated: () => void }) {
  const t = useAdminText();
  const [draft, setDraft] = useState(emptyDraft);
  const { errors, notice, saving, onSubmit } = useAdminForm({
    check: () =>
      CreateAdminAccountBody.safeParse({
        username: draft.username.trim(),
        name: draft.name,
        role: draft.role,
        // Only officers have sub-districts; the others send none.
        ...(draft.role === 'officer' ? { districts: draft.districts } : {}),
        password: draft.password,
      }),
    send: createAdminAccount,
    saved: (d) => {
      setDraft(emptyDraft);
      onCreated();
      return t('accounts.created', { u: d.account.username });
    },
    conflictAt: { username: t('form.taken') },
  });
  return (
    <Section id='new-account' className='admin-account-new' title={t('accounts.new')}>
      <form className='admin-form admin-form--inline' onSubmit={onSubmit} noValidate>
        <TextField name='username' label={t('accounts.username')} errors={errors} input={{ autoComplete: 'off', maxLength: 32 }} value={draft.username} onChange={(username) => setDraft({ ...draft, username })} />
        <TextField name='name' label={t('accounts.name')} errors={errors} input={{ maxLength: 40 }} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
        <RoleSelect name='role' label={t('accounts.role')} value={draft.role} errors={errors} onChange={(role) => setDraft({ ...draft, role })} />
        <PasswordField name='password' label={t('accounts.password')} kind='new' errors={errors} value={draft.password} onChange={(password) => setDraft({ ...draft, password })} />
        {draft.role === 'officer' && <DistrictChecks name='districts' districts={districts} chosen={draft.districts} errors={errors} onChange={(ids) => setDraft({ ...draft, districts: ids })} />}
        <button type='submit' className='admin-btn admin-account-new__create' disabled={saving}>
          {t('action.create')}
        </button>
      </form>
      <Notice notice={notice} />
    </Section>
  );
}
