import * as z from 'zod';
import { DateString, Decider, Id, pagedList, PageQuery, Text } from './common.js';
import { IntegrityFlag } from './integrity.js';

// ---- impact ----

const Count = z.number().int().min(0);

export const ImpactFigures = z.object({
  meals: Count,
  blindBoxes: Count,
  walkIns: Count,
  personTimes: Count,
  valueFen: Count,
});
export type ImpactFigures = z.infer<typeof ImpactFigures>;

export const PublicStats = z.object({
  asOf: z.string(),
  totals: ImpactFigures.extend({ recipients: Count, providers: Count, districts: Count }),
  byDistrict: z.array(z.object({ district: Id, name: z.string(), personTimes: Count, valueFen: Count })),
});
export type PublicStats = z.infer<typeof PublicStats>;

export const StatsBy = z.enum(['day', 'month', 'district', 'provider']);
export type StatsBy = z.infer<typeof StatsBy>;

/** The widest range `GET /v1/admin/stats` answers, in days counting both ends (three years): the desk checks it before asking. */
export const STATS_MAX_RANGE_DAYS = 3 * 366;

const statsFields = {
  /** Default: the first day of the current month. */
  from: DateString.optional(),
  /** Default: today. */
  to: DateString.optional(),
  by: StatsBy.default('day'),
};
export const StatsQuery = z.strictObject(statsFields);
export type StatsQuery = z.infer<typeof StatsQuery>;

/** The CSV export: the same figures, headed in Chinese (default) or English. */
export const StatsCsvQuery = z.strictObject({ ...statsFields, lang: z.enum(['zh-CN', 'en']).default('zh-CN') });
export type StatsCsvQuery = z.infer<typeof StatsCsvQuery>;

export const StatsRow = ImpactFigures.extend({ key: z.string(), label: z.string() });
export type StatsRow = z.infer<typeof StatsRow>;

export const AdminStats = z.object({
  from: DateString,
  to: DateString,
  by: StatsBy,
  rows: z.array(StatsRow),
  totals: ImpactFigures.extend({
    recipients: Count,
    /**
     * True: `recipients` is the exact number of distinct people served (one day; from a month's,
     * quarter's or year's first day to a day within it; everything up to `to`). False: any other
     * range, cut at those periods' first days, with each piece's distinct people added up — an upper
     * bound, since a person served in two pieces counts twice.
     */
    recipientsExact: z.boolean(),
    /** Sub-districts with any figures in the range. */
    districts: Count,
  }),
});
export type AdminStats = z.infer<typeof AdminStats>;

/** The CSV export: the same rows as text (the adapter sends it as text/csv). */
export const StatsCsv = z.string();

// ---- leaderboards ----

export const Period = z.enum(['month', 'quarter', 'year']);
export type Period = z.infer<typeof Period>;

export const Badge = z.enum(['caring', 'gold']).nullable();

export const LeaderboardEntry = z.object({
  rank: z.number().int().min(1),
  providerId: Id,
  name: z.string(),
  district: Id,
  meals: Count,
  valueFen: Count,
  badge: Badge,
  likes: Count,
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>;

/** A period in the years DateString allows. */
const PeriodKey = z.string().regex(/^20\d{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'a month (2026-11), quarter (2026-Q4) or year (2026), from 2000 to 2099');

/** A key that names a period of the stated type. */
const periodMatches = (p: { period: Period; key: string }) =>
  p.period === 'month' ? /^\d{4}-\d{2}$/.test(p.key) : p.period === 'quarter' ? /^\d{4}-Q\d$/.test(p.key) : /^\d{4}$/.test(p.key);
const keyMismatch = { message: 'the key must name a period of that type: month 2026-11, quarter 2026-Q4, year 2026', path: ['key'] };

export const LeaderboardPreviewQuery = z.strictObject({ period: Period, key: PeriodKey }).refine(periodMatches, keyMismatch);
export const PublishLeaderboardBody = z.strictObject({ period: Period, key: PeriodKey }).refine(periodMatches, keyMismatch);
export type PublishLeaderboardBody = z.infer<typeof PublishLeaderboardBody>;

/**
 * A preview entry: the published entry, plus what the admins must see before publishing it — a
 * provider flagged by the integrity review and not cleared yet (`integrity`, null otherwise).
 * Published and public entries never carry it.
 */
export const LeaderboardPreviewEntry = LeaderboardEntry.extend({
  integrity: z.object({ flags: z.array(IntegrityFlag), flaggedAt: z.string() }).nullable(),
});
export type LeaderboardPreviewEntry = z.infer<typeof LeaderboardPreviewEntry>;

export const LeaderboardPreview = z.object({ period: Period, key: z.string(), entries: z.array(LeaderboardPreviewEntry) });
export type LeaderboardPreview = z.infer<typeof LeaderboardPreview>;

export const PublishedLeaderboard = z.object({
  period: Period,
  key: z.string(),
  version: z.number().int().min(1),
  publishedAt: z.string(),
  entries: z.array(LeaderboardEntry),
});
export type PublishedLeaderboard = z.infer<typeof PublishedLeaderboard>;
export const PublishedLeaderboardResponse = z.object({ leaderboard: PublishedLeaderboard });

export const LatestLeaderboardQuery = z.strictObject({ period: Period });
export const LeaderboardParams = z.strictObject({ period: Period, key: PeriodKey }).refine(periodMatches, keyMismatch);
export const LeaderboardVersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).max(1_000_000).optional() });

/** `GET /v1/admin/leaderboards`: every published version of one period type, newest period and version first. */
export const AdminLeaderboardsQuery = z.strictObject({ period: Period, ...PageQuery });
export type AdminLeaderboardsQuery = z.infer<typeof AdminLeaderboardsQuery>;

/** Why and when a published version was taken off the public board, and by whom. */
export const Withdrawal = z.object({ at: z.string(), reason: z.string(), by: Decider });
export type Withdrawal = z.infer<typeof Withdrawal>;

/**
 * A published version without its entries (open it with `GET /v1/leaderboards/{period}/{key}?version=`
 * while it is not withdrawn). `withdrawn` is null while the public may see it.
 */
export const LeaderboardVersion = z.object({ period: Period, key: z.string(), version: z.number().int().min(1), publishedAt: z.string(), withdrawn: Withdrawal.nullable() });
export type LeaderboardVersion = z.infer<typeof LeaderboardVersion>;
export const LeaderboardVersionList = pagedList('versions', LeaderboardVersion);
export type LeaderboardVersionList = z.infer<typeof LeaderboardVersionList>;

export const WithdrawLeaderboardParams = z
  .strictObject({ period: Period, key: PeriodKey, version: z.coerce.number().int().min(1).max(1_000_000) })
  .refine(periodMatches, keyMismatch);
export const WithdrawLeaderboardBody = z.strictObject({ reason: Text(500, 2) });
export type WithdrawLeaderboardBody = z.infer<typeof WithdrawLeaderboardBody>;
export const WithdrawnLeaderboardResponse = z.object({ leaderboard: LeaderboardVersion });
