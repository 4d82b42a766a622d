// One provider's points: what is spendable and what is held, the ledger page by page, an
// adjustment form (confirmed before it is sent), and the reversal of a credit in whole or in part —
// each correction with the admin's reason.
import { useState } from 'react';
import { AdjustmentBody, ClearIntegrityBody, ReversalBody, type IntegrityCase, type LedgerEntry, type LedgerReason } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useResource } from '../../hooks/use-resource';
import { routes } from '../../routes';
import { pageOf } from '../../services/page';
import { adjustPoints, clearIntegrity, integritySignals, providerPoints, reversePoints } from '../api';
import { Field, TextField } from '../form';
import { useAdminText, type AdminKey } from '../i18n';
import { flagsText, shanghaiTime } from '../labels';
import { AdminLink } from '../link';
import { Notice, type NoticeState } from '../notice';
import { useCursorPages } from '../paging';
import { InlineForm } from '../inline-form';
import { ReasonForm } from '../reason-form';
import { Section } from '../section';
import { actionsColumn, PagedTable } from '../table';
import { useAdminForm } from '../use-admin-form';

/** Credits that can be taken back (the server's rule, isReversible in functions/domain/points.ts, which the desk cannot import). */
const isReversible = (e: LedgerEntry) => e.points > 0 && (e.reason === 'meal_redeemed' || e.reason === 'adjustment');

/** What is left of a credit to take back (0 for anything that is not a reversible credit, or is reversed whole). */
const leftOf = (e: LedgerEntry) => (isReversible(e) ? e.points - (e.reversed ?? 0) : 0);

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** An adjustment is sent only after a confirmation naming the provider, the amount and the reason. */
function AdjustForm({ providerId, providerName, onDone }: { providerId: string; providerName: string; onDone: (n: NoticeState) => void }) {
  const t = useAdminText();
  const [draft, setDraft] = useState({ points: '', reason: '' });
  const [asking, setAsking] = useState<{ body: AdjustmentBody; go: () => void } | null>(null);
  const { errors, saving, onSubmit } = useAdminForm({
    check: () => AdjustmentBody.safeParse({ providerId, points: draft.points.trim() === '' ? undefined : Number(draft.points), reason: draft.reason }),
    confirm: (body, go) => setAsking({ body, go }),
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
      {asking && (
        <ConfirmDialog
          title={t('points.adjustConfirmTitle')}
          body={t(asking.body.points > 0 ? 'points.adjustConfirmCredit' : 'points.adjustConfirmDebit', { name: providerName, n: Math.abs(asking.body.points), reason: asking.body.reason })}
          confirmText={t('points.adjustSubmit')}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            asking.go();
          }}
        />
      )}
    </Section>
  );
}

/** The reversal of one credit, all that is left of it or part, with the admin's reason. */
function ReverseForm({ providerId, entry, onClose, onDone }: { providerId: string; entry: LedgerEntry; onClose: () => void; onDone: (n: NoticeState) => void }) {
  const t = useAdminText();
  const left = leftOf(entry);
  const [draft, setDraft] = useState({ points: String(left), reason: '' });
  const { errors, saving, onSubmit } = useAdminForm({
    check: () => ReversalBody.safeParse({ providerId, entryId: entry.id, reason: draft.reason, points: draft.points.trim() === '' ? undefined : Number(draft.points) }),
    beside: (): Record<string, string> => (Number(draft.points) > left ? { reversePoints: t('points.reverseAtMost', { n: left }) } : {}),
    send: reversePoints,
    saved: (d) => ('approval' in d ? t('points.waiting') : t('points.reversed', { n: signed(d.entry.points) })),
    refusals: { CONFLICT: t('points.alreadyReversed'), INSUFFICIENT_POINTS: t('points.spent') },
    // Its own field names: the adjustment form on the same page has `points` and `reason` too.
    fieldOf: (path) => (path === 'points' || path === 'reversePoints' ? 'reversePoints' : 'reverseReason'),
    onNotice: (n) => {
      if (n) onDone(n);
    },
  });
  return (
    <InlineForm
      id='reverseForm'
      className='admin-points__reverse'
      title={t('points.reverseTitle', { n: signed(entry.points), at: shanghaiTime(entry.at), left })}
      submitText={t('points.reverse')}
      submitClassName='admin-points__reverse-confirm'
      danger
      saving={saving}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <TextField name='reversePoints' label={t('points.reversePoints')} errors={errors} short input={{ inputMode: 'numeric' }} value={draft.points} onChange={(points) => setDraft({ ...draft, points })} />
      <Field name='reverseReason' label={t('points.reason')} errors={errors} className='admin-form__wide'>
        {(c) => <input {...c} className='admin-input' maxLength={200} value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} />}
      </Field>
    </InlineForm>
  );
}

/** What an entry came from; a reversal names the credit it took back, one click from that credit's history. */
function RefCell({ entry, rows }: { entry: LedgerEntry; rows: readonly LedgerEntry[] }) {
  const t = useAdminText();
  if (entry.reason !== 'reversal') return <code className='admin-code'>{entry.ref}</code>;
  const credit = rows.find((r) => r.id === entry.ref);
  return (
    <AdminLink className='admin-points__reverses' to={routes.adminAudit({ target: entry.ref })}>
      {credit ? t('points.reversesEntry', { at: shanghaiTime(credit.at), n: signed(credit.points) }) : t('points.reversesId', { id: entry.ref })}
    </AdminLink>
  );
}

/** A credit's amount, and how much of it was taken back: a reversed credit must not look live. */
function AmountCell({ entry }: { entry: LedgerEntry }) {
  const t = useAdminText();
  const reversed = entry.reversed ?? 0;
  return (
    <>
      <span className={entry.points < 0 ? 'admin-neg' : 'admin-pos'}>{signed(entry.points)}</span>
      {reversed > 0 && (
        <span className='admin-badge admin-badge--muted admin-points__reversed' data-reversed={reversed}>
          {reversed >= entry.points ? t('points.reversedAll') : t('points.reversedPart', { n: reversed })}
        </span>
      )}
    </>
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

export function Ledger({ providerId, providerName }: { providerId: string; providerName: string }) {
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
      <AdjustForm providerId={providerId} providerName={providerName} onDone={done} />
      <Section id='ledger' title={t('points.ledger')} action={<AdminLink to={routes.adminAudit({ provider: providerId })}>{t('points.audit')}</AdminLink>}>
        <PagedTable<LedgerEntry>
          list={list}
          rowKey={(e) => e.id}
          emptyTitle={t('points.empty')}
          className='admin-points__ledger'
          columns={[
            { key: 'at', title: t('points.at'), cell: (e) => shanghaiTime(e.at) },
            { key: 'reason', title: t('points.kind'), cell: (e) => t(`ledger.${e.reason satisfies LedgerReason}` as AdminKey) },
            { key: 'points', title: t('points.amount'), numeric: true, cell: (e) => <AmountCell entry={e} /> },
            { key: 'note', title: t('points.note'), cell: (e) => e.note ?? '' },
            { key: 'ref', title: t('points.ref'), cell: (e) => <RefCell entry={e} rows={list.data?.items ?? []} /> },
            { key: 'available', title: t('points.availableAt'), cell: (e) => (e.availableAt > e.at ? shanghaiTime(e.availableAt) : '') },
            actionsColumn((e) =>
              leftOf(e) > 0 ? (
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
