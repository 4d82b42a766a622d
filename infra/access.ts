import type { FunctionGroup } from '../functions/routes/table.js';
import { keys } from '../functions/store/keys.js';

/**
 * What each function may do on the table. One entry per function group (a new group is a type
 * error until it is given one); the API's routes are grouped by function, so the grant follows
 * the route.
 *
 * Reads are GetItem, BatchGetItem, Query (table and indexes) and ConditionCheckItem; never Scan.
 * Writes are PutItem, UpdateItem, DeleteItem, BatchWriteItem; a TransactWriteItems call is
 * authorised item by item against these same actions, and `dynamodb:LeadingKeys` narrows them to
 * items whose partition key matches. Code that writes a new kind of item from a group must add
 * its key here, or it works locally and is refused on AWS.
 */
export interface TableAccess {
  /** true: any item and index; or only items under these partition keys (index queries stay open). */
  read: true | { partitionKeys: readonly string[] };
  write:
    | 'none'
    | 'all'
    /** Only these actions, only on items whose partition key matches one of the patterns. */
    | { actions: readonly WriteAction[]; partitionKeys: readonly string[] };
}

export type WriteAction = 'dynamodb:PutItem' | 'dynamodb:UpdateItem' | 'dynamodb:DeleteItem' | 'dynamodb:BatchWriteItem';

export const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'] as const;
export const writeActions: readonly WriteAction[] = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const putUpdateDelete: readonly WriteAction[] = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

/** `PREFIX#*` for an item kind — spelled from the store's own key functions, not here. */
const under = (pk: string): string => `${pk.slice(0, pk.indexOf('#') + 1)}*`;
const recipientItems = under(keys.recipient('x').PK);
const providerItems = under(keys.provider('x').PK);
const bookingItems = under(keys.booking('x').PK);
const idempotencyItems = under(keys.idempotency('x', 'y').PK);
const offeringOwners = under(keys.offeringOwner('x').PK);
const verificationItems = under(keys.verification('x').PK);
const auditItems = under(keys.audit('2026-01-01T00:00:00.000Z', 'x').PK);
const allRates = under(keys.rate('x', 'y', 'z').PK);
const phoneChallenges = under(keys.phoneChallenge('x').PK);
const catalogItems = under(keys.catalogItem('x').PK);
const exchangePointers = under(keys.exchangePointer('x').PK);

export const tableAccess: Record<FunctionGroup, TableAccess> = {
  // Listings: districts, providers with their offerings and slots, and offering owners; never
  // accounts, recipients, bookings or verifications, and no writes at all.
  public: { read: { partitionKeys: [keys.districts(), providerItems, offeringOwners] }, write: 'none' },
  // Sign-in reads accounts; its only writes are the recipient upsert on a session, the SMS
  // challenge of a phone sign-in, and rate counters (sessions, per-address limits, failed
  // sign-ins). It cannot touch providers, slots, bookings or accounts.
  signin: { read: true, write: { actions: putUpdateDelete, partitionKeys: [recipientItems, phoneChallenges, allRates] } },
  // Booking and cancelling: one transaction over slot and backup code (PROVIDER#), booking,
  // recipient, idempotency record and rate counter. Never accounts, districts or verifications.
  recipient: { read: true, write: { actions: putUpdateDelete, partitionKeys: [providerItems, bookingItems, recipientItems, idempotencyItems, allRates] } },
  // Redemption and handouts at the counter: booking, slot, points and poster (PROVIDER#), the
  // recipient's counters, idempotency records, the wrong-code throttle and each change's audit
  // entry; exchanges: the stock of a catalogue item and the exchange's pointer (its order and
  // ledger entry are PROVIDER# items).
  staff: { read: true, write: { actions: putUpdateDelete, partitionKeys: [providerItems, bookingItems, recipientItems, idempotencyItems, allRates, auditItems, catalogItems, exchangePointers] } },
  // Contracts, providers, offerings, staff accounts: the whole table by design.
  admin: { read: true, write: 'all' },
  // Applications and their decisions: the application, the recipient's verified status,
  // idempotency records, rate counters and each decision's audit entry.
  verification: { read: true, write: { actions: putUpdateDelete, partitionKeys: [verificationItems, recipientItems, idempotencyItems, allRates, auditItems] } },
};

/** Scheduled jobs (expiry and the like) sweep across item types. */
export const jobAccess: TableAccess = { read: true, write: 'all' };
