// The in-page forms a row of the accounts table opens (the row stays in view above): edit name
// and sub-districts, set a temporary password, ask for a change of role.
import { useState, type FormEvent, type ReactNode } from 'react';
import { PatchAdminAccountBody, ResetPasswordBody, RoleChangeBody, type AdminAccount, type District } from '@contract';
import { changeAdminRole, resetAdminPassword, updateAdminAccount } from '../api';
import { PasswordField, TextField, type FieldErrors } from '../form';
import { useAdminText } from '../i18n';
import type { NoticeState } from '../notice';
import { FieldScope } from '../page-ids';
import { InlineForm } from '../inline-form';
import { useAdminForm } from '../use-admin-form';
import { DistrictChecks, RoleSelect } from './role-fields';

export type PanelKind = 'edit' | 'password' | 'role';

interface PanelProps {
  account: AdminAccount;
  districts: District[];
  /** How it went, said by the page (a success closes the panel); `reload`: the list changed. */
  onDone: (notice: NoticeState, reload: boolean) => void;
  onClose: () => void;
}

function Panel({ kind, title, saving, onSubmit, onClose, submitText, children }: { kind: PanelKind; title: string; saving: boolean; onSubmit: (e: FormEvent) => void; onClose: () => void; submitText: string; children: ReactNode }) {
  return (
    <InlineForm id={`account-${kind}`} className={`admin-account-panel admin-account-${kind}`} title={title} submitText={submitText} submitClassName={`admin-account-${kind}__save`} saving={saving} onSubmit={onSubmit} onClose={onClose}>
      {/* The new-account form on the same page has fields of the same names. */}
      <FieldScope.Provider value={`account-${kind}`}>{children}</FieldScope.Provider>
    </InlineForm>
  );
}

/** Passes what was sent on to the page (problems stay at the fields); `reload`: whatever came back, the list is read again. */
const toPage = (onDone: PanelProps['onDone'], reload: boolean) => (notice: NoticeState) => {
  if (notice) onDone(notice, reload || notice.ok);
};

export function EditAccount({ account, districts, onDone, onClose }: PanelProps) {
  const t = useAdminText();
  const [name, setName] = useState(account.name);
  const [chosen, setChosen] = useState(account.districts);
  const { errors, saving, onSubmit } = useAdminForm({
    check: () => PatchAdminAccountBody.safeParse({ name, ...(account.role === 'officer' ? { districts: chosen } : {}), version: account.version }),
    send: (body: PatchAdminAccountBody) => updateAdminAccount(account.id, body),
    saved: (d) => t('accounts.saved', { u: d.account.username }),
    // Someone else saved it since this list was read: reload, so the next edit starts from theirs.
    refusals: { CONFLICT: t('accounts.conflict') },
    onNotice: toPage(onDone, true),
  });
  return (
    <Panel kind='edit' title={t('accounts.editTitle', { u: account.username })} saving={saving} onSubmit={onSubmit} onClose={onClose} submitText={t('action.save')}>
      <TextField name='name' label={t('accounts.name')} errors={errors} input={{ maxLength: 40 }} value={name} onChange={setName} />
      {account.role === 'officer' && <DistrictChecks name='districts' districts={districts} chosen={chosen} errors={errors} onChange={setChosen} />}
    </Panel>
  );
}

export function ResetPassword({ account, onDone, onClose }: PanelProps) {
  const t = useAdminText();
  const [password, setPassword] = useState('');
  const { errors, saving, onSubmit } = useAdminForm({
    check: () => ResetPasswordBody.safeParse({ password }),
    send: (body: ResetPasswordBody) => resetAdminPassword(account.id, body.password),
    saved: () => t('accounts.resetDone', { u: account.username }),
    onNotice: toPage(onDone, false),
  });
  return (
    <Panel kind='password' title={t('accounts.resetTitle', { u: account.username })} saving={saving} onSubmit={onSubmit} onClose={onClose} submitText={t('accounts.resetPassword')}>
      <PasswordField name='password' label={t('accounts.tempPassword')} kind='new' errors={errors} value={password} onChange={setPassword} />
    </Panel>
  );
}

export function ChangeRole({ account, districts, onDone, onClose }: PanelProps) {
  const t = useAdminText();
  const [role, setRole] = useState(account.role);
  const [chosen, setChosen] = useState(account.districts);
  const { errors, saving, onSubmit } = useAdminForm({
    check: () => RoleChangeBody.safeParse({ role, ...(role === 'officer' ? { districts: chosen } : {}) }),
    // RoleChangeBody leaves the officer's sub-districts to the server; say it here, before sending.
    beside: (): FieldErrors => (role === 'officer' && chosen.length === 0 ? { districts: t('form.officerDistricts') } : {}),
    send: (body: RoleChangeBody) => changeAdminRole(account.id, body.role, body.districts),
    // 202: nothing changed yet; a second owner approves it on Needs attention.
    saved: () => t('accounts.roleWaiting', { u: account.username, r: t(`role.${role}`) }),
    onNotice: toPage(onDone, false),
  });
  return (
    <Panel kind='role' title={t('accounts.roleTitle', { u: account.username })} saving={saving} onSubmit={onSubmit} onClose={onClose} submitText={t('accounts.roleAsk')}>
      <RoleSelect name='role' label={t('accounts.newRole')} value={role} errors={errors} onChange={setRole} />
      {role === 'officer' && <DistrictChecks name='districts' districts={districts} chosen={chosen} errors={errors} onChange={setChosen} />}
    </Panel>
  );
}
