import type { ProviderDocument } from '../contract/admin.js';
import type { ProviderStatus } from '../contract/providers.js';
import { daysBetween } from './time.js';

export interface ProviderState {
  status: ProviderStatus;
  businessLicence: ProviderDocument;
  hygienePermit: ProviderDocument;
}

/** A document is valid through its expiry date (inclusive), in local dates. */
export const documentValid = (doc: ProviderDocument, today: string): boolean => doc.expiresOn >= today;

/** Only ACTIVE providers with an unexpired licence and permit take bookings or appear publicly. */
export function isOpenForBookings(p: ProviderState, today: string): boolean {
  return p.status === 'ACTIVE' && documentValid(p.businessLicence, today) && documentValid(p.hygienePermit, today);
}

export type DocumentName = 'businessLicence' | 'hygienePermit';
const documentNames = ['businessLicence', 'hygienePermit'] as const satisfies readonly DocumentName[];

export interface ExpiredDocument {
  document: DocumentName;
  expiresOn: string;
}

/**
 * The licence and permit that expired before `today` (a document is still valid on its expiry
 * date). Approval refuses a provider with any: it would show ACTIVE on the desk while the public
 * list hides it (isOpenForBookings), and nobody could book there.
 */
export function expiredDocuments(p: Pick<ProviderState, DocumentName>, today: string): ExpiredDocument[] {
  return documentNames.filter((document) => !documentValid(p[document], today)).map((document) => ({ document, expiresOn: p[document].expiresOn }));
}

export type StatusAction = 'approve' | 'suspend' | 'reinstate';

/**
 * PENDING → ACTIVE (approve) → SUSPENDED (suspend) → ACTIVE (reinstate). Returns the next status,
 * or null when the move is not allowed: a suspended provider is reinstated, never approved again,
 * so the record says which of the two happened.
 */
export function nextStatus(current: ProviderStatus, action: StatusAction): ProviderStatus | null {
  switch (action) {
    case 'approve':
      return current === 'PENDING' ? 'ACTIVE' : null;
    case 'suspend':
      return current === 'ACTIVE' ? 'SUSPENDED' : null;
    case 'reinstate':
      return current === 'SUSPENDED' ? 'ACTIVE' : null;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

export interface ExpiringDocumentOf<P> {
  provider: P;
  document: DocumentName;
  doc: ProviderDocument;
  /** Negative once expired; 0 on its last valid day. */
  daysLeft: number;
}

/**
 * Licences and permits expired or expiring within `days` of `today`, soonest first: what the admins
 * are warned about before an expiry takes a provider off the booking list.
 */
export function expiringDocuments<P extends ProviderState>(providers: P[], today: string, days: number): ExpiringDocumentOf<P>[] {
  const found: ExpiringDocumentOf<P>[] = [];
  for (const provider of providers) {
    for (const document of documentNames) {
      const doc = provider[document];
      const daysLeft = daysBetween(today, doc.expiresOn);
      if (daysLeft <= days) found.push({ provider, document, doc, daysLeft });
    }
  }
  return found.sort((a, b) => a.daysLeft - b.daysLeft);
}

/** When the poster tells walk-ins to come: every active offering's windows, each span once, earliest first. */
export function posterWindows(offerings: Array<{ active: boolean; windows: Array<{ start: string; end: string }> }>): Array<{ start: string; end: string }> {
  const spans = new Map<string, { start: string; end: string }>();
  for (const o of offerings) if (o.active) for (const { start, end } of o.windows) spans.set(`${start}-${end}`, { start, end });
  return [...spans.values()].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}
