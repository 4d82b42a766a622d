// A provider's status and what may be done about it: approve a new one, suspend an active one
// (with a reason, kept with the provider and in the audit), reinstate a suspended one — each its
// own action, so the record says which happened. A suspension shows why, by whom and when.
import { useState } from 'react';
import { SuspendBody, type AdminProvider, type District } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { approveProvider, reinstateProvider, suspendProvider } from '../api';
import { useCan } from '../can';
import { documentsRefusal, expiredText } from '../documents';
import { expiredDocuments } from '../expired-documents';
import { useAdminText } from '../i18n';
import { districtName, kindLabel, shanghaiTime, today, useDistrictLabel } from '../labels';
import { Notice, useNoticeOf, type NoticeState } from '../notice';
import { ReasonForm } from '../reason-form';
import { StatusBadge } from '../status-badge';

type Confirming = 'approve' | 'reinstate';

interface StatusSectionProps {
  provider: AdminProvider;
  districts: District[];
  /** The page's line under the status (the profile form's refusals are said here too). */
  notice: NoticeState;
  onNotice: (n: NoticeState) => void;
  onChanged: () => void;
}

export function StatusSection({ provider: p, districts, notice, onNotice: setNotice, onChanged }: StatusSectionProps) {
  const t = useAdminText();
  const districtLabel = useDistrictLabel();
  const can = useCan();
  const noticeOf = useNoticeOf();
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [suspending, setSuspending] = useState(false);
  const expired = expiredDocuments(p, today());

  const open = async (action: Confirming) => {
    setConfirming(null);
    const answer = await (action === 'approve' ? approveProvider(p.id) : reinstateProvider(p.id));
    // Refused for lapsed documents, the notice names them, from the server's own details.
    const refused = documentsRefusal(t, answer, action === 'approve' ? 'documents.refused' : 'documents.reinstateRefused');
    setNotice(refused ? { ok: false, text: refused } : noticeOf(answer, () => t(action === 'approve' ? 'provider.approved' : 'provider.reinstated')));
    onChanged();
  };
  const confirmBody =
    expired.length > 0
      ? t(confirming === 'approve' ? 'documents.approveWarning' : 'documents.reinstateWarning', { docs: expiredText(t, expired) })
      : t(confirming === 'approve' ? 'provider.approveConfirm' : 'provider.reinstateConfirm', { name: p.name });
  const actionText = (a: Confirming) => t(a === 'approve' ? 'provider.approve' : 'provider.reinstate');

  return (
    <section className='admin-section admin-status' aria-label={t('providers.status')}>
      <div className='admin-status__line'>
        <StatusBadge provider={p} />
        <span className='admin-muted'>
          {kindLabel(t, p.kind)} · {districtName(districts, p.district, districtLabel)} · {p.id}
        </span>
        <span className='admin-status__actions'>
          {p.status === 'PENDING' && can('approveProvider') && (
            <button type='button' className='admin-btn admin-status__approve' onClick={() => setConfirming('approve')}>
              {t('provider.approve')}
            </button>
          )}
          {p.status === 'SUSPENDED' && can('reinstateProvider') && (
            <button type='button' className='admin-btn admin-status__reinstate' onClick={() => setConfirming('reinstate')}>
              {t('provider.reinstate')}
            </button>
          )}
          {p.status === 'ACTIVE' && can('suspendProvider') && !suspending && (
            <button type='button' className='admin-btn admin-btn--danger admin-status__suspend' onClick={() => setSuspending(true)}>
              {t('provider.suspend')}
            </button>
          )}
        </span>
      </div>
      {p.status === 'SUSPENDED' && p.suspension && (
        <p className='admin-status__suspension'>
          {t('provider.suspendedBecause', { reason: p.suspension.reason, by: p.suspension.by.name, at: shanghaiTime(p.suspension.at) })}
        </p>
      )}
      {p.status === 'ACTIVE' && expired.length > 0 && <p className='admin-status__hidden'>{t('documents.activeHidden', { docs: expiredText(t, expired) })}</p>}
      {suspending && (
        <ReasonForm
          className='admin-status__suspend-form'
          title={t('provider.suspendTitle', { name: p.name })}
          field='suspendReason'
          label={t('provider.suspendReason')}
          confirmText={t('provider.suspend')}
          confirmClassName='admin-status__suspend-confirm'
          check={(reason) => SuspendBody.safeParse({ reason })}
          send={(body) => suspendProvider(p.id, body)}
          saved={() => t('provider.suspended')}
          onDone={(n) => {
            setNotice(n);
            if (n?.ok) setSuspending(false);
            onChanged();
          }}
          onClose={() => setSuspending(false)}
        />
      )}
      <Notice notice={notice} />
      {confirming && (
        <ConfirmDialog title={actionText(confirming)} body={confirmBody} confirmText={actionText(confirming)} onCancel={() => setConfirming(null)} onConfirm={() => void open(confirming)} />
      )}
    </section>
  );
}
