import Taro from '@tarojs/taro';
import { useState } from 'react';
import { VerificationReasonBody, VerificationStatus, type AdminVerification } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { go, routes } from '../../routes';
import { approveVerification, listVerifications, rejectVerification, revokeVerification } from '../api';
import { useAdminText, type AdminKey } from '../i18n';
import { shanghaiTime } from '../labels';
import { Notice, useNoticeOf, type NoticeState } from '../notice';
import { PAGE_SIZE, useCursorPages } from '../paging';
import { ReasonForm } from '../reason-form';
import { AdminShell } from '../shell';
import { actionsColumn, PagedTable, type Column } from '../table';
import { Tabs } from '../tabs';
import { PhoneCell } from './phone-cell';

/** The server purges an application's personal data this many days after the decision (functions/config.ts). */
const RETENTION_DAYS = 180;

/** A decision that must say why: the reason is what the applicant reads in the app. */
type WithReason = { v: AdminVerification; action: 'reject' | 'revoke' };

const statuses = VerificationStatus.options;

export default function AdminVerificationsPage() {
  const t = useAdminText();
  const noticeOf = useNoticeOf();
  const asked = Taro.getCurrentInstance().router?.params.status;
  const status = statuses.find((s) => s === asked) ?? 'PENDING';
  const [approving, setApproving] = useState<AdminVerification | null>(null);
  const [deciding, setDeciding] = useState<WithReason | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const list = useCursorPages((cursor) => listVerifications(status, { limit: PAGE_SIZE, cursor }), [status]);
  const category = (v: AdminVerification) => t(`category.${v.category}` as AdminKey);

  const approve = async (v: AdminVerification) => {
    setApproving(null);
    setNotice(noticeOf(await approveVerification(v.id), () => t('verifications.approved', { name: v.name })));
    void list.reload(true);
  };
  const decided = (n: NoticeState) => {
    setNotice(n);
    if (n?.ok) {
      setDeciding(null);
      void list.reload(true);
    }
  };

  const purge = (v: AdminVerification) => {
    if (!v.decidedAt) return t('verifications.purgeAfter', { n: RETENTION_DAYS });
    const on = new Date(Date.parse(v.decidedAt) + RETENTION_DAYS * 86_400_000).toISOString();
    return t('verifications.purgeOn', { d: shanghaiTime(on).slice(0, 10) });
  };

  const actions: Column<AdminVerification>[] =
    status === 'PENDING'
      ? [
          actionsColumn((v) => (
            <>
              <button type='button' className='admin-btn admin-verifications__approve' onClick={() => setApproving(v)}>
                {t('verifications.approve')}
              </button>
              <button type='button' className='admin-btn admin-btn--ghost admin-verifications__reject' onClick={() => setDeciding({ v, action: 'reject' })}>
                {t('verifications.reject')}
              </button>
            </>
          )),
        ]
      : status === 'APPROVED'
        ? [
            actionsColumn((v) => (
              <button type='button' className='admin-btn admin-btn--ghost admin-verifications__revoke' onClick={() => setDeciding({ v, action: 'revoke' })}>
                {t('verifications.revoke')}
              </button>
            )),
          ]
        : [];

  return (
    <AdminShell area='verifications' title={t('verifications.title')}>
      <Tabs label={t('verifications.title')} values={statuses} selected={status} attribute='status' textKey='verifications' onSelect={(s) => go.replace(routes.adminVerifications(s))} />
      <p className='admin-muted admin-privacy'>{t('verifications.privacy')}</p>
      <Notice notice={notice} />
      {deciding && (
        <ReasonForm
          key={`${deciding.action}:${deciding.v.id}`}
          className={`admin-verifications__${deciding.action}-form`}
          title={t(deciding.action === 'reject' ? 'verifications.rejectTitle' : 'verifications.revokeTitle', { name: deciding.v.name, category: category(deciding.v) })}
          field='decisionReason'
          label={t('verifications.reason')}
          confirmText={t(deciding.action === 'reject' ? 'verifications.reject' : 'verifications.revoke')}
          confirmClassName={`admin-verifications__${deciding.action}-confirm`}
          check={(reason) => VerificationReasonBody.safeParse({ reason })}
          send={(body) => (deciding.action === 'reject' ? rejectVerification(deciding.v.id, body) : revokeVerification(deciding.v.id, body))}
          saved={(d) => t(deciding.action === 'reject' ? 'verifications.rejected' : 'verifications.revoked', { name: d.verification.name })}
          onDone={decided}
          onClose={() => setDeciding(null)}
        />
      )}
      <PagedTable<AdminVerification>
        list={list}
        rowKey={(v) => v.id}
        emptyTitle={t('verifications.empty')}
        className='admin-verifications__table'
        columns={[
          { key: 'submittedAt', title: t('verifications.submittedAt'), cell: (v) => shanghaiTime(v.submittedAt) },
          { key: 'category', title: t('verifications.category'), cell: category },
          { key: 'name', title: t('verifications.name'), cell: (v) => v.name },
          { key: 'phone', title: t('verifications.phone'), cell: (v) => <PhoneCell v={v} onRefused={setNotice} /> },
          { key: 'note', title: t('verifications.note'), cell: (v) => v.note },
          ...(status === 'PENDING' ? [] : [{ key: 'decidedAt', title: t('verifications.decidedAt'), cell: (v: AdminVerification) => shanghaiTime(v.decidedAt) }]),
          ...(status === 'REJECTED' || status === 'REVOKED' ? [{ key: 'reason', title: t('verifications.reason'), cell: (v: AdminVerification) => v.reason ?? '' }] : []),
          { key: 'purge', title: t('verifications.purge'), cell: purge },
          ...actions,
        ]}
      />
      {approving && (
        <ConfirmDialog
          title={t('verifications.approve')}
          body={t('verifications.approveConfirm', { name: approving.name, category: category(approving) })}
          confirmText={t('verifications.approve')}
          onCancel={() => setApproving(null)}
          onConfirm={() => void approve(approving)}
        />
      )}
    </AdminShell>
  );
}
