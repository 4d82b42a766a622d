/**
 * The donor leaderboard: a live preview from the impact figures, immutable numbered versions once
 * published, and the public reads of them.
 */
import type { AdminLeaderboardsQuery, LeaderboardEntry, LeaderboardPreview, LeaderboardVersion, LeaderboardVersionList, Period, PublishedLeaderboard, PublishLeaderboardBody, WithdrawLeaderboardBody } from '../../contract/impact.js';
import { DomainError, fail, notFound, unexpected } from '../../domain/errors.js';
import { periodRange, redeemedBookings } from '../../domain/impact.js';
import { periodClosed, rankLeaderboard } from '../../domain/leaderboard.js';
import { localMoment } from '../../domain/time.js';
import { audited, decider } from '../audit.js';
import type { AdminCtx, Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import { providerFigures } from './figures.js';

/** The ranking as of `now`: nothing stored. */
export async function liveEntries(deps: Deps, period: Period, key: string, now: Date): Promise<LeaderboardEntry[]> {
  const range = periodRange(period, key);
  if (!range) return notFound('period');
  const today = localMoment(now, deps.config.timeZone).date;
  const [byProvider, likes] = await Promise.all([providerFigures(deps, range, today), deps.store.thanks.allLikes()]);
  const figures = [...byProvider.values()];
  return rankLeaderboard(
    figures.map((f) => ({
      providerId: f.providerId,
      name: f.name,
      district: f.district,
      joinedAt: f.joinedAt,
      meals: redeemedBookings(f.counts),
      valueFen: f.counts.bookedValueFen,
      likes: likes.get(f.providerId) ?? 0,
    })),
    deps.config.badges,
  );
}

/** The live ranking, each flagged and uncleared provider marked, so nobody publishes it unawares. */
export async function previewLeaderboard(ctx: AdminCtx, q: { period: Period; key: string }): Promise<LeaderboardPreview> {
  const [entries, held] = await Promise.all([liveEntries(ctx.deps, q.period, q.key, ctx.now), ctx.deps.store.integrity.flagged()]);
  const marks = new Map(held.map((h) => [h.providerId, { flags: h.flags, flaggedAt: h.flaggedAt }]));
  return { period: q.period, key: q.key, entries: entries.map((e) => ({ ...e, integrity: marks.get(e.providerId) ?? null })) };
}

const PUBLISH_ATTEMPTS = 5;

/**
 * Publish the live ranking as the next version. A version, once written, never changes: a second
 * publish of the same period makes version 2 beside it.
 */
export async function publishLeaderboard(ctx: AdminCtx, body: PublishLeaderboardBody): Promise<{ leaderboard: PublishedLeaderboard }> {
  const { deps } = ctx;
  const range = periodRange(body.period, body.key) ?? notFound('period');
  const { rolledThrough } = await deps.store.impact.rollUpState();
  if (!periodClosed(range.to, rolledThrough)) {
    fail('PERIOD_OPEN', `${body.key} can be published once its last day (${range.to}) is over and rolled up`, { lastDay: range.to, rolledThrough });
  }
  const entries = await liveEntries(deps, body.period, body.key, ctx.now);
  for (let attempt = 0; attempt < PUBLISH_ATTEMPTS; attempt++) {
    const version = (await deps.store.leaderboards.newestVersion(body.period, body.key)) + 1;
    const board: PublishedLeaderboard = { period: body.period, key: body.key, version, publishedAt: ctx.now.toISOString(), entries };
    const audit = audited(ctx, { type: 'leaderboard', id: `${body.period}:${body.key}:v${version}` }, null, { period: body.period, key: body.key, version, entries: entries.length });
    const out = await deps.store.leaderboards.publish(board, { audit });
    if (out.ok) {
      deps.figuresCache.clear();
      return { leaderboard: board };
    }
    // Another publish took this version number first: count on.
    if (out.part !== 'header') return unexpected('publish', out);
  }
  // Another admin kept publishing the same period in between: safe to retry.
  throw new DomainError('BUSY', 'another publish of this period is under way; please try again', undefined, 1);
}

/** Every published version of a period type, for the admins' list (entries are read one version at a time). */
export async function listLeaderboards(ctx: AdminCtx, q: AdminLeaderboardsQuery): Promise<LeaderboardVersionList> {
  const page = await ctx.deps.store.leaderboards.versions(q.period, { limit: q.limit, cursor: q.cursor });
  return { versions: page.items, next: page.next };
}

/**
 * Take a published version off the public board, with a reason (audited). The public falls back
 * to the newest version not withdrawn; this process's cache is cleared at once, others within
 * their figures cache's minute.
 */
export async function withdrawLeaderboard(
  ctx: AdminCtx,
  v: { period: Period; key: string; version: number },
  body: WithdrawLeaderboardBody,
): Promise<{ leaderboard: LeaderboardVersion }> {
  const { deps } = ctx;
  const withdrawn = { at: ctx.now.toISOString(), reason: body.reason, by: decider(ctx) };
  const id = `${v.period}:${v.key}:v${v.version}`;
  const out = await deps.store.leaderboards.withdraw(v.period, v.key, v.version, withdrawn, {
    audit: audited(ctx, { type: 'leaderboard', id }, { withdrawn: null }, { withdrawn }),
  });
  if (!out.ok) {
    if (out.part !== 'header') return unexpected('withdraw', out);
    if (!out.old) return notFound('leaderboard version');
    return fail('CONFLICT', `version ${v.version} of ${v.key} was withdrawn already`, { withdrawn: out.old.withdrawn });
  }
  deps.figuresCache.clear();
  const { parts: _parts, ...header } = (await deps.store.leaderboards.header(v.period, v.key, v.version))!;
  return { leaderboard: header };
}

export async function latestLeaderboard(ctx: Ctx, q: { period: Period }): Promise<PublishedLeaderboard> {
  const board = await ctx.deps.figuresCache.get(`latest:${q.period}`, () => ctx.deps.store.leaderboards.latest(q.period));
  return board ?? notFound(`published ${q.period} leaderboard`);
}

export async function getLeaderboard(ctx: Ctx, params: { period: Period; key: string }, q: { version?: number }): Promise<PublishedLeaderboard> {
  const board = await ctx.deps.store.leaderboards.get(params.period, params.key, q.version);
  return board ?? notFound('leaderboard version');
}
