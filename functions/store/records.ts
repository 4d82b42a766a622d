import type { AdminOffering, ProviderDocument } from '../contract/admin.js';
import type { District, ProviderKind, ProviderStatus } from '../contract/providers.js';
import type { SlotCounts } from '../domain/offering.js';

/** The shapes the store hands out: plain data, no keys. */
export type { District };

export type Offering = AdminOffering;

export interface Provider {
  id: string;
  name: string;
  kind: ProviderKind;
  district: string;
  address: string;
  businessLicence: ProviderDocument;
  hygienePermit: ProviderDocument;
  status: ProviderStatus;
  createdAt: string;
  updatedAt: string;
  /** Offerings by id; read together with the provider, so stored with it. */
  offerings: Record<string, Offering>;
}

export interface Slot extends SlotCounts {
  providerId: string;
  offeringId: string;
  date: string;
}

export type Account =
  | { role: 'admin'; id: string; username: string; name: string; passwordHash: string }
  | { role: 'staff'; id: string; username: string; name: string; passwordHash: string; providerId: string };

export interface Recipient {
  id: string;
  createdAt: string;
  verifiedUntil: string | null;
  claims: number;
  lastClaimDate: string | null;
  claimsOnLastDate: number;
  claimMonth: string | null;
  claimsInMonth: number;
  suspendedUntil: string | null;
}
