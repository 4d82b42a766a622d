import * as impact from '../app/impact/stats.js';
import * as integrity from '../app/impact/integrity.js';
import * as leaderboards from '../app/impact/leaderboards.js';
import * as thanks from '../app/admin/thanks.js';
import type { Handlers } from './table.js';

/** The admins' impact desk: the dashboard and its export, leaderboards, notes and safety reports (served by the admin function). */
export const adminImpactHandlers = {
  adminStats: (ctx, { query }) => impact.adminStats(ctx, query),
  adminStatsCsv: (ctx, { query }) => impact.adminStatsCsv(ctx, query),
  previewLeaderboard: (ctx, { query }) => leaderboards.previewLeaderboard(ctx, query),
  publishLeaderboard: (ctx, { body }) => leaderboards.publishLeaderboard(ctx, body),
  adminListLeaderboards: (ctx, { query }) => leaderboards.listLeaderboards(ctx, query),
  withdrawLeaderboard: (ctx, { params, body }) => leaderboards.withdrawLeaderboard(ctx, params, body),
  adminThanks: (ctx, { query }) => thanks.adminThanks(ctx, query),
  hideThanks: (ctx, { params }) => thanks.hideThanks(ctx, params),
  adminSafetyReports: (ctx, { query }) => thanks.adminSafetyReports(ctx, query),
  closeSafetyReport: (ctx, { params, body }) => thanks.closeSafetyReport(ctx, params, body),
  adminIntegrity: (ctx, { query }) => integrity.adminIntegrity(ctx, query),
  clearIntegrity: (ctx, { params, body }) => integrity.clearIntegrity(ctx, params, body),
} satisfies Handlers;
