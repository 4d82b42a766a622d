// The programme office (owners): every administrator account, a form for a new one, and per row
// what an owner may do to it. A change of role is a request a second owner approves.
import { useState } from 'react';
import type { AdminAccount, District } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import type { Result } from '../../services/request';
import { endAccountSessions, listAdminAccounts, listDistricts, resetAdminTotp, updateAdminAccount } from '../api';
import { useAdminText, type AdminKey } from '../i18n';
import { districtName, useDistrictLabel } from '../labels';
import { Notice, useNoticeOf, type NoticeState } from '../notice';
import { Section } from '../section';
import { adminIdentity } from '../session';
import { AdminShell } from '../shell';
import { actionsColumn, DataTable } from '../table';
import { ChangeRole, EditAccount, ResetPassword, type PanelKind } from './account-panels';
import { NewAccount } from './new-account';

/** The row actions that ask first, then act at once. */
type Quick = 'disable' | 'enable' | 'endSessions' | 'resetTotp';

const quickText: Record<Quick, { button: AdminKey; confirm?: AdminKey; done: AdminKey }> = {
  disable: { button: 'accounts.disable', confirm: 'accounts.disableConfirm', done: 'accounts.disabledDone' },
  enable: { button: 'accounts.enable', done: 'accounts.enabledDone' },
  endSessions: { button: 'accounts.endSessions', confirm: 'accounts.endSessionsConfirm', done: 'accounts.endSessionsDone' },
  resetTotp: { button: 'accounts.resetTotp', confirm: 'accounts.resetTotpConfirm', done: 'accounts.resetTotpDone' },
};

const run = (quick: Quick, a: AdminAccount): Promise<Result<unknown>> => {
  switch (quick) {
    case 'disable':
    case 'enable':
      return updateAdminAccount(a.id, { disabled: quick === 'disable', version: a.version });
    case 'endSessions':
      return endAccountSessions(a.id);
    case 'resetTotp':
      return resetAdminTotp(a.id);
  }
};

function Accounts({ accounts, districts, onChanged }: { accounts: AdminAccount[]; districts: District[]; onChanged: () => void }) {
  const t = useAdminText();
  const districtLabel = useDistrictLabel();
  const noticeOf = useNoticeOf();
  const me = adminIdentity()?.id;
  const [notice, setNotice] = useState<NoticeState>(null);
  const [panel, setPanel] = useState<{ kind: PanelKind; account: AdminAccount } | null>(null);
  const [asking, setAsking] = useState<{ quick: Quick; account: AdminAccount } | null>(null);

  const act = async (quick: Quick, a: AdminAccount) => {
    setAsking(null);
    setNotice(noticeOf(await run(quick, a), () => t(quickText[quick].done, { u: a.username }), { CONFLICT: t('accounts.conflict') }));
    onChanged();
  };
  const ask = (quick: Quick, a: AdminAccount) => (quickText[quick].confirm ? setAsking({ quick, account: a }) : void act(quick, a));
  const open = (kind: PanelKind, a: AdminAccount) => {
    setNotice(null);
    setPanel({ kind, account: a });
  };
  const button = (label: AdminKey, className: string, onClick: () => void, danger = false) => (
    <button type='button' className={`admin-btn admin-btn--${danger ? 'danger' : 'ghost'} ${className}`} onClick={onClick}>
      {t(label)}
    </button>
  );

  const panelProps = panel && {
    account: panel.account,
    districts,
    onDone: (n: NoticeState, reload: boolean) => {
      setNotice(n);
      setPanel(null);
      if (reload) onChanged();
    },
    onClose: () => setPanel(null),
  };

  return (
    <Section id='accounts' className='admin-accounts' title={t('accounts.list')}>
      <DataTable<AdminAccount>
        className='admin-accounts__table'
        rows={accounts}
        rowKey={(a) => a.username}
        columns={[
          { key: 'name', title: t('accounts.name'), cell: (a) => (a.id === me ? `${a.name}${t('accounts.me')}` : a.name) },
          { key: 'username', title: t('accounts.username'), cell: (a) => a.username },
          { key: 'role', title: t('accounts.role'), cell: (a) => t(`role.${a.role}`) },
          { key: 'districts', title: t('accounts.districts'), cell: (a) => (a.districts.length > 0 ? a.districts.map((d) => districtName(districts, d, districtLabel)).join('、') : t('accounts.none')) },
          { key: 'totp', title: t('accounts.totp'), cell: (a) => t(a.totp ? 'accounts.on' : 'accounts.off') },
          {
            key: 'status',
            title: t('accounts.status'),
            cell: (a) => [t(a.disabled ? 'accounts.disabled' : 'accounts.active'), ...(a.mustChangePassword ? [t('accounts.mustChange')] : [])].join(' · '),
          },
          actionsColumn((a) => (
            <>
              {button('action.edit', 'admin-accounts__edit', () => open('edit', a))}
              {button('accounts.changeRole', 'admin-accounts__role', () => open('role', a))}
              {a.id !== me && button('accounts.resetPassword', 'admin-accounts__password', () => open('password', a))}
              {a.id !== me && button('accounts.endSessions', 'admin-accounts__end', () => ask('endSessions', a))}
              {a.id !== me && a.totp && button('accounts.resetTotp', 'admin-accounts__totp', () => ask('resetTotp', a))}
              {a.id !== me && (a.disabled ? button('accounts.enable', 'admin-accounts__enable', () => ask('enable', a)) : button('accounts.disable', 'admin-accounts__disable', () => ask('disable', a), true))}
            </>
          )),
        ]}
      />
      <Notice notice={notice} className='admin-accounts__notice' />
      {panel && panelProps && panel.kind === 'edit' && <EditAccount key={panel.account.id} {...panelProps} />}
      {panel && panelProps && panel.kind === 'password' && <ResetPassword key={panel.account.id} {...panelProps} />}
      {panel && panelProps && panel.kind === 'role' && <ChangeRole key={panel.account.id} {...panelProps} />}
      {asking && (
        <ConfirmDialog
          title={t(quickText[asking.quick].button)}
          body={t(quickText[asking.quick].confirm ?? quickText[asking.quick].button, { u: asking.account.username })}
          confirmText={t(quickText[asking.quick].button)}
          onCancel={() => setAsking(null)}
          onConfirm={() => void act(asking.quick, asking.account)}
        />
      )}
    </Section>
  );
}

export default function AdminAccountsPage() {
  const t = useAdminText();
  const districts = useResource(listDistricts, []);
  const accounts = useResource(listAdminAccounts, [], { onShow: true });
  return (
    <AdminShell area='accounts' title={t('accounts.title')}>
      <Resource state={districts.state} onRetry={() => void districts.reload()}>
        {(ds) => (
          <>
            <Resource state={accounts.state} onRetry={() => void accounts.reload()} isEmpty={(d) => d.accounts.length === 0} emptyTitle={t('accounts.empty')}>
              {(d) => <Accounts accounts={d.accounts} districts={ds} onChanged={() => void accounts.reload(true)} />}
            </Resource>
            <NewAccount districts={ds} onCreated={() => void accounts.reload(true)} />
          </>
        )}
      </Resource>
    </AdminShell>
  );
}
