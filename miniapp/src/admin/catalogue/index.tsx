import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ExchangeStatus, RejectExchangeBody, type Exchange } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { go, routes } from '../../routes';
import { fulfilExchange, listExchanges, rejectExchange } from '../api';
import { useAdminText } from '../i18n';
import { shanghaiTime } from '../labels';
import { AdminLink } from '../link';
import { Notice, useNoticeOf, type NoticeState } from '../notice';
import { PAGE_SIZE, useCursorPages } from '../paging';
import { ReasonForm } from '../reason-form';
import { Section } from '../section';
import { AdminShell } from '../shell';
import { actionsColumn, PagedTable, type Column } from '../table';
import { Tabs } from '../tabs';
import { CatalogueItems } from './items';

const statuses = ExchangeStatus.options;

function RejectForm({ exchange, onClose, onDone }: { exchange: Exchange; onClose: () => void; onDone: (n: NoticeState) => void }) {
  const t = useAdminText();
  return (
    <ReasonForm
      className='admin-exchanges__reject'
      title={t('exchanges.rejectTitle', { who: exchange.providerName, what: `${exchange.itemName} × ${exchange.quantity}` })}
      field='rejectReason'
      label={t('exchanges.reason')}
      confirmText={t('exchanges.reject')}
      confirmClassName='admin-exchanges__reject-confirm'
      check={(reason) => RejectExchangeBody.safeParse({ reason })}
      send={({ reason }) => rejectExchange(exchange.id, reason)}
      saved={(d) => t('exchanges.rejected', { n: d.exchange.points })}
      refusals={{ CONFLICT: t('exchanges.decided') }}
      onDone={onDone}
      onClose={onClose}
    />
  );
}

export default function AdminCataloguePage() {
  const t = useAdminText();
  const noticeOf = useNoticeOf();
  const asked = Taro.getCurrentInstance().router?.params.status;
  const status = statuses.find((s) => s === asked) ?? 'PENDING';
  const [notice, setNotice] = useState<NoticeState>(null);
  const [fulfilling, setFulfilling] = useState<Exchange | null>(null);
  const [rejecting, setRejecting] = useState<Exchange | null>(null);
  const list = useCursorPages((cursor) => listExchanges(status, { limit: PAGE_SIZE, cursor }), [status]);

  const done = (n: NoticeState) => {
    setNotice(n);
    setRejecting(null);
    void list.reload(true);
  };
  const fulfil = async (x: Exchange) => {
    setFulfilling(null);
    const answer = await fulfilExchange(x.id);
    done(noticeOf(answer, () => t('exchanges.fulfilled'), { CONFLICT: t('exchanges.decided') }));
  };

  const columns: Column<Exchange>[] = [
    { key: 'createdAt', title: t('exchanges.createdAt'), cell: (x) => shanghaiTime(x.createdAt) },
    {
      key: 'provider',
      title: t('exchanges.provider'),
      cell: (x) => <AdminLink to={routes.adminPoints(x.providerId)}>{x.providerName}</AdminLink>,
    },
    { key: 'item', title: t('exchanges.item'), cell: (x) => `${x.itemName} × ${x.quantity} ${x.unit}` },
    { key: 'points', title: t('exchanges.points'), numeric: true, cell: (x) => x.points },
    ...(status === 'PENDING'
      ? [
          actionsColumn((x: Exchange) => (
            <>
              <button type='button' className='admin-btn admin-exchanges__fulfil' onClick={() => setFulfilling(x)}>
                {t('exchanges.fulfil')}
              </button>
              <button type='button' className='admin-btn admin-btn--ghost admin-exchanges__reject-open' onClick={() => setRejecting(x)}>
                {t('exchanges.reject')}
              </button>
            </>
          )),
        ]
      : [
          { key: 'decidedAt', title: t('exchanges.decidedAt'), cell: (x: Exchange) => shanghaiTime(x.decidedAt) },
          ...(status === 'REJECTED' ? [{ key: 'reason', title: t('exchanges.reason'), cell: (x: Exchange) => x.reason ?? '' }] : []),
        ]),
  ];

  return (
    <AdminShell area='catalogue' title={t('catalogue.title')}>
      <Section id='exchanges' title={t('exchanges.title')}>
        <Tabs label={t('exchanges.title')} values={statuses} selected={status} attribute='status' textKey='exchanges' onSelect={(s) => go.replace(routes.adminCatalogue(s))} />
        <Notice notice={notice} />
        {rejecting && <RejectForm key={rejecting.id} exchange={rejecting} onClose={() => setRejecting(null)} onDone={done} />}
        <PagedTable<Exchange> list={list} rowKey={(x) => x.id} columns={columns} emptyTitle={t('exchanges.empty')} className='admin-exchanges__table' />
      </Section>
      <CatalogueItems />
      {fulfilling && (
        <ConfirmDialog
          title={t('exchanges.fulfil')}
          body={t('exchanges.fulfilConfirm', { who: fulfilling.providerName, what: `${fulfilling.itemName} × ${fulfilling.quantity} ${fulfilling.unit}` })}
          confirmText={t('exchanges.fulfil')}
          onCancel={() => setFulfilling(null)}
          onConfirm={() => void fulfil(fulfilling)}
        />
      )}
    </AdminShell>
  );
}
