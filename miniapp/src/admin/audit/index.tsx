import Taro from '@tarojs/taro';
import { useState, type FormEvent } from 'react';
import { AuditQuery, Id, type AuditEntry } from '@contract';
import { go, routes } from '../../routes';
import { listAudit } from '../api';
import { auditChanges } from '../audit-changes';
import { filled } from '../filters';
import { DateRangeFields, serverErrors, TextField, zodErrors, type FieldErrors } from '../form';
import { useAdminText, type AdminKey, type AdminT } from '../i18n';
import { shanghaiTime } from '../labels';
import { useCursorPages } from '../paging';
import { AdminShell } from '../shell';
import { PagedTable } from '../table';

const PAGE = 25;

interface Filters {
  actor: string;
  target: string;
  from: string;
  to: string;
}

const filterNames = ['actor', 'target', 'from', 'to'] as const;

/** Filters come from the page URL, so other pages link to a target's history. */
function initialFilters(): Filters {
  const q = (Taro.getCurrentInstance().router?.params ?? {}) as Record<string, string | undefined>;
  return { actor: q.actor ?? '', target: q.target ?? '', from: q.from ?? '', to: q.to ?? '' };
}

/** A known action in the desk's words (the route's name otherwise: a new route still shows). */
function actionText(t: AdminT, action: string): string {
  const key = `audit.action.${action}` as AdminKey;
  const text = t(key);
  return text === key || text === undefined ? action : text;
}

/** Before and after, field by field, side by side; unchanged fields folded away. */
function Changes({ entry }: { entry: AuditEntry }) {
  const t = useAdminText();
  const rows = auditChanges(entry.before, entry.after);
  const changed = rows.filter((r) => r.changed);
  const same = rows.length - changed.length;
  if (rows.length === 0) return null;
  return (
    <table className='admin-diff'>
      <thead>
        <tr>
          <th scope='col'>{t('audit.field')}</th>
          <th scope='col'>{t('audit.before')}</th>
          <th scope='col'>{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changed.map((r) => (
          <tr key={r.field} data-field={r.field}>
            <th scope='row'>{r.field}</th>
            <td className='admin-diff__before'>{r.before ?? '—'}</td>
            <td className='admin-diff__after'>{r.after ?? '—'}</td>
          </tr>
        ))}
        {same > 0 && (
          <tr className='admin-diff__same'>
            <td colSpan={3}>{t('audit.unchanged', { n: same })}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export default function AdminAuditPage() {
  const t = useAdminText();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [draft, setDraft] = useState<Filters>(filters);
  const [errors, setErrors] = useState<FieldErrors>({});
  const list = useCursorPages(async (cursor) => {
    const answer = await listAudit({ ...filled(filters), limit: PAGE, cursor });
    if (!answer.ok) setErrors(serverErrors(t, answer) ?? {});
    return answer;
  }, [filters]);

  const apply = (next: Filters) => {
    const trimmed = Object.fromEntries(filterNames.map((n) => [n, next[n].trim()])) as unknown as Filters;
    const checked = AuditQuery.safeParse(filled(trimmed));
    if (!checked.success) return setErrors(zodErrors(t, checked.error));
    setErrors({});
    setDraft(trimmed);
    setFilters(trimmed);
    // The URL says what is shown, so the view can be linked to and reloaded.
    go.replace(routes.adminAudit(filled(trimmed)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const filterBy = (part: Partial<Filters>) => apply({ ...filters, ...part });

  return (
    <AdminShell area='audit' title={t('audit.title')}>
      <form className='admin-form admin-form--inline admin-audit__filters' role='search' onSubmit={submit} noValidate>
        <TextField name='actor' label={t('audit.actorId')} errors={errors} value={draft.actor} onChange={(actor) => setDraft({ ...draft, actor })} />
        <TextField name='target' label={t('audit.targetId')} errors={errors} value={draft.target} onChange={(target) => setDraft({ ...draft, target })} />
        <DateRangeFields range={draft} errors={errors} onChange={(part) => setDraft({ ...draft, ...part })} />
        <button type='submit' className='admin-btn admin-btn--ghost admin-audit__apply'>
          {t('action.search')}
        </button>
        <button type='button' className='admin-btn admin-btn--ghost admin-audit__clear' onClick={() => apply({ actor: '', target: '', from: '', to: '' })}>
          {t('audit.clear')}
        </button>
      </form>
      <p className='admin-muted'>{t('audit.hint')}</p>
      <PagedTable<AuditEntry>
        list={list}
        rowKey={(e) => e.id}
        emptyTitle={t('audit.empty')}
        className='admin-audit__table'
        columns={[
          { key: 'at', title: t('audit.at'), cell: (e) => shanghaiTime(e.at) },
          {
            key: 'actor',
            title: t('audit.actor'),
            cell: (e) => (
              <button type='button' className='admin-link-btn admin-audit__actor' title={t('audit.onlyActor')} onClick={() => filterBy({ actor: e.actor.id })}>
                {e.actor.name} <span className='admin-muted'>({t(`audit.role.${e.actor.role}` as AdminKey)})</span>
              </button>
            ),
          },
          { key: 'action', title: t('audit.action'), cell: (e) => <span data-action={e.action}>{actionText(t, e.action)}</span> },
          {
            key: 'target',
            title: t('audit.target'),
            // Only an id the filter accepts is offered as one (a leaderboard's `month:2026-11:v1` is not).
            cell: (e) =>
              Id.safeParse(e.target.id).success ? (
                <button type='button' className='admin-link-btn admin-audit__target' title={t('audit.onlyTarget')} onClick={() => filterBy({ target: e.target.id })}>
                  {e.target.type} <code className='admin-code'>{e.target.id}</code>
                </button>
              ) : (
                <span>
                  {e.target.type} <code className='admin-code'>{e.target.id}</code>
                </span>
              ),
          },
          { key: 'changes', title: t('audit.changes'), cell: (e) => <Changes entry={e} /> },
        ]}
      />
    </AdminShell>
  );
}
