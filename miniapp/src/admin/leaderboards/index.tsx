import { useState, type FormEvent } from 'react';
import { Period, WithdrawLeaderboardBody, type LeaderboardEntry, type LeaderboardPreviewEntry, type LeaderboardVersion, type PublishedLeaderboard } from '@contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { useI18n } from '../../i18n';
import { routes } from '../../routes';
import { periodLabel } from '../../i18n/periods';
import type { Result } from '../../services/request';
import { listDistricts, listLeaderboards, previewLeaderboard, publishedLeaderboard, publishLeaderboard, withdrawLeaderboard } from '../api';
import { TextField } from '../form';
import { ReasonForm } from '../reason-form';
import { useCan } from '../can';
import { useAdminText, type AdminKey, type AdminT } from '../i18n';
import { districtName, flagsText, useDistrictLabel, shanghaiTime, today } from '../labels';
import { yuanText } from '../numbers';
import { AdminLink } from '../link';
import { keyFits, leaderboardDiff, periodKeyOf, type Change } from '../leaderboard-diff';
import { Notice, useNoticeOf, type NoticeState } from '../notice';
import { useCursorPages } from '../paging';
import { Section } from '../section';
import { AdminShell } from '../shell';
import { DataTable, PagedTable, type Column } from '../table';
import { Tabs } from '../tabs';

const periods = Period.options;

interface Comparison {
  /** The live ranking, each provider with an uncleared integrity flag marked. */
  entries: LeaderboardPreviewEntry[];
  /** The newest published version of the same period and key, or null when none was published. */
  published: PublishedLeaderboard | null;
}

async function compare(period: Period, key: string): Promise<Result<Comparison>> {
  const [preview, published] = await Promise.all([previewLeaderboard(period, key), publishedLeaderboard(period, key)]);
  if (!preview.ok) return preview;
  if (!published.ok && published.code !== 'NOT_FOUND') return published;
  return { ok: true, data: { entries: preview.data.entries, published: published.ok ? published.data : null } };
}

function changeText(t: AdminT, c: Change | undefined): string {
  if (!c || c.kind === 'new') return t('boards.new');
  const meals = c.meals === 0 ? '' : ` (${c.meals > 0 ? '+' : ''}${c.meals} ${t('boards.mealsShort')})`;
  if (c.kind === 'same') return `${t('boards.same')}${meals}`;
  return `${c.by > 0 ? `↑${c.by}` : `↓${-c.by}`}${meals}`;
}

function useEntryColumns(): Column<LeaderboardEntry>[] {
  const t = useAdminText();
  const districtLabel = useDistrictLabel();
  const districts = useResource(listDistricts, []);
  return [
    { key: 'rank', title: t('boards.rank'), numeric: true, cell: (e) => e.rank },
    { key: 'name', title: t('providers.name'), cell: (e) => e.name },
    { key: 'district', title: t('providers.district'), cell: (e) => districtName(districts.data, e.district, districtLabel) },
    { key: 'meals', title: t('boards.meals'), numeric: true, cell: (e) => e.meals },
    { key: 'value', title: t('boards.value'), numeric: true, cell: (e) => yuanText(e.valueFen) },
    { key: 'likes', title: t('boards.likes'), numeric: true, cell: (e) => e.likes },
    { key: 'badge', title: t('boards.badge'), cell: (e) => (e.badge ? t(`badge.${e.badge}` as AdminKey) : '') },
  ];
}

/** A flagged, uncleared provider's mark: what the review found, and where to look into it. */
function IntegrityMark({ entry }: { entry: LeaderboardPreviewEntry }) {
  const t = useAdminText();
  if (!entry.integrity) return null;
  return (
    <AdminLink className='admin-badge admin-badge--suspended admin-boards__flag' to={routes.adminPoints(entry.providerId)}>
      <span title={flagsText(t, entry.integrity.flags)}>⚠ {t('boards.held')}</span>
    </AdminLink>
  );
}

function Preview({ period, key_, onPublished }: { period: Period; key_: string; onPublished: () => void }) {
  const t = useAdminText();
  const can = useCan();
  const { t: appT } = useI18n();
  const noticeOf = useNoticeOf();
  const columns = useEntryColumns();
  const data = useResource(() => compare(period, key_), [period, key_]);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const label = periodLabel(appT, period, key_);
  const nextVersion = (data.data?.published?.version ?? 0) + 1;
  const flagged = (data.data?.entries ?? []).filter((e) => e.integrity);
  const flaggedNames = flagged.map((e) => e.name).join(t('list.separator'));

  const publish = async () => {
    setConfirming(false);
    const answer = await publishLeaderboard(period, key_);
    setNotice(noticeOf(answer, (d) => t('boards.published', { label, v: d.leaderboard.version })));
    void data.reload(true);
    onPublished();
  };

  return (
    <Section
      id='preview'
      className='admin-boards__preview'
      title={t('boards.previewOf', { label })}
      action={
        can('publishLeaderboard') && (
          <button type='button' className='admin-btn admin-boards__publish' disabled={!data.data} onClick={() => setConfirming(true)}>
            {t('boards.publish')}
          </button>
        )
      }
    >
      <Notice notice={notice} />
      <Resource state={data.state} onRetry={() => void data.reload()}>
        {(d) => {
          const diff = leaderboardDiff(d.entries, d.published?.entries ?? null);
          return (
            <>
              <p className='admin-muted admin-boards__against'>
                {d.published ? t('boards.against', { v: d.published.version, at: shanghaiTime(d.published.publishedAt) }) : t('boards.neverPublished')}
              </p>
              {flagged.length > 0 && <Notice notice={{ ok: false, text: t('boards.flagged', { n: flagged.length, names: flaggedNames }) }} className='admin-boards__flagged' />}
              {d.entries.length === 0 ? (
                <p className='admin-empty'>{t('boards.empty')}</p>
              ) : (
                <DataTable<LeaderboardPreviewEntry>
                  rows={d.entries}
                  rowKey={(e) => e.providerId}
                  className='admin-boards__table'
                  columns={[
                    ...columns.slice(0, 1),
                    { key: 'change', title: t('boards.change'), cell: (e) => changeText(t, diff.changes.get(e.providerId)) },
                    ...columns.slice(1, 2),
                    { key: 'integrity', title: t('boards.integrity'), cell: (e) => <IntegrityMark entry={e} /> },
                    ...columns.slice(2),
                  ]}
                />
              )}
              {diff.dropped.length > 0 && (
                <p className='admin-muted admin-boards__dropped'>{t('boards.dropped', { names: diff.dropped.map((e) => e.name).join('、') })}</p>
              )}
            </>
          );
        }}
      </Resource>
      {confirming && (
        <ConfirmDialog
          title={t('boards.publish')}
          body={
            flagged.length > 0
              ? `${t('boards.publishConfirm', { label, v: nextVersion })} ${t('boards.publishFlagged', { n: flagged.length, names: flaggedNames })}`
              : t('boards.publishConfirm', { label, v: nextVersion })
          }
          confirmText={t('boards.publish')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void publish()}
        />
      )}
    </Section>
  );
}

/** A published version as the public sees it, and the way to take it off the public board. */
function ShownVersion({ v, onWithdrawn }: { v: LeaderboardVersion; onWithdrawn: (v: LeaderboardVersion) => void }) {
  const t = useAdminText();
  const can = useCan();
  const { t: appT } = useI18n();
  const columns = useEntryColumns();
  const label = periodLabel(appT, v.period, v.key);
  // A withdrawn version is no longer public: there is nothing to read.
  const board = useResource(() => publishedLeaderboard(v.period, v.key, v.version), [v.period, v.key, v.version, v.withdrawn === null]);
  const [withdrawing, setWithdrawing] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  return (
    <Section
      id='shown'
      className='admin-boards__shown'
      title={t('boards.versionOf', { label, v: v.version })}
      action={
        !v.withdrawn &&
        !withdrawing &&
        can('withdrawLeaderboard') && (
          <button type='button' className='admin-btn admin-btn--danger admin-boards__withdraw' onClick={() => setWithdrawing(true)}>
            {t('boards.withdraw')}
          </button>
        )
      }
    >
      <Notice notice={notice} />
      {withdrawing && (
        <ReasonForm
          className='admin-boards__withdraw-form'
          title={t('boards.withdrawTitle', { label, v: v.version })}
          field='withdrawReason'
          label={t('boards.withdrawReason')}
          confirmText={t('boards.withdraw')}
          confirmClassName='admin-boards__withdraw-confirm'
          check={(reason) => WithdrawLeaderboardBody.safeParse({ reason })}
          send={(body) => withdrawLeaderboard(v, body)}
          saved={(d) => {
            onWithdrawn(d.leaderboard);
            return t('boards.withdrawn', { label, v: v.version });
          }}
          refusals={{ CONFLICT: t('boards.alreadyWithdrawn') }}
          onDone={(n) => {
            setNotice(n);
            setWithdrawing(false);
          }}
          onClose={() => setWithdrawing(false)}
        />
      )}
      {v.withdrawn ? (
        <p className='admin-muted admin-boards__withdrawn'>{t('boards.withdrawnBy', { at: shanghaiTime(v.withdrawn.at), name: v.withdrawn.by.name, reason: v.withdrawn.reason })}</p>
      ) : (
        <Resource state={board.state} onRetry={() => void board.reload()} isEmpty={(b) => b.entries.length === 0} emptyTitle={t('boards.empty')}>
          {(b) => <DataTable<LeaderboardEntry> rows={b.entries} rowKey={(e) => e.providerId} columns={columns} />}
        </Resource>
      )}
    </Section>
  );
}

export default function AdminLeaderboardsPage() {
  const t = useAdminText();
  const { t: appT } = useI18n();
  const [period, setPeriod] = useState<Period>('month');
  const [key, setKey] = useState(() => periodKeyOf('month', today()));
  const [draft, setDraft] = useState(key);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [shown, setShown] = useState<LeaderboardVersion | null>(null);
  const versions = useCursorPages((cursor) => listLeaderboards(period, cursor), [period]);

  const choosePeriod = (p: Period) => {
    const k = periodKeyOf(p, today());
    setPeriod(p);
    setKey(k);
    setDraft(k);
    setKeyError(null);
    setShown(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const k = draft.trim();
    if (!keyFits(period, k)) return setKeyError(t(`boards.keyHint.${period}` as AdminKey));
    setKeyError(null);
    setKey(k);
  };

  return (
    <AdminShell area='leaderboards' title={t('boards.title')}>
      <Tabs label={t('boards.period')} values={periods} selected={period} attribute='period' textKey='period' onSelect={choosePeriod} />
      <form className='admin-form admin-form--inline admin-boards__key' onSubmit={submit} noValidate>
        <TextField name='key' label={t('boards.key')} hint={t(`boards.keyHint.${period}` as AdminKey)} errors={keyError ? { key: keyError } : {}} short value={draft} onChange={setDraft} />
        <button type='submit' className='admin-btn admin-btn--ghost admin-boards__show'>
          {t('boards.preview')}
        </button>
      </form>
      <Preview key={`${period}:${key}`} period={period} key_={key} onPublished={() => void versions.reload(true)} />
      <Section id='versions' title={t('boards.versions', { period: t(`period.${period}` as AdminKey) })}>
        <PagedTable<LeaderboardVersion>
          list={versions}
          rowKey={(v) => `${v.key}-v${v.version}`}
          onOpen={setShown}
          emptyTitle={t('boards.noVersions')}
          className='admin-boards__versions'
          columns={[
            { key: 'period', title: t('boards.periodKey'), cell: (v) => periodLabel(appT, v.period, v.key) },
            { key: 'version', title: t('boards.version'), numeric: true, cell: (v) => v.version },
            { key: 'publishedAt', title: t('boards.publishedAt'), cell: (v) => shanghaiTime(v.publishedAt) },
            { key: 'status', title: t('boards.status'), cell: (v) => t(v.withdrawn ? 'boards.withdrawnShort' : 'boards.public') },
          ]}
        />
      </Section>
      {shown && (
        <ShownVersion
          key={`${shown.key}-v${shown.version}`}
          v={shown}
          onWithdrawn={(v) => {
            setShown(v);
            void versions.reload(true);
          }}
        />
      )}
    </AdminShell>
  );
}
