// One provider's points: what is spendable and what is held, the ledger page by page, an
// adjustment form, and the reversal of a credit — each correction with the admin's reason.
import { useState } from 'react';
import { AdjustmentBody, ClearIntegrityBody, ReversalBody, type IntegrityCase, type LedgerEntry, type LedgerReason } from '@contract';
import { useResource } from '../../hooks/use-resource';
import { routes } from '../../routes';
import { pageOf } from '../../services/page';
import { adjustPoints, clearIntegrity, integritySignals, providerPoints, reversePoints } from '../api';
import { TextField } from '../form';
import { useAdminText, type AdminKey } from '../i18n';
import { flagsText, shanghaiTime } from '../labels';
import { AdminLink } from '../link';
import { Notice, type NoticeState } from '../notice';
import { useCursorPages } from '../paging';
import { ReasonForm } from '../reason-form';
import { Section } from '../section';
import { actionsColumn, PagedTable } from '../table';
import { useAdminForm } from '../use-admin-form';

/** Credits that can be taken back (the server refuses the rest, and a second reversal). */
const reversible = (e: LedgerEntry) => e.points > 0 && (e.reason === 'meal_redeemed' || e.reason === 'adjustment');

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function AdjustForm({ providerId, onDone }: { providerId: string; onDone: (n: NoticeState) => void }) {
  const t = useAdminText();
  const [draft, setDraft] = useState({ points: '', reason: '' });
  const { errors, saving, onSubmit } = useAdminForm({
    check: () => AdjustmentBody.safeParse({ providerId, points: draft.points.trim() === '' ? undefined : Number(draft.points), reason: draft.reason }),
    send: adjustPoints,
    saved: (d) => {
      setDraft({ points: '', reason: '' });
      return 'approval' in d ? t('points.waiting') : t('points.adjusted', { n: signed(d.entry.points) });
    },
    refusals: { INSUFFICIENT_POINTS: t('points.insufficient') },
    onNotice: onDone,
  });
  return (
    <Section id='adjust' className='admin-points__adjust' title={t('points.adjust')}>
      <form className='admin-form admin-form--inline' onSubmit={onSubmit} noValidate>
        <TextField name='points' label={t('points.amount')} hint={t('points.amountHint')} errors={errors} short input={{ inputMode: 'numeric' }} value={draft.points} onChange={(points) => setDraft({ ...draft, points })} />
        <TextField name='reason' label={t('points.reason')} errors={errors} className='admin-form__wide' input={{ maxLength: 200 }} value={draft.reason} onChange={(reason) => setDraft({ ...draft, reason })} />
        <button type='submit' className='admin-btn admin-points__save' disabled={saving}>
          {t('points.adjustSubmit')}
        </button>
      </form>
    </Section>
  );
}

/** The reversal of one credit, with the admin's reason. */
function ReverseForm({ providerId, entry, onClose, onDone }: { providerId: string; entry: LedgerEntry; onClose: () => void; onDone: (n: NoticeState) => void }) {
  const t = useAdminText();
  return (
    <ReasonForm
      className='admin-points__reverse'
      title={t('points.reverseTitle', { n: signed(entry.points), at: shanghaiTime(entry.at) })}
      field='reverseReason'
      label={t('points.reason')}
      confirmText={t('points.reverse')}
      confirmClassName='admin-points__reverse-confirm'
      check={(reason) => ReversalBody.safeParse({ providerId, entryId: entry.id, reason })}
      send={reversePoints}
      saved={(d) => ('approval' in d ? t('points.waiting') : t('points.reversed', { n: signed(d.entry.points) }))}
      refusals={{ CONFLICT: t('points.alreadyReversed'), INSUFFICIENT_POINTS: t('points.spent') }}
      onDone={onDone}
      onClose={onClose}
    />
  );
}

/**
 * The provider's open integrity case, if any: what the nightly review found, and the clear that
 * releases its held points (false credits are reversed in the ledger below first).
 */
function IntegrityCaseSection({ held, onDone }: { held: IntegrityCase; onDone: (n: NoticeState) => void }) {
  const t = useAdminText();
  const [clearing, setClearing] = useState(false);
  return (
    <Section
      id='integrity'
      className='admin-points__integrity'
      title={<span className='admin-badge admin-badge--suspended'>⚠ {t('points.integrity')}</span>}
      action={
        !clearing && (
          <button type='button' className='admin-btn admin-btn--ghost admin-points__clear-open' onClick={() => setClearing(true)}>
            {t('points.clear')}
          </button>
        )
      }
    >
      <p className='admin-points__held'>{t('points.heldSince', { at: shanghaiTime(held.flaggedAt), flags: flagsText(t, held.flags) })}</p>
      <p className='admin-muted'>{t('points.evidence', { from: held.evidence.from, to: held.evidence.to, n: held.evidence.redemptions })}</p>
      {clearing && (
        <ReasonForm
          className='admin-points__clear'
          title={t('points.clearTitle')}
          field='clearReason'
          label={t('points.reason')}
          confirmText={t('points.clear')}
          confirmClassName='admin-points__clear-confirm'
          check={(reason) => ClearIntegrityBody.safeParse({ reason })}
          send={(body) => clearIntegrity(held.providerId, body.reason)}
          saved={() => t('points.cleared')}
          refusals={{ CONFLICT: t('points.notFlagged') }}
          onDone={(n) => {
            if (n?.ok) setClearing(false);
            onDone(n);
          }}
          onClose={() => setClearing(false)}
        />
      )}
    </Section>
  );
}

export function Ledger({ providerId }: { providerId: string }) {
  const t = useAdminText();
  const [summary, setSummary] = useState<{ balance: number; pending: number } | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [reversing, setReversing] = useState<LedgerEntry | null>(null);
  const list = useCursorPages(
    (cursor) =>
      providerPoints(providerId, cursor).then((a) => {
        if (a.ok) setSummary({ balance: a.data.balance, pending: a.data.pending });
        return pageOf(a, 'entries');
      }),
    [providerId],
  );
  const integrity = useResource(() => integritySignals({ providerId }), [providerId]);
  const held = integrity.data?.held.find((h) => h.providerId === providerId) ?? null;
  const done = (n: NoticeState) => {
    setNotice(n);
    if (n?.ok) {
      setReversing(null);
      void list.reload(true);
      void integrity.reload(true);
    }
  };

  return (
    <>
      <section className='admin-cards admin-points__summary' aria-label={t('points.summary')}>
        <div className='admin-card' data-card='balance'>
          <h2 className='admin-card__title'>{t('points.balance')}</h2>
          <span className='admin-card__count' data-count={summary?.balance}>
            {summary ? summary.balance : '—'}
          </span>
        </div>
        <div className='admin-card' data-card='pending'>
          <h2 className='admin-card__title'>{t('points.pending')}</h2>
          <span className='admin-card__count' data-count={summary?.pending}>
            {summary ? summary.pending : '—'}
          </span>
          <p className='admin-muted'>{t('points.pendingHint')}</p>
        </div>
      </section>
      {held && <IntegrityCaseSection key={held.flaggedAt} held={held} onDone={done} />}
      <Notice notice={notice} />
      {reversing && <ReverseForm key={reversing.id} providerId={providerId} entry={reversing} onClose={() => setReversing(null)} onDone={done} />}
      <AdjustForm providerId={providerId} onDone={done} />
      <Section id='ledger' title={t('points.ledger')} action={<AdminLink to={routes.adminAudit({ provider: providerId })}>{t('points.audit')}</AdminLink>}>
        <PagedTable<LedgerEntry>
          list={list}
          rowKey={(e) => e.id}
          emptyTitle={t('points.empty')}
          className='admin-points__ledger'
          columns={[
            { key: 'at', title: t('points.at'), cell: (e) => shanghaiTime(e.at) },
            { key: 'reason', title: t('points.kind'), cell: (e) => t(`ledger.${e.reason satisfies LedgerReason}` as AdminKey) },
            { key: 'points', title: t('points.amount'), numeric: true, cell: (e) => <span className={e.points < 0 ? 'admin-neg' : 'admin-pos'}>{signed(e.points)}</span> },
            { key: 'note', title: t('points.note'), cell: (e) => e.note ?? '' },
            { key: 'ref', title: t('points.ref'), cell: (e) => <code className='admin-code'>{e.ref}</code> },
            { key: 'available', title: t('points.availableAt'), cell: (e) => (e.availableAt > e.at ? shanghaiTime(e.availableAt) : '') },
            actionsColumn((e) =>
              reversible(e) ? (
                <button type='button' className='admin-btn admin-btn--ghost admin-points__reverse-open' onClick={() => setReversing(e)}>
                  {t('points.reverse')}
                </button>
              ) : null,
            ),
          ]}
        />
      </Section>
    </>
  );
}
