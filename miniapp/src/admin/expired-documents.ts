// Which of a provider's documents have lapsed: pure and free of imports, so the desk and its unit
// test (tests/unit/admin-desk-logic.test.ts, held against the server's rule) share it.

export type DocumentName = 'businessLicence' | 'hygienePermit';

/** The parts of a provider (contract `AdminProvider`) the judgement reads. */
type Documents = Record<DocumentName, { expiresOn: string }>;

/**
 * The documents that expired before `today` (Shanghai dates; each is valid through its expiresOn):
 * the server's rule (expiredDocuments in functions/domain/provider.ts), which the desk cannot import.
 */
export function expiredDocuments(p: Documents, today: string): Array<{ document: DocumentName; expiresOn: string }> {
  return (['businessLicence', 'hygienePermit'] as const).filter((d) => p[d].expiresOn < today).map((document) => ({ document, expiresOn: p[document].expiresOn }));
}
