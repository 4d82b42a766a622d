import { useState, type FormEvent } from 'react';
import { STATS_MAX_RANGE_DAYS, StatsBy, type AdminStats, type StatsRow } from '@contract';
import { BarChart } from '../../components/bar-chart';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { useI18n } from '../../i18n';
import { adminStats, adminStatsCsv, type StatsRange } from '../api';
import { useCsvDownload } from '../csv';
import { DateRangeFields, serverErrors, type FieldErrors } from '../form';
import type { Failure } from '../../services/request';
import { useAdminText, type AdminKey, type AdminT } from '../i18n';
import { today } from '../labels';
import { countText, moneyText, yuanText } from '../numbers';
import { Notice, type NoticeState } from '../notice';
import { Section } from '../section';
import { AdminShell } from '../shell';
import { DataTable } from '../table';
import { Tabs } from '../tabs';

const groupings = StatsBy.options;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days from `from` to `to`, both counted. */
const daysIn = (r: { from: string; to: string }) => Math.round((Date.parse(r.to) - Date.parse(r.from)) / 86_400_000) + 1;

const tooLong = (t: AdminT) => t('impact.tooLong', { max: countText(STATS_MAX_RANGE_DAYS), years: Math.floor(STATS_MAX_RANGE_DAYS / 366) });

/** The server's refusal at its fields; a range too long in the same words as the check before asking. */
function rangeErrors(t: AdminT, answer: Failure): FieldErrors {
  const errors = serverErrors(t, answer) ?? {};
  const long = Array.isArray(answer.details) && answer.details.some((d) => /at most \d+ days/.test(String((d as { message?: unknown }).message)));
  return long ? { ...errors, to: tooLong(t) } : errors;
}

function Totals({ stats }: { stats: AdminStats }) {
  const t = useAdminText();
  const { totals } = stats;
  const cards: Array<[string, AdminKey, string]> = [
    ['personTimes', 'impact.personTimes', countText(totals.personTimes)],
    ['meals', 'impact.meals', countText(totals.meals)],
    ['blindBoxes', 'impact.blindBoxes', countText(totals.blindBoxes)],
    ['walkIns', 'impact.walkIns', countText(totals.walkIns)],
    ['value', 'impact.valueTotal', moneyText(totals.valueFen)],
    // Not exact: said in words beside the number (impact.recipientsBound), not as a bare "≤".
    ['recipients', totals.recipientsExact ? 'impact.recipients' : 'impact.recipientsAtMost', countText(totals.recipients)],
    ['districts', 'impact.districts', countText(totals.districts)],
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
  const { lang } = useI18n();
  const [range, setRange] = useState<StatsRange>(() => ({ from: `${today().slice(0, 7)}-01`, to: today(), by: 'day' }));
  const [draft, setDraft] = useState({ from: range.from, to: range.to });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<NoticeState>(null);
  const csv = useCsvDownload(setNotice);
  const stats = useResource(async () => {
    const answer = await adminStats(range);
    // A range the server refuses (e.g. too long) is said at its field, not as a broken page.
    setErrors(answer.ok ? {} : rangeErrors(t, answer));
    return answer;
  }, [range.from, range.to, range.by]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!DATE.test(draft.from)) found.from = t('form.date');
    if (!DATE.test(draft.to)) found.to = t('form.date');
    if (!found.from && !found.to && draft.from > draft.to) found.from = t('impact.order');
    // Said before asking, in the words the server's refusal gets too (a blank page helps nobody).
    else if (!found.from && !found.to && daysIn(draft) > STATS_MAX_RANGE_DAYS) found.to = tooLong(t);
    setErrors(found);
    if (Object.keys(found).length === 0) setRange({ ...range, ...draft });
  };

  // Headed in the desk's language.
  const download = () => csv.download(() => adminStatsCsv({ ...range, lang }), `mcan-stats-${range.by}-${range.from}-${range.to}.csv`);

  const rowColumns = [
    { key: 'label', title: t(`impact.by.${range.by}` as AdminKey), cell: (r: StatsRow) => r.label },
    { key: 'personTimes', title: t('impact.personTimes'), numeric: true, cell: (r: StatsRow) => countText(r.personTimes) },
    { key: 'meals', title: t('impact.meals'), numeric: true, cell: (r: StatsRow) => countText(r.meals) },
    { key: 'blindBoxes', title: t('impact.blindBoxes'), numeric: true, cell: (r: StatsRow) => countText(r.blindBoxes) },
    { key: 'walkIns', title: t('impact.walkIns'), numeric: true, cell: (r: StatsRow) => countText(r.walkIns) },
    { key: 'value', title: t('impact.value'), numeric: true, cell: (r: StatsRow) => yuanText(r.valueFen) },
  ];

  return (
    <AdminShell
      area='impact'
      title={t('impact.title')}
      actions={
        <button type='button' className='admin-btn admin-btn--ghost admin-impact__csv' disabled={csv.downloading} onClick={() => void download()}>
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
