import Taro from '@tarojs/taro';
import { useEffect, useState, type FormEvent } from 'react';
import { AuditAction, AuditQuery, Id, auditActionText, auditChanges, auditTargetText, type AuditEntry } from '@contract';
import { go, routes } from '../../routes';
import { useI18n } from '../../i18n';
import { auditCsv, listAdminAccounts, listAudit, listProviders } from '../api';
import { useCan } from '../can';
import { useCsvDownload } from '../csv';
import { filled } from '../filters';
import { DateRangeFields, Field, serverErrors, TextField, zodErrors, type FieldErrors } from '../form';
import { useAdminText, type AdminKey } from '../i18n';
import { shanghaiTime } from '../labels';
import { Notice, type NoticeState } from '../notice';
import { useCursorPages } from '../paging';
import { AdminShell } from '../shell';
import { PagedTable } from '../table';

const PAGE = 25;

/** The filters as the page URL and the API name them; `actor` and `provider` are typed as names. */
interface Filters {
  actor: string;
  action: string;
  target: string;
  provider: string;
  from: string;
  to: string;
}

const filterNames = ['actor', 'action', 'target', 'provider', 'from', 'to'] as const;
const none: Filters = { actor: '', action: '', target: '', provider: '', from: '', to: '' };

/** Filters come from the page URL, so other pages link to a record's history. */
function initialFilters(): Filters {
  const q = (Taro.getCurrentInstance().router?.params ?? {}) as Record<string, string | undefined>;
  return Object.fromEntries(filterNames.map((n) => [n, q[n] ?? ''])) as unknown as Filters;
}

/** People and providers by id, with the names a filter box offers and accepts. */
type Directory = Map<string, string>;

/** A name typed into a filter box, as the id the API wants: a known name (or "name (username)"), else the text itself. */
function idFor(directory: Directory, typed: string): string {
  const text = typed.trim();
  for (const [id, name] of directory) if (name === text || name.split(' (')[0] === text) return id;
  return text;
}

/** Before and after, field by field in words; unchanged fields folded away. */
function Changes({ entry }: { entry: AuditEntry }) {
  const t = useAdminText();
  const { lang } = useI18n();
  const rows = auditChanges(entry.before, entry.after, lang);
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
            <th scope='row'>{r.label}</th>
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

/** A filter box that offers names (a datalist) and sends the id of the one chosen. */
function NameField({ name, label, value, names, errors, onChange }: { name: string; label: string; value: string; names: Directory; errors: FieldErrors; onChange: (v: string) => void }) {
  return (
    <Field name={name} label={label} errors={errors}>
      {(c) => (
        <>
          <input {...c} className='admin-input' list={`${c.id}-names`} value={value} onChange={(e) => onChange(e.target.value)} />
          <datalist id={`${c.id}-names`}>
            {[...new Set(names.values())].map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

export default function AdminAuditPage() {
  const t = useAdminText();
  const { lang } = useI18n();
  const can = useCan();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [people, setPeople] = useState<Directory>(new Map());
  const [providers, setProviders] = useState<Directory>(new Map());
  const nameOf = (d: Directory, id: string) => d.get(id) ?? id;
  const [draft, setDraft] = useState<Filters>(filters);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<NoticeState>(null);
  const csv = useCsvDownload(setNotice);

  // The office's accounts (an owner may list them) and the providers, so filters take names.
  useEffect(() => {
    if (can('listAdminAccounts'))
      void listAdminAccounts().then((a) => a.ok && setPeople((p) => new Map([...p, ...a.data.accounts.map((x) => [x.id, `${x.name} (${x.username})`] as const)])));
    void listProviders({ limit: 200 }).then((a) => a.ok && setProviders(new Map(a.data.items.map((p) => [p.id, p.name] as const))));
  }, [can]);

  const list = useCursorPages(async (cursor) => {
    const answer = await listAudit({ ...filled(filters), limit: PAGE, cursor } as Partial<AuditQuery>);
    if (!answer.ok) setErrors(serverErrors(t, answer) ?? {});
    // Whoever acted on this page can be picked by name from now on.
    else setPeople((p) => new Map([...answer.data.items.map((e) => [e.actor.id, e.actor.username ? `${e.actor.name} (${e.actor.username})` : e.actor.name] as const), ...p]));
    return answer;
  }, [filters]);

  const apply = (next: Filters) => {
    const ids: Filters = { ...next, actor: idFor(people, next.actor), provider: idFor(providers, next.provider), target: next.target.trim(), from: next.from.trim(), to: next.to.trim() };
    const checked = AuditQuery.safeParse(filled(ids));
    if (!checked.success) return setErrors(zodErrors(t, checked.error));
    setErrors({});
    setDraft({ ...ids, actor: ids.actor && nameOf(people, ids.actor), provider: ids.provider && nameOf(providers, ids.provider) });
    setFilters(ids);
    // The URL says what is shown, so the view can be linked to and reloaded.
    go.replace(routes.adminAudit(filled(ids)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };
  const filterBy = (part: Partial<Filters>) => apply({ ...filters, ...part });

  const download = () => csv.download(() => auditCsv(filled(filters) as Parameters<typeof auditCsv>[0]), `mcan-audit-${filters.from || 'recent'}-${filters.to || 'today'}.csv`);

  // Names once the directories arrive (the URL holds ids).
  const shown = { ...draft, actor: draft.actor && nameOf(people, draft.actor), provider: draft.provider && nameOf(providers, draft.provider) };

  return (
    <AdminShell
      area='audit'
      title={t('audit.title')}
      actions={
        <button type='button' className='admin-btn admin-btn--ghost admin-audit__csv' disabled={csv.downloading} onClick={() => void download()}>
          {t('audit.csv')}
        </button>
      }
    >
      <form className='admin-form admin-form--inline admin-audit__filters' role='search' onSubmit={submit} noValidate>
        <NameField name='actor' label={t('audit.person')} value={shown.actor} names={people} errors={errors} onChange={(actor) => setDraft({ ...draft, actor })} />
        <Field name='action' label={t('audit.action')} errors={errors}>
          {(c) => (
            <select {...c} className='admin-input' value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
              <option value=''>{t('audit.allActions')}</option>
              {AuditAction.options.map((a) => (
                <option key={a} value={a}>
                  {auditActionText(a, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <NameField name='provider' label={t('audit.provider')} value={shown.provider} names={providers} errors={errors} onChange={(provider) => setDraft({ ...draft, provider })} />
        <TextField name='target' label={t('audit.targetId')} errors={errors} value={draft.target} onChange={(target) => setDraft({ ...draft, target })} />
        <DateRangeFields range={draft} errors={errors} onChange={(part) => setDraft({ ...draft, ...part })} />
        <button type='submit' className='admin-btn admin-btn--ghost admin-audit__apply'>
          {t('action.search')}
        </button>
        <button type='button' className='admin-btn admin-btn--ghost admin-audit__clear' onClick={() => apply(none)}>
          {t('audit.clear')}
        </button>
      </form>
      <p className='admin-muted'>{t('audit.hint')}</p>
      <Notice notice={notice} />
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
                {e.actor.name} <span className='admin-muted'>({e.actor.username ? `${e.actor.username} · ` : ''}{t(`audit.role.${e.actor.role}` as AdminKey)})</span>
              </button>
            ),
          },
          { key: 'action', title: t('audit.action'), cell: (e) => <span data-action={e.action}>{auditActionText(e.action, lang)}</span> },
          {
            key: 'target',
            title: t('audit.target'),
            cell: (e) => (
              <>
                {e.provider && (
                  <button type='button' className='admin-link-btn admin-audit__provider' title={t('audit.onlyProvider')} onClick={() => filterBy({ provider: e.provider!.id, target: '' })}>
                    {e.provider.name}
                  </button>
                )}{' '}
                {/* Only an id the filter accepts is offered as one (a leaderboard's `month:2026-11:v1` is not). */}
                {Id.safeParse(e.target.id).success ? (
                  <button type='button' className='admin-link-btn admin-audit__target' title={t('audit.onlyTarget')} onClick={() => filterBy({ target: e.target.id })}>
                    {auditTargetText(e.target.type, lang)} <code className='admin-code'>{e.target.id}</code>
                  </button>
                ) : (
                  <span>
                    {auditTargetText(e.target.type, lang)} <code className='admin-code'>{e.target.id}</code>
                  </span>
                )}
              </>
            ),
          },
          { key: 'changes', title: t('audit.changes'), cell: (e) => <Changes entry={e} /> },
        ]}
      />
    </AdminShell>
  );
}
