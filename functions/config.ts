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
  points: {
    // A meal's credit is held this long before it can be spent (rounded up to the hour).
    holdDays: 7,
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
  },
  badges: {
    loving: { name: '爱心企业', meals: 100 },
    gold: { name: '金牌爱心企业', meals: 500 },
  },
};

export type Config = typeof config;
