// The catalogue: every item (active or not) with its stock, the form that creates or edits one,
// and the small form that adds or takes out stock. An edit never sends stock and always sends the
// version it was opened at: a staff order (or another admin) changing the item meanwhile makes the
// server refuse it (409) instead of the desk putting back what it read.
import { useRef, useState } from 'react';
import { CatalogItemBody, Id, StockAdjustmentBody, type CatalogItem } from '@contract';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { adjustCatalogStock, adminCatalog, putCatalogItem } from '../api';
import { useCan } from '../can';
import { TextField, type FieldErrors } from '../form';
import { useAdminText } from '../i18n';
import { Notice, type NoticeState } from '../notice';
import { Section } from '../section';
import { DataTable } from '../table';
import { recordNow, useAdminForm } from '../use-admin-form';

interface Draft {
  id: string;
  name: string;
  unit: string;
  points: string;
  stock: string;
  active: boolean;
  /** The version the form was opened at; null for a new item. */
  version: number | null;
}

const blank: Draft = { id: '', name: '', unit: '', points: '', stock: '', active: true, version: null };
const toDraft = (i: CatalogItem): Draft => ({ id: i.id, name: i.name, unit: i.unit, points: String(i.points), stock: String(i.stock), active: i.active, version: i.version });
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const EDITED = ['name', 'unit', 'points', 'stock', 'active'] as const;
type Edited = (typeof EDITED)[number];

/** Adds (`+20`) or takes out (`-3`) stock of the open item, with a reason: never an absolute number. */
function StockAdjuster({ item, onAdjusted }: { item: CatalogItem; onAdjusted: (item: CatalogItem) => void }) {
  const t = useAdminText();
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const { errors, notice, saving, onSubmit } = useAdminForm({
    check: () => StockAdjustmentBody.safeParse({ delta: num(delta), reason }),
    send: (body) => adjustCatalogStock(item.id, body),
    saved: (d) => {
      setDelta('');
      setReason('');
      onAdjusted(d.item);
      return t('catalogue.adjusted', { name: d.item.name, stock: d.item.stock, unit: d.item.unit });
    },
    refusals: { OUT_OF_STOCK: t('catalogue.belowZero') },
  });
  return (
    <form className='admin-form admin-form--inline admin-catalogue__adjust' onSubmit={onSubmit} noValidate aria-label={t('catalogue.adjust')}>
      <TextField name='delta' label={t('catalogue.delta')} errors={errors} short input={{ inputMode: 'numeric', placeholder: '+20' }} value={delta} onChange={setDelta} />
      <TextField name='reason' label={t('catalogue.reason')} errors={errors} value={reason} onChange={setReason} />
      <button type='submit' className='admin-btn admin-catalogue__adjust-save' disabled={saving}>
        {t('catalogue.adjust')}
      </button>
      <Notice notice={notice} />
    </form>
  );
}

export function CatalogueItems() {
  const t = useAdminText();
  const items = useResource(adminCatalog, [], { onShow: true });
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(blank);
  const [opened, setOpened] = useState<CatalogItem | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  // What a refused edit found changed, for the notice said right after it.
  const changedMeanwhile = useRef<Edited[] | null>(null);
  const can = useCan();
  const id = draft.id.trim();

  const open = (item: CatalogItem | null) => {
    setEditing(item && item.id);
    setOpened(item);
    setDraft(item ? toDraft(item) : blank);
    reset();
  };

  const { errors, saving, onSubmit, reset } = useAdminForm({
    // An existing item: the version it was opened at and no stock; a new one: its opening stock.
    check: () =>
      CatalogItemBody.safeParse({
        name: draft.name,
        unit: draft.unit,
        points: num(draft.points),
        active: draft.active,
        ...(draft.version === null ? { stock: num(draft.stock) } : { version: draft.version }),
      }),
    // The id travels in the path, outside the body the schema checks.
    beside: (): FieldErrors => (Id.safeParse(id).success ? {} : { id: id ? t('form.id') : t('form.required') }),
    send: async (body) => {
      const answer = await putCatalogItem(id, body);
      // Changed since it was opened: load it as it is now, and say what changed, so the edit is made again on top.
      const now = answer.ok || answer.code !== 'CONFLICT' ? null : recordNow<CatalogItem>(answer.details, 'item', 'version');
      changedMeanwhile.current = now && opened ? EDITED.filter((f) => now[f] !== opened[f]) : null;
      if (now) open(now);
      if (answer.ok === false && answer.code === 'CONFLICT') void items.reload(true);
      return answer;
    },
    saved: (d) => {
      setEditing(d.item.id);
      setOpened(d.item);
      setDraft(toDraft(d.item));
      void items.reload(true);
      return t('catalogue.saved', { name: d.item.name });
    },
    refusals: { CONFLICT: t('catalogue.conflict') },
    onNotice: (said) => {
      // Reloading the form clears the notice (null) before the refusal is said: only the refusal uses up what changed.
      const changed = said ? changedMeanwhile.current : null;
      if (said) changedMeanwhile.current = null;
      setNotice(said && changed?.length ? { ok: false, text: t('catalogue.conflictIn', { fields: changed.map((f) => t(`catalogue.${f}`)).join(t('catalogue.listSep')) }) } : said);
    },
  });
  const edit = (item: CatalogItem) => {
    open(item);
    document.getElementById('f-name')?.focus();
  };

  return (
    <Section
      id='catalogue'
      className='admin-catalogue'
      title={t('catalogue.items')}
      action={
        <button type='button' className='admin-btn admin-btn--ghost admin-catalogue__new' onClick={() => open(null)}>
          {t('catalogue.newItem')}
        </button>
      }
    >
      <Resource state={items.state} onRetry={() => void items.reload()} isEmpty={(d) => d.items.length === 0} emptyTitle={t('catalogue.noItems')}>
        {(d) => (
          <DataTable<CatalogItem>
            rows={d.items}
            rowKey={(i) => i.id}
            onOpen={edit}
            className='admin-catalogue__table'
            columns={[
              { key: 'id', title: t('catalogue.id'), cell: (i) => <code className='admin-code'>{i.id}</code> },
              { key: 'name', title: t('catalogue.name'), cell: (i) => i.name },
              { key: 'unit', title: t('catalogue.unit'), cell: (i) => i.unit },
              { key: 'points', title: t('catalogue.points'), numeric: true, cell: (i) => i.points },
              { key: 'stock', title: t('catalogue.stock'), numeric: true, cell: (i) => <span className={i.stock === 0 ? 'admin-neg' : undefined}>{i.stock}</span> },
              { key: 'active', title: t('catalogue.active'), cell: (i) => t(i.active ? 'catalogue.on' : 'catalogue.off') },
            ]}
          />
        )}
      </Resource>
      <form className='admin-form admin-form--inline admin-catalogue__form' onSubmit={onSubmit} noValidate aria-label={t(editing ? 'catalogue.editItem' : 'catalogue.newItem')}>
        <TextField name='id' label={t('catalogue.id')} errors={errors} short input={{ readOnly: editing !== null }} value={draft.id} onChange={(id) => setDraft({ ...draft, id })} />
        <TextField name='name' label={t('catalogue.name')} errors={errors} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
        <TextField name='unit' label={t('catalogue.unit')} errors={errors} short value={draft.unit} onChange={(unit) => setDraft({ ...draft, unit })} />
        <TextField name='points' label={t('catalogue.points')} errors={errors} short input={{ inputMode: 'numeric' }} value={draft.points} onChange={(points) => setDraft({ ...draft, points })} />
        {/* Stock is set once, when the item is created; after that it moves by adjustments only. */}
        {draft.version === null && (
          <TextField name='stock' label={t('catalogue.stock')} errors={errors} short input={{ inputMode: 'numeric' }} value={draft.stock} onChange={(stock) => setDraft({ ...draft, stock })} />
        )}
        <label className='admin-check admin-catalogue__active'>
          <input type='checkbox' checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
          {t('catalogue.on')}
        </label>
        <button type='submit' className='admin-btn admin-catalogue__save' disabled={saving}>
          {t('action.save')}
        </button>
      </form>
      <Notice notice={notice} className='admin-catalogue__notice' />
      {opened && can('adjustCatalogStock') && (
        <StockAdjuster
          key={opened.id}
          item={opened}
          onAdjusted={(item) => {
            // The edit form goes on from the new version, keeping what was typed in it.
            setOpened(item);
            setDraft((d) => ({ ...d, stock: String(item.stock), version: item.version }));
            void items.reload(true);
          }}
        />
      )}
    </Section>
  );
}
