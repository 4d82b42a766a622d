import type { ProviderDocument } from '../contract/admin.js';
import type { ProviderStatus } from '../contract/providers.js';

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

export type StatusAction = 'approve' | 'suspend';

/** PENDING → ACTIVE ⇄ SUSPENDED. Returns the next status, or null when the move is not allowed. */
export function nextStatus(current: ProviderStatus, action: StatusAction): ProviderStatus | null {
  switch (action) {
    case 'approve':
      return current === 'ACTIVE' ? null : 'ACTIVE';
    case 'suspend':
      return current === 'ACTIVE' ? 'SUSPENDED' : null;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
