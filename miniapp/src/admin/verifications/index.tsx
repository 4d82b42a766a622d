import Taro from '@tarojs/taro';
import { useState } from 'react';
import { VerificationStatus, type VerificationCategory } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { go, routes } from '../../routes';
import { approveVerification, listVerifications, rejectVerification } from '../api';
import { useAdminText, type AdminKey } from '../i18n';
import { shanghaiTime } from '../labels';
import { Notice, useNoticeOf, type NoticeState } from '../notice';
import { PAGE_SIZE, useCursorPages } from '../paging';
import { AdminShell } from '../shell';
import { actionsColumn, PagedTable } from '../table';
import { Tabs } from '../tabs';

/** The server purges an application's personal data this many days after the decision (functions/config.ts). */
const RETENTION_DAYS = 180;
interface Application {
  id: string;
  status: VerificationStatus;
  category: VerificationCategory;
  submittedAt: string;
  decidedAt: string | null;
  name: string;
  phone: string;
  note: string;
}

type Decision = { id: string; action: 'approve' | 'reject' };

const statuses = VerificationStatus.options;

export default function AdminVerificationsPage() {
  const t = useAdminText();
  const noticeOf = useNoticeOf();
  const asked = Taro.getCurrentInstance().router?.params.status;
  const status = statuses.find((s) => s === asked) ?? 'PENDING';
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const list = useCursorPages((cursor) => listVerifications(status, { limit: PAGE_SIZE, cursor }), [status]);

  const decide = async ({ id, action }: Decision) => {
    setConfirming(null);
    const answer = await (action === 'approve' ? approveVerification(id) : rejectVerification(id));
    setNotice(noticeOf(answer, () => t(action === 'approve' ? 'verifications.approved' : 'verifications.rejected')));
    void list.reload(true);
  };

  const purge = (v: Application) => {
    if (!v.decidedAt) return t('verifications.purgeAfter', { n: RETENTION_DAYS });
    const on = new Date(Date.parse(v.decidedAt) + RETENTION_DAYS * 86_400_000).toISOString();
    return t('verifications.purgeOn', { d: shanghaiTime(on).slice(0, 10) });
  };

  return (
    <AdminShell area='verifications' title={t('verifications.title')}>
      <Tabs label={t('verifications.title')} values={statuses} selected={status} attribute='status' textKey='verifications' onSelect={(s) => go.replace(routes.adminVerifications(s))} />
      <p className='admin-muted admin-privacy'>{t('verifications.privacy')}</p>
      <Notice notice={notice} />
      <PagedTable<Application>
        list={list}
        rowKey={(v) => v.id}
        emptyTitle={t('verifications.empty')}
        className='admin-verifications__table'
        columns={[
          { key: 'submittedAt', title: t('verifications.submittedAt'), cell: (v) => shanghaiTime(v.submittedAt) },
          { key: 'category', title: t('verifications.category'), cell: (v) => t(`category.${v.category}` as AdminKey) },
          { key: 'name', title: t('verifications.name'), cell: (v) => v.name },
          { key: 'phone', title: t('verifications.phone'), cell: (v) => v.phone },
          { key: 'note', title: t('verifications.note'), cell: (v) => v.note },
          ...(status === 'PENDING' ? [] : [{ key: 'decidedAt', title: t('verifications.decidedAt'), cell: (v: Application) => shanghaiTime(v.decidedAt) }]),
          { key: 'purge', title: t('verifications.purge'), cell: purge },
          ...(status === 'PENDING'
            ? [
                actionsColumn((v: Application) => (
                  <>
                    <button type='button' className='admin-btn admin-verifications__approve' onClick={() => setConfirming({ id: v.id, action: 'approve' })}>
                      {t('verifications.approve')}
                    </button>
                    <button type='button' className='admin-btn admin-btn--ghost admin-verifications__reject' onClick={() => setConfirming({ id: v.id, action: 'reject' })}>
                      {t('verifications.reject')}
                    </button>
                  </>
                )),
              ]
            : []),
        ]}
      />
      {confirming && (
        <ConfirmDialog
          title={t(confirming.action === 'approve' ? 'verifications.approve' : 'verifications.reject')}
          body={t(confirming.action === 'approve' ? 'verifications.approveConfirm' : 'verifications.rejectConfirm')}
          confirmText={t(confirming.action === 'approve' ? 'verifications.approve' : 'verifications.reject')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void decide(confirming)}
        />
      )}
    </AdminShell>
  );
}
