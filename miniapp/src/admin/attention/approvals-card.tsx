// Four eyes on Needs attention: the changes waiting for a second administrator, each with Approve
// and Reject — left out for one's own requests (another must decide) and for a kind the role may
// not make itself (clerks decide points, owners everything).
import { useState } from 'react';
import { RejectApprovalBody, type Approval, type ApprovalKind } from '@contract';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import type { Result } from '../../services/request';
import { usePageId } from '../page-ids';
import { Count, useCounted } from './card';
import { approveApproval, getProvider, listAdminAccounts, listApprovals, rejectApproval } from '../api';
import { useCan, type Can } from '../can';
import { useAdminText, type AdminT } from '../i18n';
import { shanghaiTime } from '../labels';
import { Notice, useNoticeOf, type NoticeState } from '../notice';
import { ReasonForm } from '../reason-form';
import { adminIdentity } from '../session';

/** The most shown at once; a longer queue is rare (each is one person's big correction). */
const SHOWN = 20;

interface Waiting {
  approvals: Approval[];
  /** Provider and account names by id, where the role may read them (else the id is shown). */
  names: Record<string, string>;
}

const decidesWith: Record<ApprovalKind, 'createPointsAdjustment' | 'createPointsReversal' | 'changeAdminRole'> = {
  points_adjustment: 'createPointsAdjustment',
  points_reversal: 'createPointsReversal',
  role_change: 'changeAdminRole',
};

async function loadWaiting(can: Can): Promise<Result<Waiting>> {
  const page = await listApprovals('PENDING', { limit: SHOWN });
  if (!page.ok) return page;
  const approvals = page.data.items;
  const names: Record<string, string> = {};
  const providers = [...new Set(approvals.flatMap((a) => (a.change.providerId ? [a.change.providerId] : [])))];
  if (can('adminGetProvider')) {
    const found = await Promise.all(providers.map((id) => getProvider(id)));
    for (const f of found) if (f.ok) names[f.data.provider.id] = f.data.provider.name;
  }
  if (approvals.some((a) => a.kind === 'role_change') && can('listAdminAccounts')) {
    const accounts = await listAdminAccounts();
    if (accounts.ok) for (const a of accounts.data.accounts) names[a.id] = `${a.name}（${a.username}）`;
  }
  return { ok: true, data: { approvals, names } };
}

function changeText(t: AdminT, a: Approval, names: Record<string, string>): string {
  const who = (id: string | undefined) => (id ? (names[id] ?? id) : '');
  const what = a.kind === 'role_change' ? t('approval.role', { who: who(a.change.accountId), r: a.change.role ? t(`role.${a.change.role}`) : '' }) : t('approval.points', { who: who(a.change.providerId), n: a.change.points ?? 0 });
  return `${t(`approval.${a.kind}`)} · ${what}`;
}

export function ApprovalsCard() {
  const t = useAdminText();
  const can = useCan();
  const noticeOf = useNoticeOf();
  const me = adminIdentity()?.id;
  const waiting = useResource(() => loadWaiting(can), [can], { onShow: true });
  const [rejecting, setRejecting] = useState<Approval | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  useCounted('approvals', waiting.data?.approvals.length);
  const titleId = usePageId('card-approvals');

  const approve = async (a: Approval) => {
    setRejecting(null);
    setNotice(noticeOf(await approveApproval(a.id), () => t('approval.approved'), { CONFLICT: t('approval.decided') }));
    void waiting.reload(true);
  };

  return (
    <section className='admin-card admin-card--wide' data-card='approvals' aria-labelledby={titleId}>
      <h2 id={titleId} className='admin-card__title'>
        {t('attention.approvals')}
      </h2>
      <div className='admin-card__body'>
        <Resource state={waiting.state} onRetry={() => void waiting.reload()}>
          {({ approvals, names }) => (
            <>
              <Count tally={{ count: approvals.length, more: false }} />
              {approvals.length === 0 && <p className='admin-muted'>{t('approval.none')}</p>}
              <ul className='admin-card__list admin-approvals'>
                {approvals.map((a) => (
                  <li key={a.id} className='admin-approval' data-approval={a.id}>
                    <span className='admin-approval__what'>{changeText(t, a, names)}</span>
                    {a.change.reason && <span className='admin-muted'> · {a.change.reason}</span>}
                    <span className='admin-muted admin-approval__by'> · {t('approval.by', { name: a.requestedBy.name, at: shanghaiTime(a.requestedAt) })}</span>{' '}
                    {a.requestedBy.id === me ? (
                      <span className='admin-approval__own'>{t('approval.own')}</span>
                    ) : (
                      can(decidesWith[a.kind]) && (
                        <span className='admin-row-actions'>
                          <button type='button' className='admin-btn admin-approval__approve' onClick={() => void approve(a)}>
                            {t('approval.approve')}
                          </button>
                          <button type='button' className='admin-btn admin-btn--ghost admin-approval__reject' onClick={() => setRejecting(a)}>
                            {t('approval.reject')}
                          </button>
                        </span>
                      )
                    )}
                  </li>
                ))}
              </ul>
              {rejecting && (
                <ReasonForm
                  key={rejecting.id}
                  className='admin-approval__reason'
                  title={t('approval.rejectTitle', { what: changeText(t, rejecting, names) })}
                  field='rejectReason'
                  label={t('approval.reason')}
                  confirmText={t('approval.reject')}
                  confirmClassName='admin-approval__reject-confirm'
                  check={(reason) => RejectApprovalBody.safeParse({ reason })}
                  send={(body: RejectApprovalBody) => rejectApproval(rejecting.id, body.reason)}
                  saved={() => t('approval.rejected')}
                  refusals={{ CONFLICT: t('approval.decided') }}
                  onDone={(n) => {
                    setNotice(n);
                    setRejecting(null);
                    void waiting.reload(true);
                  }}
                  onClose={() => setRejecting(null)}
                />
              )}
            </>
          )}
        </Resource>
        <Notice notice={notice} className='admin-approvals__notice' />
      </div>
    </section>
  );
}
