// The providers whose licence or permit has lapsed or lapses soon: what Needs attention's documents
// card opens, one row per document, the most urgent first.
import type { ExpiringDocument } from '@contract';
import { Resource } from '../../components/resource';
import { useResource } from '../../hooks/use-resource';
import { go, routes } from '../../routes';
import { expiringDocuments } from '../api';
import { useAdminText, type AdminT } from '../i18n';
import { AdminLink } from '../link';
import { DataTable, type Column } from '../table';

export const daysText = (t: AdminT, d: ExpiringDocument) =>
  d.daysLeft < 0 ? t('attention.expired', { n: -d.daysLeft }) : d.daysLeft === 0 ? t('attention.expiresToday') : t('attention.expiresIn', { n: d.daysLeft });

export function DocumentsDue() {
  const t = useAdminText();
  const docs = useResource(() => expiringDocuments(), [], { onShow: true });
  const columns: Column<ExpiringDocument>[] = [
    { key: 'name', title: t('providers.name'), cell: (d) => <AdminLink to={routes.adminProvider(d.providerId)}>{d.providerName}</AdminLink> },
    { key: 'document', title: t('providers.document'), cell: (d) => t(d.document === 'businessLicence' ? 'provider.licence' : 'provider.permit') },
    { key: 'expiresOn', title: t('providers.expiresOn'), cell: (d) => d.expiresOn },
    { key: 'left', title: t('providers.daysLeft'), cell: (d) => <span className={d.daysLeft < 0 ? 'admin-late' : undefined}>{daysText(t, d)}</span> },
  ];
  return (
    <Resource state={docs.state} onRetry={() => void docs.reload()}>
      {(d) =>
        d.documents.length === 0 ? (
          <p className='admin-muted'>{t('providers.documentsNone', { days: d.days })}</p>
        ) : (
          <DataTable
            caption={t('providers.documentsCaption', { days: d.days })}
            columns={columns}
            rows={d.documents}
            rowKey={(doc) => `${doc.providerId}-${doc.document}`}
            onOpen={(doc) => go.to(routes.adminProvider(doc.providerId))}
            className='admin-providers__documents'
          />
        )
      }
    </Resource>
  );
}
