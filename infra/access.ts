import type { Auth } from '../functions/contract/endpoints.js';
import { keys } from '../functions/store/keys.js';

/**
 * What each function may do on the table. One entry per auth group (a new group is a type error
 * until it is given one); the API's routes are grouped by `auth`, so the grant follows the route.
 *
 * Reads are GetItem, BatchGetItem, Query (table and indexes) and ConditionCheckItem; never Scan.
 * Writes are PutItem, UpdateItem, DeleteItem, BatchWriteItem; a TransactWriteItems call is
 * authorised item by item against these same actions.
 */
export interface TableAccess {
  read: boolean;
  write:
    | 'none'
    | 'all'
    /** Only these actions, only on items whose partition key matches one of the patterns. */
    | { actions: readonly WriteAction[]; partitionKeys: readonly string[] };
}

export type WriteAction = 'dynamodb:PutItem' | 'dynamodb:UpdateItem' | 'dynamodb:DeleteItem' | 'dynamodb:BatchWriteItem';

export const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'] as const;
export const writeActions: readonly WriteAction[] = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/** `RECIPIENT#*` and the sign-in rate counters — spelled from the store's own key functions, not here. */
const recipientItems = `${keys.recipient('').PK}*`;
const sessionRateItems = `${keys.rate('session', '', '').PK.split('#').slice(0, 2).join('#')}#*`;

export const tableAccess: Record<Auth, TableAccess> = {
  // Sign-in and public listings. Reads providers, districts, slots and (password sign-in) accounts;
  // its only writes are the recipient upsert on a device/WeChat session (UpdateItem on RECIPIENT#…)
  // and that session's rate counter (RATE#session#…). A stolen public function role cannot touch
  // providers, slots, bookings or accounts.
  public: { read: true, write: { actions: ['dynamodb:UpdateItem'], partitionKeys: [recipientItems, sessionRateItems] } },
  // Booking, cancelling: one transaction over slot, booking, recipient, idempotency and rate-limit items.
  recipient: { read: true, write: 'all' },
  // Redemption at the counter: booking and slot updates.
  staff: { read: true, write: 'all' },
  // Contracts, providers, offerings, staff accounts.
  admin: { read: true, write: 'all' },
};

/** Scheduled jobs (expiry and the like) sweep across item types. */
export const jobAccess: TableAccess = { read: true, write: 'all' };
