import { useCallback, useState } from 'react';
import type { AdminStats, IntegrityFlag, ProviderIntegrity } from '@contract';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { routes } from '../../routes';
import type { Result } from '../../services/request';
import { adminStats, expiringDocuments, integritySignals, listExchanges, listProviders, listSafetyReports, listVerifications } from '../api';
import { useAdminText, type AdminT } from '../i18n';
import { today } from '../labels';
import { yuanText } from '../numbers';
import { useCan } from '../can';
import { AdminLink } from '../link';
import { AdminShell } from '../shell';
import { daysText } from '../providers/documents-due';
import { ApprovalsCard } from './approvals-card';
import { Card, Count, COUNT_UP_TO, Counted, tally, useCounted, type Tally } from './card';

function CountCard({ id, title, url, load }: { id: string; title: string; url: string; load: () => Promise<Result<Tally>> }) {
  const state = useResource(load, [], { onShow: true });
  useCounted(id, state.data?.count);
  return (
    <Card id={id} title={title} url={url} due={(state.data?.count ?? 0) > 0}>
      <Resource state={state.state} onRetry={() => void state.reload()}>
        {(c) => <Count tally={c} />}
      </Resource>
    </Card>
  );
}

function DocumentsCard() {
  const t = useAdminText();
  const docs = useResource(() => expiringDocuments(), [], { onShow: true });
  const count = docs.data?.documents.length;
  useCounted('documents', count);
  return (
    <Card id='documents' title={t('attention.documents')} url={routes.adminProviders({ documents: 'due' })} due={(count ?? 0) > 0}>
      <Resource state={docs.state} onRetry={() => void docs.reload()}>
        {(d) => (
          <>
            <Count tally={{ count: d.documents.length, more: false }} />
            <ul className='admin-card__list'>
              {d.documents.slice(0, 5).map((doc) => (
                <li key={`${doc.providerId}-${doc.document}`} className={doc.daysLeft < 0 ? 'admin-card__item admin-card__item--late' : 'admin-card__item'}>
                  <AdminLink to={routes.adminProvider(doc.providerId)}>{doc.providerName}</AdminLink>{' '}
                  · {t(doc.document === 'businessLicence' ? 'provider.licence' : 'provider.permit')} · {doc.expiresOn} ({daysText(t, doc)})
                </li>
              ))}
            </ul>
          </>
        )}
      </Resource>
    </Card>
  );
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

function flagText(t: AdminT, p: ProviderIntegrity, quickMinutes: number): string {
  const one = (f: IntegrityFlag): string => {
    switch (f) {
      case 'first_timers':
        return t('attention.firstTimers', { p: percent(p.firstTimerShare) });
      case 'quick_redemptions':
        return t('attention.quick', { p: percent(p.quickShare), m: quickMinutes });
      case 'poster_share':
        return t('attention.poster', { p: percent(p.posterShare) });
      case 'repeat_recipients':
        return t('attention.repeat', { p: percent(p.repeatShare) });
      case 'quota_days':
        return t('attention.quotaDays', { p: percent(p.quotaDayShare) });
      default: {
        const unknown: never = f;
        return unknown;
      }
    }
  };
  return [...p.flags.map(one), ...(p.held ? [t('attention.held')] : [])].join(' · ');
}

/** Providers whose redemptions look like staff minting their own points; each opens its ledger (where credits are reversed). */
function SignalsCard() {
  const t = useAdminText();
  const report = useResource(() => integritySignals(), [], { onShow: true });
  const flaggedNow = report.data?.providers.filter((p) => p.flags.length > 0 || p.held);
  useCounted('signals', flaggedNow?.length);
  return (
    <Card id='signals' title={t('attention.signals')} url={routes.adminPoints(flaggedNow?.[0]?.providerId)} due={(flaggedNow?.length ?? 0) > 0}>
      <Resource state={report.state} onRetry={() => void report.reload()}>
        {(r) => {
          const flagged = r.providers.filter((p) => p.flags.length > 0 || p.held);
          return (
            <>
              <Count tally={{ count: flagged.length, more: false }} />
              <ul className='admin-card__list'>
                {flagged.slice(0, 5).map((p) => (
                  <li key={p.providerId} className='admin-card__item admin-card__item--late'>
                    <AdminLink to={routes.adminPoints(p.providerId)}>{p.name}</AdminLink>{' '}
                    · {flagText(t, p, r.thresholds.quickMinutes)}
                  </li>
                ))}
              </ul>
              <p className='admin-muted'>{t('attention.signalsRange', { from: r.from, to: r.to })}</p>
            </>
          );
        }}
      </Resource>
    </Card>
  );
}

/** The figures Today shows, each under its name on the impact page. */
const figures = ({ totals }: AdminStats) =>
  [
    ['personTimes', String(totals.personTimes)],
    ['meals', String(totals.meals)],
    ['blindBoxes', String(totals.blindBoxes)],
    ['walkIns', String(totals.walkIns)],
    ['recipients', String(totals.recipients)],
    ['value', yuanText(totals.valueFen)],
  ] as const;

/** Today's figures across the programme (Shanghai day), from the impact dashboard. */
function TodayCard() {
  const t = useAdminText();
  const day = today();
  const stats = useResource(() => adminStats({ from: day, to: day, by: 'district' }), [day], { onShow: true });
  return (
    <Card id='today' title={t('attention.today')} url={routes.adminImpact()} due={false}>
      <Resource state={stats.state} onRetry={() => void stats.reload()}>
        {(s) => (
          <dl className='admin-card__figures'>
            {figures(s).map(([figure, value]) => (
              <div key={figure} data-figure={figure}>
                <dt>{t(`impact.${figure}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </Resource>
    </Card>
  );
}

/** The cards that count something to do, for a role that may read it. */
function countingCards(can: ReturnType<typeof useCan>): string[] {
  const cards: Array<[string, boolean]> = [
    ['approvals', can('listApprovals')],
    ['reports', can('adminSafetyReports')],
    ['verifications', can('listVerifications')],
    ['exchanges', can('adminExchanges')],
    ['pending-providers', can('adminListProviders')],
    ['documents', can('expiringDocuments')],
    ['signals', can('adminIntegrity')],
  ];
  return cards.filter(([, shown]) => shown).map(([card]) => card);
}

export default function AdminAttentionPage() {
  const t = useAdminText();
  // Each card only for a role that may read what it counts.
  const can = useCan();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const report = useCallback((card: string, count: number) => setCounts((c) => (c[card] === count ? c : { ...c, [card]: count })), []);
  const due = countingCards(can);
  const allClear = due.length > 0 && due.every((card) => counts[card] === 0);
  return (
    <AdminShell area='attention' title={t('attention.title')}>
      {allClear && (
        <p className='admin-all-clear' role='status'>
          {t('attention.none')}
        </p>
      )}
      <Counted.Provider value={report}>
        <div className='admin-cards'>
          {can('listApprovals') && <ApprovalsCard />}
          {can('adminSafetyReports') && (
            <CountCard
              id='reports'
              title={t('attention.reports')}
              url={routes.adminReports('OPEN')}
              load={async () => tally(await listSafetyReports('OPEN', { limit: COUNT_UP_TO }))}
            />
          )}
          {can('listVerifications') && (
            <CountCard
              id='verifications'
              title={t('attention.verifications')}
              url={routes.adminVerifications('PENDING')}
              load={async () => tally(await listVerifications('PENDING', { limit: COUNT_UP_TO }))}
            />
          )}
          {can('adminExchanges') && (
            <CountCard
              id='exchanges'
              title={t('attention.exchanges')}
              url={routes.adminCatalogue('PENDING')}
              load={async () => tally(await listExchanges('PENDING', { limit: COUNT_UP_TO }))}
            />
          )}
          {can('adminListProviders') && (
            <CountCard
              id='pending-providers'
              title={t('attention.pendingProviders')}
              url={routes.adminProviders({ status: 'PENDING' })}
              load={async () => tally(await listProviders({ status: 'PENDING', limit: COUNT_UP_TO }))}
            />
          )}
          {can('expiringDocuments') && <DocumentsCard />}
          {can('adminListProviders') && (
            <CountCard
              id='suspended'
              title={t('attention.suspended')}
              url={routes.adminProviders({ status: 'SUSPENDED' })}
              load={async () => tally(await listProviders({ status: 'SUSPENDED', limit: COUNT_UP_TO }))}
            />
          )}
          {can('adminIntegrity') && <SignalsCard />}
          {can('adminStats') && <TodayCard />}
        </div>
      </Counted.Provider>
    </AdminShell>
  );
}
