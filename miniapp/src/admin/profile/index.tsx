// The signed-in administrator's own account, for every role: who they are, a new password,
// two-step sign-in, and signing out everywhere.
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AdminAccount, District } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { adminMe, endAdminSessions, listDistricts } from '../api';
import { useAdminText } from '../i18n';
import { districtName, useDistrictLabel } from '../labels';
import { Notice, useNoticeOf, type NoticeState } from '../notice';
import { Section } from '../section';
import { keepAdminIdentity, signOutAdmin } from '../session';
import { AdminShell } from '../shell';
import { PasswordSection } from './password-section';
import { TotpSection } from './totp-section';

function Who({ account, districts }: { account: AdminAccount; districts: District[] | undefined }) {
  const t = useAdminText();
  const districtLabel = useDistrictLabel();
  const rows: Array<[string, string]> = [
    [t('profile.name'), account.name],
    [t('profile.username'), account.username],
    [t('profile.role'), t(`role.${account.role}`)],
    [t('profile.districts'), account.districts.length > 0 ? account.districts.map((d) => districtName(districts, d, districtLabel)).join('、') : t('profile.noDistricts')],
  ];
  return (
    <Section id='who' className='admin-me' title={t('profile.who')}>
      <dl className='admin-who'>
        {rows.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function Sessions() {
  const t = useAdminText();
  const noticeOf = useNoticeOf();
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const end = async () => {
    setAsking(false);
    const answer = await endAdminSessions();
    // This session ended with the others: start over at the sign-in page.
    if (answer.ok) signOutAdmin();
    else setNotice(noticeOf(answer, () => ''));
  };
  return (
    <Section id='sessions' className='admin-sessions' title={t('profile.sessions')}>
      <p>{t('profile.signOutAllText')}</p>
      <button type='button' className='admin-btn admin-btn--danger admin-sessions__end' onClick={() => setAsking(true)}>
        {t('profile.signOutAll')}
      </button>
      <Notice notice={notice} />
      {asking && (
        <ConfirmDialog title={t('profile.signOutAll')} body={t('profile.signOutAllConfirm')} confirmText={t('profile.signOutAll')} onCancel={() => setAsking(false)} onConfirm={() => void end()} />
      )}
    </Section>
  );
}

export default function AdminProfilePage() {
  const t = useAdminText();
  const mustChange = Taro.getCurrentInstance().router?.params.mustChange === '1';
  const districts = useResource(listDistricts, []);
  const me = useResource(
    async () => {
      const answer = await adminMe();
      // What the desk hides by follows the account as it is now (a role changed since sign-in).
      if (answer.ok) keepAdminIdentity(answer.data.account);
      return answer;
    },
    [],
    { onShow: true },
  );
  return (
    <AdminShell area='profile' title={t('profile.title')}>
      <Resource state={me.state} onRetry={() => void me.reload()}>
        {({ account }) => (
          <>
            <Who account={account} districts={districts.data} />
            <PasswordSection account={account} mustChange={mustChange || account.mustChangePassword} />
            <TotpSection on={account.totp} onChanged={() => void me.reload(true)} />
            <Sessions />
          </>
        )}
      </Resource>
    </AdminShell>
  );
}
