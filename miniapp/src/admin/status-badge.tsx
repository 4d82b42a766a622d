import type { AdminProvider } from '@contract';
import { expiredDocuments } from './expired-documents';
import { useAdminText } from './i18n';
import { statusLabel, today } from './labels';

/**
 * A provider's status. An ACTIVE one whose licence or permit lapsed reads "documents expired":
 * the public list hides it and it takes no bookings, so "active" would mislead.
 */
export function StatusBadge({ provider: p }: { provider: Pick<AdminProvider, 'status' | 'businessLicence' | 'hygienePermit'> }) {
  const t = useAdminText();
  if (p.status === 'ACTIVE' && expiredDocuments(p, today()).length > 0)
    return <span className='admin-badge admin-badge--expired' data-status='documentsExpired'>{t('status.documentsExpired')}</span>;
  return (
    <span className={`admin-badge admin-badge--${p.status.toLowerCase()}`} data-status={p.status}>
      {statusLabel(t, p.status)}
    </span>
  );
}
