import { DomainError } from '../domain/errors.js';
import type { Ctx } from './context.js';

/** Fixed windows of `seconds`; the window index names the counter item. */
function window(now: Date, seconds: number) {
  const epoch = Math.floor(now.getTime() / 1000);
  const index = Math.floor(epoch / seconds);
  const end = (index + 1) * seconds;
  return { name: `${seconds}s:${index}`, expiresAt: end, retryAfter: Math.max(1, end - epoch) };
}

/** Counts one attempt; RATE_LIMITED (with Retry-After) once `limit` attempts fill the window. */
export async function takeRate(ctx: Ctx, scope: string, who: string, limit: number, seconds: number): Promise<void> {
  const w = window(ctx.now, seconds);
  if (!(await ctx.deps.store.rateLimits.take(scope, who, w.name, limit, w.expiresAt))) {
    throw new DomainError('RATE_LIMITED', 'too many requests; please wait a moment', undefined, w.retryAfter);
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
