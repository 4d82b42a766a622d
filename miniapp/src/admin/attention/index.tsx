import type { ReactNode } from 'react';
import type { ExpiringDocument } from '@contract';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { go, routes } from '../../routes';
import type { Result } from '../../services/request';
import { expiringDocuments, listProviders, listVerifications } from '../api';
import { useAdminText, type AdminT } from '../i18n';
import { AdminShell } from '../shell';

/** How many to count on a card before it says "50+". */
const COUNT_UP_TO = 50;

interface Tally {
  count: number;
  more: boolean;
}

const tally = <D,>(answer: Result<D>, items: (d: D) => unknown[]): Result<Tally> =>
  answer.ok ? { ok: true, data: { count: items(answer.data).length, more: Boolean((answer.data as { next?: string | null }).next) } } : answer;

function Card({ id, title, url, children }: { id: string; title: string; url: string; children: ReactNode }) {
  const t = useAdminText();
  return (
    <section className='admin-card' data-card={id} aria-labelledby={`card-${id}`}>
      <h2 id={`card-${id}`} className='admin-card__title'>
        {title}
      </h2>
      <div className='admin-card__body'>{children}</div>
      <a
        className='admin-card__go'
        href={`#${url}`}
        onClick={(e) => {
          e.preventDefault();
          go.to(url);
        }}
      >
        {t('attention.go')} →
      </a>
    </section>
  );
}

function Count({ tally: c }: { tally: Tally }) {
  const t = useAdminText();
  return (
    <span className={c.count > 0 ? 'admin-card__count admin-card__count--due' : 'admin-card__count'} data-count={c.count}>
      {c.more ? t('list.more', { n: c.count }) : c.count}
    </span>
  );
}

function CountCard({ id, title, url, load }: { id: string; title: string; url: string; load: () => Promise<Result<Tally>> }) {
  const state = useResource(load, [], { onShow: true });
  return (
    <Card id={id} title={title} url={url}>
      <Resource state={state.state} onRetry={() => void state.reload()}>
        {(c) => <Count tally={c} />}
      </Resource>
    </Card>
  );
}

const daysText = (t: AdminT, d: ExpiringDocument) =>
  d.daysLeft < 0 ? t('attention.expired', { n: -d.daysLeft }) : d.daysLeft === 0 ? t('attention.expiresToday') : t('attention.expiresIn', { n: d.daysLeft });

function DocumentsCard() {
  const t = useAdminText();
  const docs = useResource(() => expiringDocuments(), [], { onShow: true });
  return (
    <Card id='documents' title={t('attention.documents')} url={routes.adminProviders()}>
      <Resource state={docs.state} onRetry={() => void docs.reload()}>
        {(d) => (
          <>
            <Count tally={{ count: d.documents.length, more: false }} />
            <ul className='admin-card__list'>
              {d.documents.slice(0, 5).map((doc) => (
                <li key={`${doc.providerId}-${doc.document}`} className={doc.daysLeft < 0 ? 'admin-card__item admin-card__item--late' : 'admin-card__item'}>
                  <a
                    href={`#${routes.adminProvider(doc.providerId)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      go.to(routes.adminProvider(doc.providerId));
                    }}
                  >
                    {doc.providerName}
                  </a>{' '}
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

export default function AdminAttentionPage() {
  const t = useAdminText();
  return (
    <AdminShell area='attention' title={t('attention.title')}>
      <div className='admin-cards'>
        <CountCard
          id='verifications'
          title={t('attention.verifications')}
          url={routes.adminVerifications('PENDING')}
          load={async () => tally(await listVerifications('PENDING'), (d: { verifications: unknown[] }) => d.verifications)}
        />
        <CountCard
          id='pending-providers'
          title={t('attention.pendingProviders')}
          url={routes.adminProviders({ status: 'PENDING' })}
          load={async () => tally(await listProviders({ status: 'PENDING', limit: COUNT_UP_TO }), (d: { providers: unknown[] }) => d.providers)}
        />
        <DocumentsCard />
        <CountCard
          id='suspended'
          title={t('attention.suspended')}
          url={routes.adminProviders({ status: 'SUSPENDED' })}
          load={async () => tally(await listProviders({ status: 'SUSPENDED', limit: COUNT_UP_TO }), (d: { providers: unknown[] }) => d.providers)}
        />
      </div>
    </AdminShell>
  );
}
