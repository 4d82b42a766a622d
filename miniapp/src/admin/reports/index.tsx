// Food-safety reports from recipients: the open ones are dealt with and closed with what was done;
// the closed ones keep who closed them, when, and that note. An officer sees their sub-districts' only.
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { CLOSE_NOTE_MAX_CHARS, CloseSafetyReportBody, SafetyReportStatus, type AdminSafetyReport } from '@contract';
import { go, routes } from '../../routes';
import { closeSafetyReport, listSafetyReports } from '../api';
import { useCan } from '../can';
import { useAdminText } from '../i18n';
import { shanghaiTime } from '../labels';
import { AdminLink } from '../link';
import { Notice, type NoticeState } from '../notice';
import { PAGE_SIZE, useCursorPages } from '../paging';
import { ReasonForm } from '../reason-form';
import { AdminShell } from '../shell';
import { actionsColumn, PagedTable, type Column } from '../table';
import { Tabs } from '../tabs';

const statuses = SafetyReportStatus.options;

function CloseForm({ report, onClose, onDone }: { report: AdminSafetyReport; onClose: () => void; onDone: (n: NoticeState) => void }) {
  const t = useAdminText();
  return (
    <ReasonForm
      className='admin-reports__close'
      title={t('reports.closeTitle', { who: report.providerName, when: shanghaiTime(report.at) })}
      field='closeNote'
      label={t('reports.note')}
      maxLength={CLOSE_NOTE_MAX_CHARS}
      confirmText={t('reports.close')}
      confirmClassName='admin-reports__close-confirm'
      check={(note) => CloseSafetyReportBody.safeParse({ note })}
      send={({ note }) => closeSafetyReport(report.id, note)}
      saved={() => t('reports.closed')}
      refusals={{ CONFLICT: t('reports.closedAlready') }}
      onDone={onDone}
      onClose={onClose}
    />
  );
}

export default function AdminReportsPage() {
  const t = useAdminText();
  const can = useCan();
  const asked = Taro.getCurrentInstance().router?.params.status;
  const status = statuses.find((s) => s === asked) ?? 'OPEN';
  const [notice, setNotice] = useState<NoticeState>(null);
  const [closing, setClosing] = useState<AdminSafetyReport | null>(null);
  const list = useCursorPages((cursor) => listSafetyReports(status, { limit: PAGE_SIZE, cursor }), [status]);

  const done = (n: NoticeState) => {
    setNotice(n);
    setClosing(null);
    void list.reload(true);
  };

  const columns: Column<AdminSafetyReport>[] = [
    { key: 'at', title: t('reports.at'), cell: (r) => shanghaiTime(r.at) },
    { key: 'provider', title: t('reports.provider'), cell: (r) => <AdminLink to={routes.adminProvider(r.providerId)}>{r.providerName}</AdminLink> },
    { key: 'booking', title: t('reports.booking'), cell: (r) => r.bookingId ?? '—' },
    { key: 'text', title: t('reports.text'), cell: (r) => <span className='admin-reports__text'>{r.text}</span> },
    ...(status === 'CLOSED'
      ? [
          { key: 'closedBy', title: t('reports.closedBy'), cell: (r: AdminSafetyReport) => r.closed?.by.name ?? '' },
          { key: 'closedAt', title: t('reports.closedAt'), cell: (r: AdminSafetyReport) => shanghaiTime(r.closed?.at) },
          { key: 'note', title: t('reports.note'), cell: (r: AdminSafetyReport) => <span className='admin-reports__text'>{r.closed?.note ?? ''}</span> },
        ]
      : can('closeSafetyReport')
        ? [
            actionsColumn((r: AdminSafetyReport) => (
              <button type='button' className='admin-btn admin-reports__close-open' onClick={() => setClosing(r)}>
                {t('reports.close')}
              </button>
            )),
          ]
        : []),
  ];

  return (
    <AdminShell area='reports' title={t('reports.title')}>
      <Tabs
        label={t('reports.title')}
        values={statuses}
        selected={status}
        attribute='status'
        textKey='reports'
        onSelect={(s) => {
          setClosing(null);
          go.replace(routes.adminReports(s));
        }}
      />
      <Notice notice={notice} />
      {closing && <CloseForm key={closing.id} report={closing} onClose={() => setClosing(null)} onDone={done} />}
      <PagedTable<AdminSafetyReport> list={list} rowKey={(r) => r.id} emptyTitle={t(status === 'OPEN' ? 'reports.emptyOpen' : 'reports.emptyClosed')} className='admin-reports__table' columns={columns} />
    </AdminShell>
  );
}
