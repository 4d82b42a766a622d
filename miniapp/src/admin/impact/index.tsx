import { useState, type FormEvent } from 'react';
import { StatsBy, type AdminStats, type StatsRow } from '@contract';
import { BarChart } from '../../components/bar-chart';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { useI18n } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { adminStats, adminStatsCsv, type StatsRange } from '../api';
import { saveCsv } from '../csv';
import { DateRangeFields, serverErrors, type FieldErrors } from '../form';
import { useAdminText, type AdminKey } from '../i18n';
import { today, yuanText } from '../labels';
import { Notice, type NoticeState } from '../notice';
import { Section } from '../section';
import { AdminShell } from '../shell';
import { DataTable } from '../table';
import { Tabs } from '../tabs';

const groupings = StatsBy.options;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function Totals({ stats }: { stats: AdminStats }) {
  const t = useAdminText();
  const { totals } = stats;
  const cards: Array<[string, AdminKey, string]> = [
    ['personTimes', 'impact.personTimes', String(totals.personTimes)],
    ['meals', 'impact.meals', String(totals.meals)],
    ['blindBoxes', 'impact.blindBoxes', String(totals.blindBoxes)],
    ['walkIns', 'impact.walkIns', String(totals.walkIns)],
    ['value', 'impact.value', yuanText(totals.valueFen)],
    ['recipients', 'impact.recipients', totals.recipientsExact ? String(totals.recipients) : `≤ ${totals.recipients}`],
    ['districts', 'impact.districts', String(totals.districts)],
  ];
  return (
    <section className='admin-cards admin-impact__totals' aria-label={t('impact.totals')}>
      {cards.map(([id, label, value]) => (
        <div key={id} className='admin-card admin-card--figure' data-card={id}>
          <h2 className='admin-card__title'>{t(label)}</h2>
          <span className='admin-card__count'>{value}</span>
        </div>
      ))}
      {!totals.recipientsExact && <p className='admin-muted admin-impact__bound'>{t('impact.recipientsBound')}</p>}
    </section>
  );
}

export default function AdminImpactPage() {
  const t = useAdminText();
  const { t: appT } = useI18n();
  const [range, setRange] = useState<StatsRange>(() => ({ from: `${today().slice(0, 7)}-01`, to: today(), by: 'day' }));
  const [draft, setDraft] = useState({ from: range.from, to: range.to });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<NoticeState>(null);
  const [downloading, setDownloading] = useState(false);
  const stats = useResource(async () => {
    const answer = await adminStats(range);
    // A range the server refuses (e.g. too long) is said at its field, not as a broken page.
    setErrors(answer.ok ? {} : (serverErrors(t, answer) ?? {}));
    return answer;
  }, [range.from, range.to, range.by]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!DATE.test(draft.from)) found.from = t('form.date');
    if (!DATE.test(draft.to)) found.to = t('form.date');
    if (!found.from && !found.to && draft.from > draft.to) found.from = t('impact.order');
    setErrors(found);
    if (Object.keys(found).length === 0) setRange({ ...range, ...draft });
  };

  const download = async () => {
    setDownloading(true);
    const answer = await adminStatsCsv(range);
    setDownloading(false);
    if (!answer.ok) return setNotice({ ok: false, text: errorText(appT, answer) });
    saveCsv(answer.data, `mcan-stats-${range.by}-${range.from}-${range.to}.csv`);
    setNotice(null);
  };

  const rowColumns = [
    { key: 'label', title: t(`impact.by.${range.by}` as AdminKey), cell: (r: StatsRow) => r.label },
    { key: 'personTimes', title: t('impact.personTimes'), numeric: true, cell: (r: StatsRow) => r.personTimes },
    { key: 'meals', title: t('impact.meals'), numeric: true, cell: (r: StatsRow) => r.meals },
    { key: 'blindBoxes', title: t('impact.blindBoxes'), numeric: true, cell: (r: StatsRow) => r.blindBoxes },
    { key: 'walkIns', title: t('impact.walkIns'), numeric: true, cell: (r: StatsRow) => r.walkIns },
    { key: 'value', title: t('impact.value'), numeric: true, cell: (r: StatsRow) => yuanText(r.valueFen) },
  ];

  return (
    <AdminShell
      area='impact'
      title={t('impact.title')}
      actions={
        <button type='button' className='admin-btn admin-btn--ghost admin-impact__csv' disabled={downloading} onClick={() => void download()}>
          {t('impact.csv')}
        </button>
      }
    >
      <form className='admin-form admin-form--inline admin-impact__range' onSubmit={submit} noValidate>
        <DateRangeFields range={draft} errors={errors} onChange={(part) => setDraft({ ...draft, ...part })} />
        <button type='submit' className='admin-btn admin-btn--ghost admin-impact__apply'>
          {t('impact.apply')}
        </button>
      </form>
      <Tabs label={t('impact.groupBy')} values={groupings} selected={range.by} attribute='by' textKey='impact.by' onSelect={(by) => setRange({ ...range, by })} />
      <Notice notice={notice} />
      <Resource state={stats.state} onRetry={() => void stats.reload()}>
        {(s) => (
          <>
            <Totals stats={s} />
            {s.rows.every((r) => r.personTimes === 0) ? (
              <p className='admin-empty admin-impact__empty'>{t('impact.empty')}</p>
            ) : (
              <Section id='chart' className='admin-impact__chart' title={t('impact.chartTitle', { by: t(`impact.by.${s.by}` as AdminKey) })}>
                <BarChart title={t('impact.chartTitle', { by: t(`impact.by.${s.by}` as AdminKey) })} bars={s.rows.map((r) => ({ key: r.key, label: r.label, value: r.personTimes }))} />
              </Section>
            )}
            {s.rows.length > 0 && <DataTable<StatsRow> rows={s.rows} rowKey={(r) => r.key} columns={rowColumns} className='admin-impact__table' />}
          </>
        )}
      </Resource>
    </AdminShell>
  );
}
