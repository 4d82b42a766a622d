import { DomainError } from '../domain/errors.js';
import type { Ctx } from './context.js';

/** Fixed windows of `seconds`; the window index names the counter item. */
function window(now: Date, seconds: number) {
  const epoch = Math.floor(now.getTime() / 1000);
  const index = Math.floor(epoch / seconds);
  const end = (index + 1) * seconds;
  return { name: `${seconds}s:${index}`, expiresAt: end, retryAfter: Math.max(1, end - epoch) };
}

const limited = (retryAfter: number) => new DomainError('RATE_LIMITED', 'too many requests; please wait a moment', undefined, retryAfter);

/**
 * A rate counter to commit inside the transaction that does the work (one round trip): the work
 * is refused with RATE_LIMITED when the window is full. Counts what reached the transaction.
 */
export function rateIntent(ctx: Ctx, scope: string, who: string, limit: number, seconds: number) {
  const w = window(ctx.now, seconds);
  return { intent: { scope, who, window: w.name, limit, expiresAt: w.expiresAt }, refused: () => limited(w.retryAfter) };
}

/** Counts one attempt; RATE_LIMITED (with Retry-After) once `limit` attempts fill the window. */
export async function takeRate(ctx: Ctx, scope: string, who: string, limit: number, seconds: number): Promise<void> {
  const w = window(ctx.now, seconds);
  if (!(await ctx.deps.store.rateLimits.take(scope, who, w.name, limit, w.expiresAt))) {
    throw limited(w.retryAfter);
  }
}

/** A counter of failures checked before acting (e.g. wrong voucher codes per staff member). */
export function failureCounter(ctx: Ctx, scope: string, who: string, limit: number, seconds: number) {
  const w = window(ctx.now, seconds);
  return {
    async assertBelowLimit() {
      if ((await ctx.deps.store.rateLimits.count(scope, who, w.name)) >= limit) {
        throw new DomainError('RATE_LIMITED', 'too many wrong codes; wait before trying again', undefined, w.retryAfter);
      }
    },
    record: () => ctx.deps.store.rateLimits.add(scope, who, w.name, w.expiresAt),
  };
}
