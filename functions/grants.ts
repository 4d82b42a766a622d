import type { FunctionGroup } from './routes/table.js';
import { keys } from './store/keys.js';
import { tableDefinition } from './store/table.js';

/**
 * What each function may do on the table. One entry per function group (a new group is a type
 * error until it is given one); the API's routes are grouped by function, so the grant follows
 * the route. Every read and write is narrowed by `dynamodb:LeadingKeys` to the partition keys its
 * routes touch: on the table by the item's partition key, on an index by the index's own.
 *
 * Reads are GetItem, BatchGetItem, Query and ConditionCheckItem; Scan only where a sweep cannot
 * name its partitions (the jobs, on one index). Writes are PutItem, UpdateItem and DeleteItem; a
 * TransactWriteItems call is authorised item by item against these same actions. Code that reads
 * or writes a new kind of item from a group must add its key here, or it works locally and is
 * refused on AWS (the local server enforces these grants: functions/local/table-grants.ts).
 *
 * The table lives in functions/, beside the route table it follows, because both sides read it:
 * the stack deploys it as IAM policies (infra/table.ts) and the local server enforces it; infra/
 * imports functions/, never the other way round.
 */
export interface TableAccess {
  /** Whole items under these partition keys. */
  read: readonly string[];
  /**
   * Index partitions it may Query, by the index's partition key. Indexes project keys only
   * (store/table.ts): the items they name are read from the table, under `read`.
   */
  indexes?: Partial<Record<IndexName, readonly string[]>>;
  /**
   * Items of which only these attributes may be read (GetItem with a ProjectionExpression naming no
   * others): an account's session version, for functions that check admin tokens, but never its
   * password hash.
   */
  readAttributes?: { partitionKeys: readonly string[]; attributes: readonly string[] };
  /** Put, Update and Delete on items under these partition keys. */
  write: readonly string[];
  /** Writes audit entries: PutItem only, so none is ever changed or removed (see appendOnly). */
  audits?: boolean;
  /** Indexes it may Scan: a sweep over a sparse index that cannot name its partitions. */
  scan?: readonly IndexName[];
}

export type IndexName = (typeof tableDefinition.indexes)[number]['name'];

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
const approvals = under(keys.approval('x').PK);
const accounts = under(keys.account('x').PK);
const staffMembers = under(keys.staffMember('x').PK);
/** Only the per-day impact counters a change at the counter adds to; never the roll-ups or packs. */
const impactDays = `${keys.impactDayPK('')}*`;
/** Every impact figure: counters, roll-ups, packs and the roll-up's state. */
const impactItems = under(keys.rollUpState().PK);
const leaderboardHeaders = under(keys.leaderboardsPK('x'));
const leaderboardParts = under(keys.leaderboardPartsPK('x', 'y', 1));

// Index partitions (GSI1 is overloaded: each kind of list its own prefix).
const providersByDistrict = under(keys.providersInDistrict('x'));
const bookingsByRecipient = under(keys.bookingsOf('x'));
const staffByProvider = under(keys.staffOf('x'));
const notesByProvider = under(keys.thanksOf('x'));
const applicationsByStatus = under(keys.verificationsIn('x'));
const exchangesByStatus = under(keys.exchangesIn('x'));
const auditByTarget = `${keys.auditByTarget('')}*`;
const auditByProvider = `${keys.auditByProvider('')}*`;
const safetyReportsByStatus = under(keys.safetyReportsIn('x'));
const approvalsByStatus = under(keys.approvalsIn('x'));

/** Admin tokens are checked against their account's session version: that much of an account, and no more. */
const adminSessions = { partitionKeys: [accounts], attributes: keys.accountSessionAttributes };

// Reads are what the routes read, not what they write: a write's condition is checked under the
// write's own right, so most writes come without a read beside them.
export const tableAccess: Record<FunctionGroup, TableAccess> = {
  // Listings: districts, providers (by sub-district, GSI1) with their offerings and slots, the
  // likes counts a provider's page shows; the published figures (impact items) and leaderboards
  // (headers and their parts). Never accounts, recipients, bookings or verifications, and no
  // writes at all.
  public: {
    read: [keys.districts(), providerItems, keys.likesPK(), impactItems, leaderboardHeaders, leaderboardParts],
    indexes: { GSI1: [providersByDistrict] },
    write: [],
  },
  // Sign-in reads the account it checks a password against: the one function that may read a
  // password hash, as that is its job. Its writes are the recipient upsert on a session, the SMS
  // challenge of a phone sign-in, rate counters (sessions, per-address limits, failed sign-ins),
  // and an administrator's second factor as it is spent (the TOTP step, a recovery code).
  signin: {
    read: [accounts],
    write: [recipientItems, phoneChallenges, allRates, accounts],
  },
  // Booking and cancelling: the offering's owner, the provider and slot, the booking, the
  // recipient and the idempotency record it replays from; the recipient's own bookings (GSI1).
  // It writes one transaction over slot and backup code (PROVIDER#), booking, recipient,
  // idempotency record and rate counter; thanks: the provider's likes count and the note; safety
  // reports. Never accounts, districts or verifications.
  recipient: {
    read: [providerItems, offeringOwners, bookingItems, recipientItems, idempotencyItems],
    indexes: { GSI1: [bookingsByRecipient] },
    write: [providerItems, bookingItems, recipientItems, idempotencyItems, allRates, keys.likesPK(), thanksNotes, safetyReports],
  },
  // Redemption and handouts at the counter: booking, slot, points and poster (PROVIDER#), the
  // recipient's counters, idempotency records, the wrong-code throttle (read: it is shared by a
  // provider's staff) and each change's audit entry, and the day's impact counters they add to;
  // exchanges: the stock of a catalogue item and the exchange's pointer (its order and ledger
  // entry are PROVIDER# items); the staff member's session state, the provider's likes and its
  // thank-you notes (GSI1). The catalogue also answers admins.
  staff: {
    read: [providerItems, bookingItems, recipientItems, idempotencyItems, allRates, catalogItems, impactDays, staffMembers, thanksNotes, keys.likesPK()],
    indexes: { GSI1: [notesByProvider] },
    readAttributes: adminSessions,
    write: [providerItems, bookingItems, recipientItems, idempotencyItems, allRates, catalogItems, exchangePointers, impactDays],
    audits: true,
  },
  // The office's own accounts (listed on GSI1); contracts, providers, offerings, staff accounts, the catalogue and exchanges, points, figures,
  // leaderboards, thank-you notes and safety reports (closing one writes it), and the audit log
  // they all write to; a suspension cancels the provider's live bookings (found by their codes,
  // PROVIDER# items), writing those bookings and their recipients without reading the bookings,
  // and expires those whose pickup had closed as the no-show job would — which reads the
  // recipient's no-shows to pause booking after the third.
  admin: {
    read: [keys.districts(), providerItems, accounts, staffMembers, auditItems, catalogItems, exchangePointers, impactItems, leaderboardHeaders, thanksNotes, safetyReports, approvals, recipientItems, keys.likesPK()],
    indexes: { GSI1: [staffByProvider, auditByTarget, exchangesByStatus, notesByProvider, safetyReportsByStatus, keys.integrityFlagged, keys.admins, approvalsByStatus], GSI2: [keys.allProviders], GSI3: [auditByProvider] },
    write: [keys.districts(), providerItems, offeringOwners, accounts, staffMembers, catalogItems, leaderboardHeaders, leaderboardParts, thanksNotes, safetyReports, approvals, bookingItems, recipientItems],
    audits: true,
  },
  // Applications and their decisions: the application and the idempotency record it replays
  // from; the review queue by status (GSI1). It writes the application, the phone's claim (one
  // application per phone), the recipient's verified status, idempotency records, rate counters
  // and each decision's audit entry. Reviewers are admins.
  verification: {
    read: [verificationItems, idempotencyItems],
    indexes: { GSI1: [applicationsByStatus] },
    readAttributes: adminSessions,
    write: [verificationItems, phoneClaims, recipientItems, idempotencyItems, allRates],
    audits: true,
  },
};

/**
 * Scheduled jobs: no-shows (live bookings found by a scan of the sparse GSI2, which holds only
 * keys; their slots, codes, recipients and providers), the purge of applications (by status on
 * GSI1), the impact roll-up and the integrity review (its cases and point freezes are PROVIDER#
 * items). They write no audit entries.
 */
export const jobAccess: TableAccess = {
  read: [bookingItems, providerItems, recipientItems, verificationItems, impactItems],
  indexes: { GSI1: [applicationsByStatus] },
  scan: ['GSI2'],
  write: [bookingItems, providerItems, recipientItems, verificationItems, phoneClaims, impactItems],
};

/**
 * Partitions whose items are written once and never changed or removed: the audit log. IAM grants
 * PutItem alone there; what it cannot check — that a Put creates a fresh item rather than
 * overwriting one — the local server does (functions/local/table-grants.ts), and every audit
 * write in the store carries `attribute_not_exists` on the partition key.
 */
export const appendOnly: readonly string[] = [auditItems];

/** Where a statement applies: the table itself, or one index by name. */
export type TableResource = 'table' | `index/${IndexName}`;

/**
 * One IAM statement on the table, before ARNs: the stack turns these into the functions' policies
 * and the local server (functions/local/table-grants.ts) enforces the very same ones, so a grant is
 * read in one place only. `leadingKeys` is a `ForAllValues:StringLike` condition on
 * `dynamodb:LeadingKeys`, null only for Scan (which has no leading key); `attributes` a
 * `ForAllValues:StringEquals` condition on `dynamodb:Attributes` with `dynamodb:Select`
 * SPECIFIC_ATTRIBUTES when present.
 */
export interface TableStatement {
  actions: readonly string[];
  resources: readonly TableResource[];
  leadingKeys: readonly string[] | null;
  attributes?: readonly string[];
}

const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'] as const;
const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'] as const;

/** The statements granting `access`; each index by name, never index/*: a future index is granted when a group lists it. */
export function tableStatements(access: TableAccess): TableStatement[] {
  const statements: TableStatement[] = [];
  if (access.read.length) statements.push({ actions: readActions, resources: ['table'], leadingKeys: access.read });
  for (const [index, partitions] of Object.entries(access.indexes ?? {}) as [IndexName, readonly string[]][]) {
    statements.push({ actions: ['dynamodb:Query'], resources: [`index/${index}`], leadingKeys: partitions });
  }
  if (access.readAttributes) {
    // The key attributes too: reading them tells nothing the request did not name.
    const attributes = [tableDefinition.partitionKey, tableDefinition.sortKey, ...access.readAttributes.attributes];
    statements.push({ actions: ['dynamodb:GetItem'], resources: ['table'], leadingKeys: access.readAttributes.partitionKeys, attributes });
  }
  if (access.scan?.length) statements.push({ actions: ['dynamodb:Scan'], resources: access.scan.map((i): TableResource => `index/${i}`), leadingKeys: null });
  if (access.write.length) statements.push({ actions: writeActions, resources: ['table'], leadingKeys: access.write });
  if (access.audits) statements.push({ actions: ['dynamodb:PutItem'], resources: ['table'], leadingKeys: appendOnly });
  return statements;
}
