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
const phoneClaims = under(keys.verificationPhone('x').PK);
const thanksNotes = under(keys.thanks('x').PK);
const safetyReports = under(keys.safetyReport('x').PK);
/** Only the per-day impact counters a change at the counter adds to; never the roll-ups or packs. */
const impactDays = `${keys.impactDayPK('')}*`;
/** Every impact figure: counters, roll-ups, packs and the roll-up's state. */
const impactItems = under(keys.rollUpState().PK);
const leaderboardHeaders = under(keys.leaderboardsPK('x'));
const leaderboardParts = under(keys.leaderboardPartsPK('x', 'y', 1));

export const tableAccess: Record<FunctionGroup, TableAccess> = {
  // Listings: districts, providers with their offerings and slots, offering owners and the likes
  // counts a provider's page shows; the published figures (impact items) and leaderboards (headers
  // and their parts). Never accounts, recipients, bookings or verifications, and no writes at all.
  public: {
    read: { partitionKeys: [keys.districts(), providerItems, offeringOwners, keys.likesPK(), impactItems, leaderboardHeaders, leaderboardParts] },
    write: 'none',
  },
  // Sign-in reads accounts; its only writes are the recipient upsert on a session, the SMS
  // challenge of a phone sign-in, and rate counters (sessions, per-address limits, failed
  // sign-ins). It cannot touch providers, slots, bookings or accounts.
  signin: { read: true, write: { actions: putUpdateDelete, partitionKeys: [recipientItems, phoneChallenges, allRates] } },
  // Booking and cancelling: one transaction over slot and backup code (PROVIDER#), booking,
  // recipient, idempotency record and rate counter; thanks: the provider's likes count and the
  // note; safety reports. Never accounts, districts or verifications.
  recipient: {
    read: true,
    write: { actions: putUpdateDelete, partitionKeys: [providerItems, bookingItems, recipientItems, idempotencyItems, allRates, keys.likesPK(), thanksNotes, safetyReports] },
  },
  // Redemption and handouts at the counter: booking, slot, points and poster (PROVIDER#), the
  // recipient's counters, idempotency records, the wrong-code throttle and each change's audit
  // entry, and the day's impact counters they add to; exchanges: the stock of a catalogue item and
  // the exchange's pointer (its order and ledger entry are PROVIDER# items).
  staff: {
    read: true,
    write: { actions: putUpdateDelete, partitionKeys: [providerItems, bookingItems, recipientItems, idempotencyItems, allRates, auditItems, catalogItems, exchangePointers, impactDays] },
  },
  // Contracts, providers, offerings, staff accounts: the whole table by design.
  admin: { read: true, write: 'all' },
  // Applications and their decisions: the application, the phone's claim (one application per
  // phone), the recipient's verified status, idempotency records, rate counters and each
  // decision's audit entry.
  verification: { read: true, write: { actions: putUpdateDelete, partitionKeys: [verificationItems, phoneClaims, recipientItems, idempotencyItems, allRates, auditItems] } },
};

/** Scheduled jobs (expiry and the like) sweep across item types. */
export const jobAccess: TableAccess = { read: true, write: 'all' };

/** Where a statement applies: the table itself, or one index by name. */
export type TableResource = 'table' | `index/${string}`;

/**
 * One IAM statement on the table, before ARNs: the stack turns these into the functions' policies
 * and the local server (functions/local/table-grants.ts) enforces the very same ones, so a grant is
 * read in one place only. `leadingKeys` is a `ForAllValues:StringLike` condition on
 * `dynamodb:LeadingKeys`; null: none.
 */
export interface TableStatement {
  actions: readonly string[];
  resources: readonly TableResource[];
  leadingKeys: readonly string[] | null;
}

/** The statements granting `access`; each index by name, not index/*: a future index is granted when it is defined. */
export function tableStatements(access: TableAccess, indexNames: readonly string[]): TableStatement[] {
  const indexes = indexNames.map((n): TableResource => `index/${n}`);
  const statements: TableStatement[] =
    access.read === true
      ? [{ actions: readActions, resources: ['table', ...indexes], leadingKeys: null }]
      : [
          { actions: readActions, resources: ['table'], leadingKeys: access.read.partitionKeys },
          { actions: ['dynamodb:Query'], resources: indexes, leadingKeys: null },
        ];
  if (access.write === 'all') statements.push({ actions: writeActions, resources: ['table'], leadingKeys: null });
  else if (access.write !== 'none') statements.push({ actions: access.write.actions, resources: ['table'], leadingKeys: access.write.partitionKeys });
  return statements;
}
