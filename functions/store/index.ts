import type { Config } from '../config.js';
import { accountStore } from './accounts.js';
import { approvalStore } from './approvals.js';
import { auditStore } from './audit.js';
import { bookingStore } from './bookings.js';
import { catalogStore } from './catalog.js';
import { exchangeStore } from './exchanges.js';
import type { TableRef } from './client.js';
import { districtStore } from './districts.js';
import { providerStore } from './providers.js';
import { recipientStore } from './recipients.js';
import { idempotencyStore } from './idempotency.js';
import { phoneChallengeStore } from './phone-challenges.js';
import { impactStore } from './impact.js';
import { integrityStore } from './integrity.js';
import { leaderboardStore } from './leaderboards.js';
import { thanksStore } from './thanks.js';
import { pointsStore } from './points.js';
import { rateLimitStore } from './rate-limits.js';
import { slotStore } from './slots.js';
import { verificationStore } from './verifications.js';

export function createStore(ref: TableRef, config: Config) {
  return {
    districts: districtStore(ref, config),
    providers: providerStore(ref, config),
    slots: slotStore(ref, config),
    accounts: accountStore(ref, config.contention),
    recipients: recipientStore(ref),
    bookings: bookingStore(ref, config),
    idempotency: idempotencyStore(ref),
    rateLimits: rateLimitStore(ref),
    points: pointsStore(ref, config),
    catalogItems: catalogStore(ref, config),
    exchanges: exchangeStore(ref, config),
    phoneChallenges: phoneChallengeStore(ref),
    verifications: verificationStore(ref, config),
    audit: auditStore(ref),
    impact: impactStore(ref),
    integrity: integrityStore(ref, config),
    leaderboards: leaderboardStore(ref, config),
    thanks: thanksStore(ref, config),
    approvals: approvalStore(ref, config),
  };
}

export type Store = ReturnType<typeof createStore>;
export type * from './records.js';
