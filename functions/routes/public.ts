import * as listing from '../app/public/listing.js';
import * as impact from '../app/impact/stats.js';
import * as leaderboards from '../app/impact/leaderboards.js';
import { routeTable, type Handlers } from './table.js';

/** Listings anyone may read: no session, no key. */
export const publicHandlers = {
  listDistricts: (ctx) => listing.listDistricts(ctx),
  listProviders: (ctx, { query }) => listing.listProviders(ctx, query),
  getProvider: (ctx, { params }) => listing.getProvider(ctx, params),
  publicStats: (ctx) => impact.publicStats(ctx),
  latestLeaderboard: (ctx, { query }) => leaderboards.latestLeaderboard(ctx, query),
  getLeaderboard: (ctx, { params, query }) => leaderboards.getLeaderboard(ctx, params, query),
} satisfies Handlers;

export const publicRoutes = routeTable('public', publicHandlers);
