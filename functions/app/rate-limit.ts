import { DomainError } from '../domain/errors.js';
import type { Full, SharedCounter } from '../store/rate-limits.js';
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
 * is refused with RATE_LIMITED when the window is full. The transaction counts the attempts that
 * commit; `countRefused` counts one that was refused (a refused transaction takes its count with
 * it), so refused attempts use up the window too, at the price of one write on refusals only.
 */
export function rateIntent(ctx: Ctx, scope: string, who: string, limit: number, seconds: number) {
  const w = window(ctx.now, seconds);
  return {
    intent: { scope, who, window: w.name, limit, expiresAt: w.expiresAt },
    refused: () => limited(ctx, w.retryAfter),
    // A full window stays full: whether this one was counted changes nothing the caller answers.
    countRefused: async (): Promise<void> => void (await ctx.deps.store.rateLimits.take(scope, who, w.name, limit, w.expiresAt)),
  };
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
  /**
   * Hands the attempt back: it turned out not to be a failure (a right password).
   * Never rejects: a hand-back that fails leaves one failure counted too many, which only errs
   * towards caution, so the work it follows need not wait for it or fail with it.
   */
  release(): Promise<void>;
}

/**
 * Reserves one attempt in every counter before the attempt is checked: each counter takes it only
 * while `n < limit` (the write's condition), and a refusal hands back what the other counters
 * took. However many attempts arrive together, at most `limit` per counter and window are ever
 * checked. The counters are taken at once (one round trip, not one per counter), as single-item
 * writes rather than a transaction: a flood on one counter then contends on that item alone.
 * Refused: RATE_LIMITED with the wait of the first refusing counter in the order given.
 */
export async function reserve(ctx: Ctx, allowances: Allowance[], message: string): Promise<Reservation> {
  const { rateLimits } = ctx.deps.store;
  const counters = allowances.map((a) => ({ a, w: window(ctx.now, a.seconds) }));
  const took = await Promise.all(counters.map(({ a, w }) => rateLimits.take(a.scope, a.who, w.name, a.limit, w.expiresAt)));
  const taken = counters.filter((_, i) => took[i]).map(({ a, w }) => ({ scope: a.scope, who: a.who, window: w.name }));
  const release = () => rateLimits.release(taken).catch(() => undefined);
  const refused = counters.find((_, i) => !took[i]);
  if (refused) {
    await release();
    throw limited(ctx, refused.w.retryAfter, message, { limit: refused.a.scope });
  }
  return { release };
}

/** A whole's allowance (a provider's) and each member's share of it (one of its staff's). */
export interface SharedAllowance extends Allowance {
  member: { scope: string; who: string; limit: number };
}

/**
 * A throttle on guesses, counted on one item for a whole and one member of it. Only a guess that
 * turns out wrong is counted (`wrong`: one conditional write, `n < limit` for both); a right one is
 * answered only while the counter has room (`room`, or `counter` checked inside the transaction the
 * guess leads to) and leaves it as it is. Whatever arrives together, at most `limit` wrong guesses
 * are answered per window, and none at all once it is full: hits and misses alike then get
 * RATE_LIMITED, naming the member's scope when their share is full, else the whole's.
 */
export interface GuessThrottle {
  counter: SharedCounter;
  wrong(): Promise<void>;
  room(): Promise<void>;
  /** The refusal for a full counter, as the transaction that checked it reports it. */
  full(which: Full): DomainError;
}

export function guessThrottle(ctx: Ctx, a: SharedAllowance, message: string): GuessThrottle {
  const { rateLimits } = ctx.deps.store;
  const w = window(ctx.now, a.seconds);
  const counter = { scope: a.scope, who: a.who, window: w.name, limit: a.limit, member: a.member.who, memberLimit: a.member.limit, expiresAt: w.expiresAt };
  const full = (which: Full) => limited(ctx, w.retryAfter, message, { limit: which === 'member' ? a.member.scope : a.scope });
  return {
    counter,
    full,
    async wrong() {
      const out = await rateLimits.takeShared(counter);
      if (out !== 'taken') throw full(out);
    },
    async room() {
      const out = await rateLimits.roomIn(counter);
      if (out !== 'room') throw full(out);
    },
  };
}
