/**
 * Every limit, window and duration M餐 runs by, in one place.
 * Code reads these through the `config` object handed to it; tests may pass a modified copy.
 */
export const config = {
  timeZone: 'Asia/Shanghai',
  http: {
    maxBodyBytes: 64 * 1024,
  },
  sessions: {
    recipientTtlSeconds: 30 * 24 * 3600,
    staffTtlSeconds: 12 * 3600,
    adminTtlSeconds: 8 * 3600,
  },
  passwords: {
    minLength: 8,
    // scrypt cost: N=2^15 keeps a sign-in under ~100 ms on one core while resisting offline guessing.
    scryptN: 32768,
    scryptR: 8,
    scryptP: 1,
    keyLength: 32,
  },
  claims: {
    freeClaims: 3,
    maxLiveBookings: 1,
    perDay: 1,
    verifiedPerMonth: 20,
    verificationValidDays: 90,
    personalDataRetentionDays: 180,
  },
  noShows: {
    threshold: 3,
    withinDays: 30,
    suspensionDays: 7,
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
    failedRedemptionsPerHour: 10,
  },
  idempotency: {
    ttlHours: 24,
  },
  contention: {
    // Bounded, jittered retries when DynamoDB cancels a transaction for contention or throttling.
    maxAttempts: 8,
    // Booking transactions in flight per slot from one process (see app/slot-gate.ts).
    perSlotInFlight: 4,
    baseDelayMs: 5,
    maxDelayMs: 250,
  },
  cache: {
    // A contract change takes effect within this many ms; quota is guarded by the transaction, not the cache.
    catalogTtlMs: 5_000,
    // A slot seen sold out is refused without a round trip for this long (a hint; see catalog-cache.ts).
    soldOutHintMs: 1_000,
    // The public listing is assembled at most this often per query and process (listing-cache.ts);
    // the edge caches it as long (Cache-Control max-age, see the listProviders endpoint).
    listingTtlMs: 1_000,
    listingMaxEntries: 256,
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
    loving: { name: '爱心企业', meals: 100 },
    gold: { name: '金牌爱心企业', meals: 500 },
  },
};

export type Config = typeof config;
