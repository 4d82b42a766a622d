import * as catalog from '../app/catalog.js';
import { routeTable, type Handlers } from './table.js';

/** Listings anyone may read: no session, no key. */
export const publicHandlers = {
  listDistricts: (ctx) => catalog.listDistricts(ctx),
  listProviders: (ctx, { query }) => catalog.listProviders(ctx, query),
  getProvider: (ctx, { params }) => catalog.getProvider(ctx, params),
} satisfies Handlers;

export const publicRoutes = routeTable('public', publicHandlers);
