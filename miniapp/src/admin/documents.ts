// How the desk words a provider's lapsed licence or permit (which have lapsed: expired-documents.ts).
import { ExpiredDocumentsRefusal, type ProviderDocumentName } from '@contract';
import type { Result } from '../services/request';
import type { AdminT } from './i18n';

export const documentLabel = (t: AdminT, d: ProviderDocumentName) => t(d === 'businessLicence' ? 'provider.licence' : 'provider.permit');

/** "Business licence expired on 2020-06-30, …". */
export const expiredText = (t: AdminT, docs: ExpiredDocumentsRefusal['documents']) =>
  docs.map((d) => t('documents.expiredOn', { doc: documentLabel(t, d.document), d: d.expiresOn })).join(t('list.separator'));

/** An approval (or, with its own words, a reinstatement) refused for lapsed documents, in words; undefined for any other answer. */
export function documentsRefusal(t: AdminT, answer: Result<unknown>, key: 'documents.refused' | 'documents.reinstateRefused' = 'documents.refused'): string | undefined {
  if (answer.ok || answer.code !== 'CONFLICT') return undefined;
  const details = ExpiredDocumentsRefusal.safeParse(answer.details);
  return details.success ? t(key, { docs: expiredText(t, details.data.documents) }) : undefined;
}
