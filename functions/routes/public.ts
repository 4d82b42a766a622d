import * as catalog from '../app/catalog.js';
import * as impact from '../app/impact.js';
import * as leaderboards from '../app/leaderboards.js';
import { routeTable, type Handlers } from './table.js';

/** Listings anyone may read: no session, no key. */
export const publicHandlers = {
  listDistricts: (ctx) => catalog.listDistricts(ctx),
  listProviders: (ctx, { query }) => catalog.listProviders(ctx, query),
  getProvider: (ctx, { params }) => catalog.getProvider(ctx, params),
  publicStats: (ctx) => impact.publicStats(ctx),
  latestLeaderboard: (ctx, { query }) => leaderboards.latestLeaderboard(ctx, query),
  getLeaderboard: (ctx, { params, query }) => leaderboards.getLeaderboard(ctx, params, query),
} satisfies Handlers;

export const publicRoutes = routeTable('public', publicHandlers);
