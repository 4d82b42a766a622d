import Taro from '@tarojs/taro';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ExchangeStatus, RejectExchangeBody, type Exchange } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useI18n } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { go, routes } from '../../routes';
import { fulfilExchange, listExchanges, rejectExchange } from '../api';
import { Field, Notice, zodErrors, type FieldErrors } from '../form';
import { useAdminText } from '../i18n';
import { shanghaiTime } from '../labels';
import { paged, useCursorPages } from '../paging';
import { AdminShell } from '../shell';
import { PagedTable, type Column } from '../table';
import { Tabs } from '../tabs';
import { CatalogueItems } from './items';

const PAGE = 20;
const statuses = ExchangeStatus.options;
type NoticeState = { ok: boolean; text: string } | null;

/** A rejection's reason, asked for in the page (focused on opening; Esc closes it). */
function RejectForm({ exchange, onClose, onDone }: { exchange: Exchange; onClose: () => void; onDone: (n: NoticeState) => void }) {
  const t = useAdminText();
  const { t: appT } = useI18n();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [exchange.id]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = RejectExchangeBody.safeParse({ reason });
    if (!checked.success) return setErrors({ rejectReason: zodErrors(t, checked.error).reason ?? t('form.invalid') });
    setSaving(true);
    const answer = await rejectExchange(exchange.id, checked.data.reason);
    setSaving(false);
    onDone(answer.ok ? { ok: true, text: t('exchanges.rejected', { n: answer.data.exchange.points }) } : { ok: false, text: answer.code === 'CONFLICT' ? t('exchanges.decided') : errorText(appT, answer) });
  };
  return (
    <section className='admin-section admin-exchanges__reject' aria-labelledby='reject-title'>
      <h2 id='reject-title' className='admin-section__title'>
        {t('exchanges.rejectTitle', { who: exchange.providerName, what: `${exchange.itemName} × ${exchange.quantity}` })}
      </h2>
      <form className='admin-form admin-form--inline' onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onClose()} noValidate>
        <Field name='rejectReason' label={t('exchanges.reason')} errors={errors} className='admin-form__wide'>
          {(c) => <input {...c} ref={input} className='admin-input' maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type='submit' className='admin-btn admin-btn--danger admin-exchanges__reject-confirm' disabled={saving}>
          {t('exchanges.reject')}
        </button>
        <button type='button' className='admin-btn admin-btn--ghost' onClick={onClose}>
          {t('action.cancel')}
        </button>
      </form>
    </section>
  );
}

export default function AdminCataloguePage() {
  const t = useAdminText();
  const { t: appT } = useI18n();
  const asked = Taro.getCurrentInstance().router?.params.status;
  const status = statuses.find((s) => s === asked) ?? 'PENDING';
  const [notice, setNotice] = useState<NoticeState>(null);
  const [fulfilling, setFulfilling] = useState<Exchange | null>(null);
  const [rejecting, setRejecting] = useState<Exchange | null>(null);
  const list = useCursorPages((cursor) => listExchanges(status, { limit: PAGE, cursor }).then((a) => paged(a, (d) => d.exchanges)), [status]);

  const done = (n: NoticeState) => {
    setNotice(n);
    setRejecting(null);
    void list.reload(true);
  };
  const fulfil = async (x: Exchange) => {
    setFulfilling(null);
    const answer = await fulfilExchange(x.id);
    done(answer.ok ? { ok: true, text: t('exchanges.fulfilled') } : { ok: false, text: answer.code === 'CONFLICT' ? t('exchanges.decided') : errorText(appT, answer) });
  };

  const columns: Column<Exchange>[] = [
    { key: 'createdAt', title: t('exchanges.createdAt'), cell: (x) => shanghaiTime(x.createdAt) },
    {
      key: 'provider',
      title: t('exchanges.provider'),
      cell: (x) => (
        <a
          href={`#${routes.adminPoints(x.providerId)}`}
          onClick={(e) => {
            e.preventDefault();
            go.to(routes.adminPoints(x.providerId));
          }}
        >
          {x.providerName}
        </a>
      ),
    },
    { key: 'item', title: t('exchanges.item'), cell: (x) => `${x.itemName} × ${x.quantity} ${x.unit}` },
    { key: 'points', title: t('exchanges.points'), numeric: true, cell: (x) => x.points },
    ...(status === 'PENDING'
      ? [
          {
            key: 'actions',
            title: '',
            cell: (x: Exchange) => (
              <span className='admin-row-actions'>
                <button type='button' className='admin-btn admin-exchanges__fulfil' onClick={() => setFulfilling(x)}>
                  {t('exchanges.fulfil')}
                </button>
                <button type='button' className='admin-btn admin-btn--ghost admin-exchanges__reject-open' onClick={() => setRejecting(x)}>
                  {t('exchanges.reject')}
                </button>
              </span>
            ),
          },
        ]
      : [
          { key: 'decidedAt', title: t('exchanges.decidedAt'), cell: (x: Exchange) => shanghaiTime(x.decidedAt) },
          ...(status === 'REJECTED' ? [{ key: 'reason', title: t('exchanges.reason'), cell: (x: Exchange) => x.reason ?? '' }] : []),
        ]),
  ];

  return (
    <AdminShell area='catalogue' title={t('catalogue.title')}>
      <section className='admin-section' aria-labelledby='exchanges-title'>
        <h2 id='exchanges-title' className='admin-section__title'>
          {t('exchanges.title')}
        </h2>
        <Tabs label={t('exchanges.title')} values={statuses} selected={status} attribute='status' textKey='exchanges' onSelect={(s) => go.replace(routes.adminCatalogue(s))} />
        <Notice notice={notice} />
        {rejecting && <RejectForm key={rejecting.id} exchange={rejecting} onClose={() => setRejecting(null)} onDone={done} />}
        <PagedTable<Exchange> list={list} rowKey={(x) => x.id} columns={columns} emptyTitle={t('exchanges.empty')} className='admin-exchanges__table' />
      </section>
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
