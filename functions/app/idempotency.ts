import { createHash } from 'node:crypto';
import { busy, invalid } from '../domain/errors.js';
import type { IdempotencyIntent } from '../store/idempotency.js';
import type { Ctx } from './context.js';

export interface Idempotency<T> {
  /** The first answer to this key, when there is one (a different request with the same key is refused). */
  prior(): Promise<T | null>;
  /** The record to write in the same transaction as the work (none without a key). */
  intent(response: T): IdempotencyIntent | undefined;
  /**
   * After the transaction was refused on its idempotency record: the same key committed meanwhile,
   * so its answer is this one's. BUSY when that record is already gone (expired) by the time we look.
   */
  replay(): Promise<T>;
}

/**
 * Our own conditional put rather than Powertools' idempotency utility: the record has to commit
 * in the same TransactWriteItems as the booking or redemption (one round trip, and no window in
 * which the work is done but the record not yet written), which Powertools' separate
 * "in progress → completed" writes cannot give.
 */
export function idempotency<T>(ctx: Ctx, scope: string, request: unknown): Idempotency<T> {
  const key = ctx.idempotencyKey;
  const caller = ctx.principal ? `${ctx.principal.role}:${ctx.principal.id}:${scope}` : `public:${scope}`;
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('base64url');
  const nowEpoch = Math.floor(ctx.now.getTime() / 1000);
  const { store, config } = ctx.deps;
  const prior = async (): Promise<T | null> => {
    if (!key) return null;
    const rec = await store.idempotency.get(caller, key, nowEpoch);
    if (!rec) return null;
    if (rec.requestHash !== requestHash) {
      invalid([{ in: 'header', field: 'Idempotency-Key', message: 'already used for a different request' }]);
    }
    return rec.response as T;
  };
  return {
    prior,
    async replay() {
      const answer = await prior();
      if (answer) return answer;
      throw busy();
    },
    intent(response) {
      if (!key) return undefined;
      return { caller, key, record: { requestHash, status: 200, response }, nowEpoch, ttlSeconds: config.idempotency.ttlHours * 3600 };
    },
  };
}
