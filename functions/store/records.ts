import type { AdminOffering, ProviderDocument, Suspension } from '../contract/admin.js';
import type { AdminRole } from '../contract/office.js';
import type { BookingStatus, CancelReason } from '../contract/bookings.js';
import type { LedgerReason } from '../contract/points.js';
import type { CatalogItem, Exchange } from '../contract/catalog.js';
import type { District, GeoPoint, OfferingKind, PickupWindow, ProviderKind, ProviderStatus } from '../contract/providers.js';
import type { VerificationStatus } from '../contract/verifications.js';
import type { SlotCounts } from '../domain/offering.js';

/** The shapes the store hands out: plain data, no keys. */
export type { District };

export type Offering = AdminOffering;

export interface Provider {
  id: string;
  name: string;
  nameEn?: string;
  /** GCJ-02. */
  location?: GeoPoint;
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
  /** The walk-in poster's current token; rotating it retires printed posters. */
  posterToken?: string;
  /** Why, when and by whom it was suspended; null once reinstated. */
  suspension?: Suspension | null;
}

export interface Slot extends SlotCounts {
  providerId: string;
  offeringId: string;
  date: string;
}

/** Idempotency record: the first answer to a request, kept 24 hours. */
export interface IdempotencyRecord {
  requestHash: string;
  status: number;
  response: unknown;
}

export type Account =
  | AdminAccountRecord
  | { role: 'staff'; id: string; username: string; name: string; passwordHash: string; providerId: string; disabled?: boolean; sessionVersion?: number };

/**
 * An administrator. `adminRole` absent: an account from before roles (the bootstrap admin), an
 * owner. `totpOn` is the one TOTP fact a token check reads; the secret itself stays sealed, and
 * only sign-in and the account's own enrolment read it or the recovery codes' hashes.
 */
export interface AdminAccountRecord {
  role: 'admin';
  id: string;
  username: string;
  name: string;
  passwordHash: string;
  sessionVersion?: number;
  adminRole?: AdminRole;
  districts?: string[];
  disabled?: boolean;
  mustChangePassword?: boolean;
  totpOn?: boolean;
  /** The secret being enrolled (sealed), until a code from it is confirmed. */
  totpPending?: string;
  /** The confirmed secret (sealed). */
  totpSecret?: string;
  /** The last time step a code signed in with (or confirmed): a code never works twice. */
  totpLastStep?: number;
  /** Unused recovery codes' keyed hashes, as a map's keys: using one removes it, once. */
  totpRecovery?: Record<string, true>;
  version?: number;
}

/** What a request's admin token check learns of its account (never the password hash). */
export interface AdminSessionState {
  sessionVersion: number;
  adminRole: AdminRole;
  districts: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  totpOn: boolean;
}

/** A staff account as its provider's list shows it (no password hash). */
export interface StaffMember {
  id: string;
  providerId: string;
  username: string;
  name: string;
  disabled: boolean;
}

/** What a staff token is checked against: a disable bumps the version, ending every session. */
export interface StaffSessionState {
  disabled: boolean;
  sessionVersion: number;
}

export interface Recipient {
  id: string;
  createdAt: string;
  /** The one live booking, if any. */
  liveBooking: string | null;
  /** BOOKED + REDEEMED + EXPIRED bookings, ever (cancelled ones are given back). */
  claims: number;
  /** Claims by local date and by month (YYYY-MM). */
  daily: Record<string, number>;
  monthly: Record<string, number>;
  verifiedUntil: string | null;
  suspendedUntil: string | null;
  noShows: string[];
  verification: { id: string; status: VerificationStatus; reason?: string | null } | null;
}

export interface BookingRecord {
  id: string;
  recipientId: string;
  providerId: string;
  providerName: string;
  offeringId: string;
  offeringName: string;
  kind: OfferingKind;
  valueFen: number;
  date: string;
  window: PickupWindow;
  status: BookingStatus;
  code: string;
  voucher: string;
  /** Local YYYY-MM-DDTHH:MM after which a BOOKED booking is a no-show. */
  expiresAtLocal: string;
  createdAt: string;
  redeemedAt: string | null;
  /** How it was made: the app, or a scanned poster. */
  channel: 'app' | 'poster';
  /** Why a CANCELLED booking ended (absent on older records and other statuses). */
  cancelReason?: CancelReason | null;
  /** When its recipient thanked the provider for it (once; REDEEMED bookings only). */
  thankedAt?: string | null;
}

/** A ledger entry as stored: never edited; a mistake is corrected by a reversal entry. */
export interface LedgerRecord {
  id: string;
  providerId: string;
  points: number;
  reason: LedgerReason;
  ref: string;
  note: string | null;
  at: string;
  availableAt: string;
}

/** A catalogue item as stored: `version` counts every change (a PUT, an exchange, a refund), so an admin's PUT knows what it replaced. */
export interface CatalogItemRecord extends CatalogItem {
  updatedAt: string;
  version: number;
}

/** An exchange as stored: the contract's shape. */
export type ExchangeRecord = Exchange;
