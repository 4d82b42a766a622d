/**
 * Every key of the single table, spelled once. Use cases and jobs never see these shapes: they name
 * items and ranges through the store's functions (a date range, a RolledTarget). The only readers
 * outside store/ are the table grants (functions/grants.ts), which derive each partition pattern from
 * these functions rather than spelling it, and tests that look into the table.
 *
 *  item               PK                    SK                    GSI1PK                 GSI1SK
 *  district           DISTRICTS             DISTRICT#<id>
 *  provider           PROVIDER#<id>         PROFILE               DISTRICT#<district>    <status>#<id>
 *                                                                 (its offerings: a map on the profile, by offering id)
 *                                                                 GSI2: PROVIDERS / <createdAt>#<id> (the admin list, all of them)
 *  offering owner     OFFERING#<oid>        OWNER                 (offering ids are unique across providers)
 *  slot               PROVIDER#<id>         SLOT#<date>#<oid>
 *  account            ACCOUNT#<username>    ACCOUNT               (staff and admins; an admin's: ADMINS  <username>)
 *  staff member       STAFF#<id>            STAFF                 STAFF_OF#<providerId>  <username>
 *  recipient          RECIPIENT#<id>        PROFILE
 *  booking            BOOKING#<id>          BOOKING               RECIPIENT#<rid>        BOOKING#<createdAt>#<id>
 *                                                                 GSI2 (while BOOKED): LIVE#<date> / <expiresAt local>#<id>
 *  backup code        PROVIDER#<id>         CODE#<date>#<code>    (→ booking; unique per provider and day)
 *  points ledger      PROVIDER#<id>         LEDGER#<at>#<entry>
 *  points balance     PROVIDER#<id>         POINTS                (available, pending, hold:<availableAt> per hour)
 *  reversal marker    PROVIDER#<id>         REVERSED#<entry>      (how much of a credit is reversed: never more than it)
 *  integrity case     PROVIDER#<id>         INTEGRITY             INTEGRITY#FLAGGED      <flaggedAt>#<id>
 *                     (the review's flag and an admin's clear; on GSI1 only while FLAGGED, so one
 *                     Query lists every provider awaiting a clear)
 *  exchange           PROVIDER#<id>         EXCHANGE#<createdAt>#<xid>  EXCHANGES#<status>  <createdAt>#<xid>
 *                     (the provider's own list in its partition; the admins' work list by status on GSI1)
 *  exchange pointer   EXCHANGE#<xid>        EXCHANGE              (→ provider and createdAt: an exchange found by id)
 *  catalogue item     CATALOG#ITEMS         ITEM#<itemId>         (one small partition: every item, its stock and price)
 *  idempotency        IDEM#<caller>#<key>   IDEM                  (expiresAt: 24 h)
 *  rate counter       RATE#<scope>#<who>#<window>  RATE           (expiresAt: end of window)
 *  phone challenge    PHONE#<phoneKey>      CHALLENGE             (phoneKey: HMAC of the number; expiresAt)
 *  audit entry        AUDIT#<yyyy-mm>       <at>#<id>             AUDIT#TARGET#<target>  <at>#<id>
 *                     (one partition a month, UTC: ~1000 writes/s is the ceiling of one partition;
 *                     not on GSI2, which the expiry job scans)
 *                                                                 GSI3 (when about a provider or its parts):
 *                                                                 AUDIT#PROVIDER#<providerId> / <at>#<id>
 *  verification       VERIFICATION#<id>     VERIFICATION          VERIFICATIONS#<status> <submittedAt>#<id>
 *                                                                 (VERIFICATIONS#PURGED once its personal data is deleted)
 *  approval           APPROVAL#<id>         APPROVAL              APPROVALS#<status>     <requestedAt>#<id>
 *                     (four eyes: a change waiting for a second administrator, then its decision)
 *  phone's application VPHONE#<phoneKey>    CLAIM                 (verificationId, heldThrough: one pending or approved per phone)
 *  impact day         IMPACT#DAY#<date>     P#<providerId>        (written inside redemption and handout transactions; also
 *                                                                 `redeemed:<oid>`, the counter's per-offering redeemed count,
 *                                                                 `capacity:<oid>` beside it, and the integrity signal counts)
 *  impact rolled      IMPACT#<M|Q|Y>#<key>  P#<providerId>        (provider per month, quarter, year; by the roll-up job)
 *  impact packed      IMPACT#PACK#<M|Q|Y>#<key>  HEAD · D#<district>#<000>   (the rolled provider items of a period,
 *                     a sub-district's in one item (more when large), rewritten whole by the roll-up job; HEAD names them)
 *  area months packed IMPACT#PACK#AREA#<year>    HEAD · D#<district>#<000>   (the year's MONTH# area items, likewise)
 *  impact by area     IMPACT#AREA#<year>    TOTAL#<date> · DAY#<date>#<district> · MONTH#<month>#<district>
 *  roll-up state      IMPACT#ROLLUP         STATE                 (the last day fully rolled up; provider ids splitting a day's items into ranges)
 *  leaderboard        LEADERBOARDS#<period> <key>#V<000001>       (a published version's header; newest = last in order)
 *  leaderboard part   LEADERBOARD#<period>#<key>#V<000001>  PART#<000>   (its entries, 250 a part)
 *  thank-you note     THANKS#<id>           THANKS                THANKS#<providerId>   <at>#<id>   (index keys removed when hidden)
 *  likes              LIKES                 P#<providerId>        (one partition: a leaderboard reads every provider's in one Query)
 *  safety report      SAFETY#<id>           SAFETY                SAFETY#<OPEN|CLOSED>  <at>#<id>
 */
export const keys = {
  districts: () => 'DISTRICTS',
  district: (id: string) => ({ PK: 'DISTRICTS', SK: `DISTRICT#${id}` }),

  providerPK: (id: string) => `PROVIDER#${id}`,
  provider: (id: string) => ({ PK: `PROVIDER#${id}`, SK: 'PROFILE' }),
  providerIndex: (district: string, status: string, id: string) => ({
    GSI1PK: `DISTRICT#${district}`,
    GSI1SK: `${status}#${id}`,
  }),
  providersInDistrict: (district: string) => `DISTRICT#${district}`,
  /** Every provider in one GSI2 partition: admins list and search them (thousands at most, rarely written). */
  providerListIndex: (createdAt: string, id: string) => ({ GSI2PK: 'PROVIDERS', GSI2SK: `${createdAt}#${id}` }),
  allProviders: 'PROVIDERS',

  offeringOwner: (offeringId: string) => ({ PK: `OFFERING#${offeringId}`, SK: 'OWNER' }),

  slot: (providerId: string, date: string, offeringId: string) => ({
    PK: `PROVIDER#${providerId}`,
    SK: `SLOT#${date}#${offeringId}`,
  }),

  account: (username: string) => ({ PK: `ACCOUNT#${username}`, SK: 'ACCOUNT' }),
  /** What checking an admin token reads of an account: never its password hash (functions/grants.ts grants no more). */
  accountSessionAttributes: ['role', 'sessionVersion', 'adminRole', 'districts', 'disabled', 'mustChangePassword', 'totpOn'],
  /** Every administrator account, listed on GSI1 (an office has tens of them). */
  adminIndex: (username: string) => ({ GSI1PK: 'ADMINS', GSI1SK: username }),
  admins: 'ADMINS',
  /** A staff member by id (→ username), listed per provider on GSI1. */
  staffMember: (id: string) => ({ PK: `STAFF#${id}`, SK: 'STAFF' }),
  staffIndex: (providerId: string, username: string) => ({ GSI1PK: `STAFF_OF#${providerId}`, GSI1SK: username }),
  staffOf: (providerId: string) => `STAFF_OF#${providerId}`,
  recipient: (id: string) => ({ PK: `RECIPIENT#${id}`, SK: 'PROFILE' }),

  booking: (id: string) => ({ PK: `BOOKING#${id}`, SK: 'BOOKING' }),
  bookingsOf: (recipientId: string) => `RECIPIENT#${recipientId}`,
  bookingIndexPrefix: 'BOOKING#',
  bookingIndex: (recipientId: string, createdAt: string, id: string) => ({ GSI1PK: `RECIPIENT#${recipientId}`, GSI1SK: `BOOKING#${createdAt}#${id}` }),
  liveBookingIndex: (date: string, expiresAt: string, id: string) => ({ GSI2PK: `LIVE#${date}`, GSI2SK: `${expiresAt}#${id}` }),
  /** The live index's partition for `date`; with '' the prefix every live partition shares. */
  liveOn: (date: string) => `LIVE#${date}`,

  code: (providerId: string, date: string, code: string) => ({ PK: `PROVIDER#${providerId}`, SK: `CODE#${date}#${code}` }),
  ledgerEntry: (providerId: string, at: string, entryId: string) => ({ PK: `PROVIDER#${providerId}`, SK: `LEDGER#${at}#${entryId}` }),
  ledgerPrefix: 'LEDGER#',
  points: (providerId: string) => ({ PK: `PROVIDER#${providerId}`, SK: 'POINTS' }),
  reversed: (providerId: string, entryId: string) => ({ PK: `PROVIDER#${providerId}`, SK: `REVERSED#${entryId}` }),
  integrityCase: (providerId: string) => ({ PK: `PROVIDER#${providerId}`, SK: 'INTEGRITY' }),
  integrityFlaggedIndex: (flaggedAt: string, providerId: string) => ({ GSI1PK: 'INTEGRITY#FLAGGED', GSI1SK: `${flaggedAt}#${providerId}` }),
  integrityFlagged: 'INTEGRITY#FLAGGED',

  exchange: (providerId: string, createdAt: string, id: string) => ({ PK: `PROVIDER#${providerId}`, SK: `EXCHANGE#${createdAt}#${id}` }),
  exchangePrefix: 'EXCHANGE#',
  exchangePointer: (id: string) => ({ PK: `EXCHANGE#${id}`, SK: 'EXCHANGE' }),
  exchangeIndex: (status: string, createdAt: string, id: string) => ({ GSI1PK: `EXCHANGES#${status}`, GSI1SK: `${createdAt}#${id}` }),
  exchangesIn: (status: string) => `EXCHANGES#${status}`,
  catalogPK: 'CATALOG#ITEMS',
  catalogItem: (id: string) => ({ PK: 'CATALOG#ITEMS', SK: `ITEM#${id}` }),
  catalogItemPrefix: 'ITEM#',

  idempotency: (caller: string, key: string) => ({ PK: `IDEM#${caller}#${key}`, SK: 'IDEM' }),
  rate: (scope: string, who: string, window: string) => ({ PK: `RATE#${scope}#${who}#${window}`, SK: 'RATE' }),
  /** Every rate counter's PK starts so (tests tell bookkeeping from data by it). */
  ratePrefix: 'RATE#',

  audit: (at: string, id: string) => ({ PK: `AUDIT#${at.slice(0, 7)}`, SK: `${at}#${id}` }),
  auditMonth: (month: string) => `AUDIT#${month}`,
  auditIndex: (targetId: string, at: string, id: string) => ({ GSI1PK: `AUDIT#TARGET#${targetId}`, GSI1SK: `${at}#${id}` }),
  auditByTarget: (targetId: string) => `AUDIT#TARGET#${targetId}`,
  auditFamilyIndex: (providerId: string, at: string, id: string) => ({ GSI3PK: `AUDIT#PROVIDER#${providerId}`, GSI3SK: `${at}#${id}` }),
  auditByProvider: (providerId: string) => `AUDIT#PROVIDER#${providerId}`,

  phoneChallenge: (phoneKey: string) => ({ PK: `PHONE#${phoneKey}`, SK: 'CHALLENGE' }),

  verification: (id: string) => ({ PK: `VERIFICATION#${id}`, SK: 'VERIFICATION' }),
  verificationIndex: (status: string, submittedAt: string, id: string) => ({ GSI1PK: `VERIFICATIONS#${status}`, GSI1SK: `${submittedAt}#${id}` }),
  verificationsIn: (status: string) => `VERIFICATIONS#${status}`,
  /** The one pending or approved application a phone may have (phoneKey: keyed hash of the number). */
  verificationPhone: (phoneKey: string) => ({ PK: `VPHONE#${phoneKey}`, SK: 'CLAIM' }),

  impactDay: (date: string, providerId: string) => ({ PK: `IMPACT#DAY#${date}`, SK: `P#${providerId}` }),
  impactDayPK: (date: string) => `IMPACT#DAY#${date}`,
  impactProvider: (period: 'month' | 'quarter' | 'year', key: string, providerId: string) => ({ PK: impactPeriodPK(period, key), SK: `P#${providerId}` }),
  impactProviderPK: (period: 'month' | 'quarter' | 'year', key: string) => impactPeriodPK(period, key),
  /** A day's provider items whose ids lie from `from` to `to` (inclusive; null: open-ended). */
  // ('P$' sorts right after every 'P#…'.)
  impactDayRange: (from: string | null, to: string | null) => ({ from: from === null ? 'P#' : `P#${from}`, to: to === null ? 'P$' : `P#${to}` }),
  /** Packs: a head naming its parts, each part a run of rows of one sub-district (see store/impact-packs.ts). */
  impactPackPK: (period: 'month' | 'quarter' | 'year', key: string) => `IMPACT#PACK#${impactPeriodPK(period, key).slice('IMPACT#'.length)}`,
  impactAreaPackPK: (year: string) => `IMPACT#PACK#AREA#${year}`,
  impactPackHead: (pk: string) => ({ PK: pk, SK: 'HEAD' }),
  impactPackPart: (pk: string, district: string, n: number) => ({ PK: pk, SK: `D#${district}#${String(n).padStart(3, '0')}` }),
  impactPackHeadSK: 'HEAD',
  impactArea: (year: string, sk: string) => ({ PK: `IMPACT#AREA#${year}`, SK: sk }),
  impactAreaPK: (year: string) => `IMPACT#AREA#${year}`,
  /** Sort keys inside an area partition: all districts' day, a district's day, a district's month. */
  areaTotal: (date: string) => `TOTAL#${date}`,
  areaDistrictDay: (date: string, district: string) => `DAY#${date}#${district}`,
  areaDistrictMonth: (month: string, district: string) => `MONTH#${month}#${district}`,
  areaDayPrefix: 'DAY#',
  areaMonthPrefix: 'MONTH#',
  rollUpState: () => ({ PK: 'IMPACT#ROLLUP', SK: 'STATE' }),

  leaderboardsPK: (period: string) => `LEADERBOARDS#${period}`,
  leaderboardHeader: (period: string, key: string, version: number) => ({ PK: `LEADERBOARDS#${period}`, SK: `${key}#V${String(version).padStart(6, '0')}` }),
  leaderboardVersionsOf: (key: string) => `${key}#V`,
  leaderboardPart: (period: string, key: string, version: number, part: number) => ({
    PK: `LEADERBOARD#${period}#${key}#V${String(version).padStart(6, '0')}`,
    SK: `PART#${String(part).padStart(3, '0')}`,
  }),
  leaderboardPartsPK: (period: string, key: string, version: number) => `LEADERBOARD#${period}#${key}#V${String(version).padStart(6, '0')}`,

  thanks: (id: string) => ({ PK: `THANKS#${id}`, SK: 'THANKS' }),
  thanksIndex: (providerId: string, at: string, id: string) => ({ GSI1PK: `THANKS#${providerId}`, GSI1SK: `${at}#${id}` }),
  thanksOf: (providerId: string) => `THANKS#${providerId}`,
  likes: (providerId: string) => ({ PK: 'LIKES', SK: `P#${providerId}` }),
  likesPK: () => 'LIKES',
  safetyReport: (id: string) => ({ PK: `SAFETY#${id}`, SK: 'SAFETY' }),
  safetyIndex: (status: string, at: string, id: string) => ({ GSI1PK: `SAFETY#${status}`, GSI1SK: `${at}#${id}` }),
  safetyReportsIn: (status: string) => `SAFETY#${status}`,
  approval: (id: string) => ({ PK: `APPROVAL#${id}`, SK: 'APPROVAL' }),
  approvalIndex: (status: string, at: string, id: string) => ({ GSI1PK: `APPROVALS#${status}`, GSI1SK: `${at}#${id}` }),
  approvalsIn: (status: string) => `APPROVALS#${status}`,
} as const;

function impactPeriodPK(period: 'month' | 'quarter' | 'year', key: string): string {
  return `IMPACT#${period === 'month' ? 'M' : period === 'quarter' ? 'Q' : 'Y'}#${key}`;
}
