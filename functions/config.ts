/**
 * Every limit, window and duration the server runs by, in one place.
 * Code reads these through the `config` object handed to it; tests may pass a modified copy.
 * What a request may carry (text lengths, a password's fewest characters) is part of its schema
 * in functions/contract/, which the mini-program shares; tests/unit/config-keys.test.ts fails on a
 * key here that nothing reads.
 */
export const config = {
  timeZone: 'Asia/Shanghai',
  http: {
    maxBodyBytes: 64 * 1024,
  },
  identity: {
    // Random device keys cost nothing to mint, so they are for local mode and demos only: off
    // here (and so on AWS); the local server turns them on unless started with --no-device-keys.
    deviceKeys: false,
  },
  phone: {
    // One-time SMS codes that confirm a phone number (a browser recipient's identity on AWS).
    codeDigits: 6,
    codeTtlSeconds: 300,
    // Wrong codes per challenge before it is burnt; each attempt is reserved atomically.
    attemptsPerCode: 5,
    challengesPerPhonePerHour: 5,
  },
  clients: {
    // Per calling address (what API Gateway reports as the source IP). Device keys are free to
    // mint, so new device identities are limited per address; so are SMS codes, which cost money.
    newDevicesPerMinute: 10,
    phoneChallengesPerHour: 20,
    // Failed staff and admin sign-ins from one address by devices the server does not know (see
    // `signIn`), reserved before any password hashing: a burst window and an hour, so guessing
    // from one place slows to 30 an hour and then stops. Counted per address, not per account, so
    // nobody can lock an account by naming it. Above one person's typos: a restaurant's wifi or a
    // carrier's NAT carries several people's first sign-ins on new phones.
    signInFailuresPerMinute: 10,
    signInFailuresPerHour: 30,
  },
  sessions: {
    recipientTtlSeconds: 30 * 24 * 3600,
    staffTtlSeconds: 12 * 3600,
    adminTtlSeconds: 8 * 3600,
  },
  passwords: {
    // scrypt cost: N=2^15 keeps a sign-in under ~100 ms on one core while resisting offline guessing.
    scryptN: 32768,
    scryptR: 8,
    scryptP: 1,
    keyLength: 32,
    // Sign-in checks (scrypt included) at once per process, and how many may wait; beyond that
    // 503 BUSY at once. Two cores: two running keep a sign-in near 0.1 s; eight waiting add at
    // most ~0.4 s. On Lambda each instance checks one at a time anyway.
    maxConcurrentHashes: 2,
    maxWaitingHashes: 8,
    // Held back for known devices (below): one more check at once and a queue of their own,
    // served first. Made-up usernames cannot use either, so a flood of them answers BUSY to
    // itself, never to staff at the start of a shift; a known device waits for at most one
    // check to finish. Sixteen waiting: a lunch shift's staff signing in together.
    knownDeviceHashes: 1,
    knownDeviceWaitingHashes: 16,
  },
  office: {
    // Owners and clerks must turn on two-step sign-in before they can act (their routes answer
    // 403 TOTP_REQUIRED until then). On in the CDK stack; off in local mode unless --require-totp.
    requireTotp: false,
    // A points adjustment or reversal above this many points waits for a second administrator.
    fourEyesAbovePoints: 1_000,
    // A code from one 30-second step either side of the server's is accepted: a phone's clock a
    // little off, or a code typed as it turned over. Each step signs in once (replay is refused).
    totpDriftSteps: 1,
    // Recovery codes given when two-step sign-in is turned on, each good for one sign-in.
    recoveryCodes: 10,
  },
  signIn: {
    // A known device (one that signed in to this account before and kept the credential it was
    // given) is not counted against its address: only its own wrong passwords count, reserved
    // before hashing. One person's typos: a burst window, and an hour that slows a stolen
    // device credential (useless without the password) to 20 guesses.
    deviceFailuresPerMinute: 5,
    deviceFailuresPerHour: 20,
  },
  claims: {
    freeClaims: 3,
    // One live booking at a time is not a setting: the recipient item has a single liveBooking
    // field, which the booking transaction requires to be absent (store/bookings.ts).
    perDay: 1,
    verifiedPerMonth: 20,
    verificationValidDays: 90,
    personalDataRetentionDays: 180,
  },
  verification: {
    // Applications a recipient may file in a fixed 30-day window (refusals do not count).
    applicationsPer30Days: 3,
    // A pending application no admin decided within this many days is deleted (personal data
    // included) by the daily purge; its phone is free again and the recipient may reapply.
    pendingMaxDays: 30,
  },
  noShows: {
    threshold: 3,
    withinDays: 30,
    suspensionDays: 7,
    // Cancelling from this many minutes before a window opens (0: from its start) gives the meal
    // back but counts as a no-show and keeps the claim used: holding a meal all day costs something.
    lateCancelLeadMinutes: 0,
  },
  redemption: {
    graceMinutes: 15,
  },
  documents: {
    warnDaysAhead: 30,
  },
  rateLimits: {
    bookingsPerMinute: 5,
    sessionsPerMinute: 20,
    // Wrong 8-digit codes, each counted before it is answered (a full counter refuses right codes
    // too): per staff member and per provider (all its staff together). The odds behind these
    // numbers are in docs/api.md.
    failedRedemptionsPerHour: 10,
    failedRedemptionsPerProviderPerHour: 30,
  },
  audit: {
    // The audit log's default range when an admin names no `from`.
    defaultDays: 90,
    // The widest range one request reads (a year, leap day included); older entries are paged by range.
    maxRangeDays: 366,
    // The most entries one CSV export holds; a wider one is refused (narrow the range instead).
    csvMaxRows: 20_000,
  },
  points: {
    // A meal's credit is held this long before it can be spent (rounded up to the hour).
    holdDays: 7,
  },
  exchanges: {
    // Units of one item in one order; a bigger need is several orders (each one reviewed).
    maxQuantity: 50,
  },
  idempotency: {
    ttlHours: 24,
  },
  contention: {
    // Bounded, jittered retries when DynamoDB cancels a transaction for contention or throttling.
    maxAttempts: 8,
    // Booking transactions in flight per slot from one process (see support/slot-gate.ts).
    perSlotInFlight: 4,
    baseDelayMs: 5,
    maxDelayMs: 250,
  },
  cache: {
    // A contract change takes effect within this many ms; quota is guarded by the transaction, not the cache.
    listingTtlMs: 5_000,
    // Listing entries (providers, offering owners, district lists) one process keeps: every
    // provider of a province fits; random ids sent by a client evict the oldest instead of growing it.
    listingMaxEntries: 20_000,
    // Impact caches (public figures, live days, rolled periods) per process: above the widest
    // admin range in days (STATS_MAX_RANGE_DAYS in contract/impact.ts), so one request never
    // evicts its own days.
    figuresMaxEntries: 5_000,
    // A disabled staff account's tokens stop working within this many ms in every process.
    sessionTtlMs: 3_000,
    // A slot seen sold out is refused without a round trip for this long (a hint; see support/listing.ts).
    soldOutHintMs: 1_000,
    // The public listing is assembled at most this often per query and process (support/listing-cache.ts);
    // the edge caches it as long (Cache-Control max-age, see the listProviders endpoint).
    listingPagesTtlMs: 1_000,
    listingPagesMaxEntries: 256,
  },
  /**
   * API Gateway throttles per function group on AWS, requests per second and burst, applied to
   * each of the group's routes. Sized for a province at lunch in docs/capacity.md; routes the
   * table does not list fall back to the stage default (100/200).
   */
  throttles: {
    public: { rateLimit: 1500, burstLimit: 3000 },
    signin: { rateLimit: 50, burstLimit: 100 },
    recipient: { rateLimit: 300, burstLimit: 600 },
    staff: { rateLimit: 100, burstLimit: 200 },
    admin: { rateLimit: 10, burstLimit: 20 },
    verification: { rateLimit: 10, burstLimit: 20 },
  },
  badges: {
    caring: { name: '爱心企业', meals: 100 },
    gold: { name: '金牌爱心企业', meals: 500 },
  },
  impact: {
    // Public figures are read through an in-process cache this old at most.
    publicStatsTtlMs: 60_000,
    // Admin views read a day's raw provider items (today's) through a cache this old at most; a
    // process's own redemptions and handouts clear it, so only other processes' lag behind.
    liveDayTtlMs: 5_000,
    // Rolled-up provider items (thousands per period at province scale) are kept this long per
    // roll-up mark; they change only when the nightly roll-up moves the mark.
    rolledTtlMs: 60_000,
    // A day is rolled up this long after it ends, so a transaction in flight at midnight has landed.
    rollUpAfterMinutes: 15,
    // The roll-up's first run looks this far back for figures (later runs start where the last stopped).
    firstRunLookbackDays: 400,
    // Catching up (after downtime, or loading history) adds up to this many closed days of one
    // month to each rolled item in one update; day items of the span are held in memory meanwhile.
    rollUpSpanDays: 31,
    // The roll-up packs a period's rolled figures a sub-district to an item (see "Packed periods"
    // in docs/api.md): an item holds at most this many bytes of rows, under DynamoDB's 400 KB.
    packMaxBytes: 300_000,
    // A day's provider items (today's, thousands at province scale) are read as this many key
    // ranges in parallel, each of at least this many items (fewer ranges for fewer providers).
    dayReadSegments: 8,
    dayReadSegmentMinItems: 250,
    // Figures before this date lack the first-in-quarter and first-in-year counts (recorded since
    // issue 22): a deployment upgraded with older figures sets the first quarter's first day after
    // its upgrade, and distinct recipients of earlier quarters and years are then given as the
    // upper bound they are. Null: every figure has them (a fresh deployment, the demo history).
    periodFirstsSince: null as string | null,
  },
  demo: {
    // Local mode's demo history: this many days ending yesterday (functions/seed/history.ts).
    historyDays: 365,
  },
  integrity: {
    // A booking redeemed this soon after it was made is "quick": a recipient walking over from
    // the app takes longer; staff scanning meals they booked themselves do not. Poster bookings
    // count too (an honest walk-in is quick as well: the sub-district's normal absorbs that).
    quickRedemptionMinutes: 2,
    // GET /v1/admin/integrity: its default range (days ending today) and the widest it answers.
    defaultDays: 30,
    maxRangeDays: 92,
    // The daily review (jobs/review-integrity.ts) judges this many closed days ending yesterday,
    // and flags a provider — freezing its held points until an admin clears it — on any flag.
    reviewDays: 30,
    // A share is judged over at least this many redemptions in the range (a provider with fewer
    // is never flagged, and is nobody's peer).
    minRedemptions: 10,
    // A sub-district's normal is the median share of its other providers with enough
    // redemptions; with fewer than this many, the median of every other such provider; with
    // fewer still there is no normal, and only flags `judgedAlone` are raised (at their floor).
    minPeers: 3,
    // quota_days needs this many offering-days with redemptions before it says anything.
    minQuotaDays: 3,
    // A flag: the share is at least `floor`, and at least the normal plus `margin`. A new
    // programme's first weeks are all first-timers everywhere: the normal is high too, no flag.
    flags: {
      first_timers: { floor: 0.6, margin: 0.3, judgedAlone: true },
      quick_redemptions: { floor: 0.5, margin: 0.3, judgedAlone: true },
      poster_share: { floor: 0.5, margin: 0.3, judgedAlone: false },
      // Throwaway identities have three free claims each: used at one place, 2 of 3 are repeats
      // (0.667), so the floor stays below that; regulars of an honest place set the normal.
      repeat_recipients: { floor: 0.5, margin: 0.2, judgedAlone: false },
      // Offering-days redeemed to the last meal of their capacity, day after day: honest
      // counters lose a few to no-shows and late cancels.
      quota_days: { floor: 0.8, margin: 0.3, judgedAlone: false },
    },
  },
  thanks: {
    notesPerDay: 5,
    safetyReportsPerDay: 5,
  },
};

export type Config = typeof config;
