import { DomainError } from '../domain/errors.js';
import type { Ctx } from './context.js';

/** Fixed windows of `seconds`; the window index names the counter item. */
function window(now: Date, seconds: number) {
  const epoch = Math.floor(now.getTime() / 1000);
  const index = Math.floor(epoch / seconds);
  const end = (index + 1) * seconds;
  return { name: `${seconds}s:${index}`, expiresAt: end, retryAfter: Math.max(1, end - epoch) };
}

/**
 * RATE_LIMITED with Retry-After, and the same wait in `details` (seconds and the instant) so a
 * client can show a countdown without parsing headers.
 */
export function limited(ctx: Ctx, retryAfter: number, message = 'too many requests; please wait a moment', extra: Record<string, unknown> = {}) {
  const retryAt = new Date(Math.ceil(ctx.now.getTime() / 1000) * 1000 + retryAfter * 1000).toISOString();
  return new DomainError('RATE_LIMITED', message, { retryAfterSeconds: retryAfter, retryAt, ...extra }, retryAfter);
}

/**
 * A rate counter to commit inside the transaction that does the work (one round trip): the work
 * is refused with RATE_LIMITED when the window is full. Counts what reached the transaction.
 */
export function rateIntent(ctx: Ctx, scope: string, who: string, limit: number, seconds: number) {
  const w = window(ctx.now, seconds);
  return { intent: { scope, who, window: w.name, limit, expiresAt: w.expiresAt }, refused: () => limited(ctx, w.retryAfter) };
}

/** Counts one attempt; RATE_LIMITED (with Retry-After) once `limit` attempts fill the window. */
export async function takeRate(ctx: Ctx, scope: string, who: string, limit: number, seconds: number): Promise<void> {
  const w = window(ctx.now, seconds);
  if (!(await ctx.deps.store.rateLimits.take(scope, who, w.name, limit, w.expiresAt))) {
    throw limited(ctx, w.retryAfter);
  }
}

export interface Allowance {
  scope: string;
  who: string;
  limit: number;
  seconds: number;
}

export interface Reservation {
  /** Hands the attempt back: it turned out not to be a failure (a right password, a genuine code). */
  release(): Promise<void>;
}

/**
 * Reserves one attempt in each counter, in order, before the attempt is checked: each counter
 * takes it only while `n < limit` (the write's condition), and a refusal hands back what the
 * earlier counters took. However many attempts arrive together, at most `limit` per counter and
 * window are ever checked. Single-item writes, not a transaction: a flood on one counter then
 * contends on that item alone. Refused: RATE_LIMITED with that counter's wait.
 */
export async function reserve(ctx: Ctx, allowances: Allowance[], message: string): Promise<Reservation> {
  const { rateLimits } = ctx.deps.store;
  const taken: { scope: string; who: string; window: string }[] = [];
  const release = () => rateLimits.release(taken);
  for (const a of allowances) {
    const w = window(ctx.now, a.seconds);
    if (!(await rateLimits.take(a.scope, a.who, w.name, a.limit, w.expiresAt))) {
      await release();
      throw limited(ctx, w.retryAfter, message, { limit: a.scope });
    }
    taken.push({ scope: a.scope, who: a.who, window: w.name });
  }
  return { release };
}
