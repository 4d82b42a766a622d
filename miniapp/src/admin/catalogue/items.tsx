// The catalogue: every item (active or not) with its stock, and the form that creates or edits one.
import { useState } from 'react';
import { CatalogItemBody, Id, type CatalogItem } from '@contract';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { adminCatalog, putCatalogItem } from '../api';
import { TextField, type FieldErrors } from '../form';
import { useAdminText } from '../i18n';
import { Notice } from '../notice';
import { Section } from '../section';
import { DataTable } from '../table';
import { useAdminForm } from '../use-admin-form';

interface Draft {
  id: string;
  name: string;
  unit: string;
  points: string;
  stock: string;
  active: boolean;
}

const blank: Draft = { id: '', name: '', unit: '', points: '', stock: '', active: true };
const toDraft = (i: CatalogItem): Draft => ({ id: i.id, name: i.name, unit: i.unit, points: String(i.points), stock: String(i.stock), active: i.active });
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

export function CatalogueItems() {
  const t = useAdminText();
  const items = useResource(adminCatalog, [], { onShow: true });
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(blank);
  const id = draft.id.trim();
  const { errors, notice, saving, onSubmit, reset } = useAdminForm({
    check: () => CatalogItemBody.safeParse({ name: draft.name, unit: draft.unit, points: num(draft.points), stock: num(draft.stock), active: draft.active }),
    // The id travels in the path, outside the body the schema checks.
    beside: (): FieldErrors => (Id.safeParse(id).success ? {} : { id: id ? t('form.id') : t('form.required') }),
    send: (body) => putCatalogItem(id, body),
    saved: (d) => {
      setEditing(d.item.id);
      void items.reload(true);
      return t('catalogue.saved', { name: d.item.name });
    },
  });

  const open = (item: CatalogItem | null) => {
    setEditing(item && item.id);
    setDraft(item ? toDraft(item) : blank);
    reset();
  };
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
        <TextField name='stock' label={t('catalogue.stock')} errors={errors} short input={{ inputMode: 'numeric' }} value={draft.stock} onChange={(stock) => setDraft({ ...draft, stock })} />
        <label className='admin-check admin-catalogue__active'>
          <input type='checkbox' checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
          {t('catalogue.on')}
        </label>
        <button type='submit' className='admin-btn admin-catalogue__save' disabled={saving}>
          {t('action.save')}
        </button>
      </form>
      <Notice notice={notice} />
    </Section>
  );
}
