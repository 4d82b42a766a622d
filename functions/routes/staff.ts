import * as exchanges from '../app/staff/exchanges.js';
import * as points from '../app/staff/points.js';
import * as counter from '../app/staff/counter.js';
import * as thanks from '../app/staff/thanks.js';
import { routeTable, type Handlers } from './table.js';

/** The counter: staff of one provider, their own provider only. */
export const staffHandlers = {
  redeem: (ctx, { body }) => counter.redeem(ctx, body),
  staffWalkIn: (ctx, { body }) => counter.staffWalkIn(ctx, body),
  staffToday: (ctx) => counter.today(ctx),
  staffPoints: (ctx, { query }) => points.staffPoints(ctx, query),
  staffPoster: (ctx) => counter.poster(ctx),
  rotatePoster: (ctx) => counter.rotatePoster(ctx),
  voucherKey: (ctx) => counter.voucherKey(ctx),
  staffThanks: (ctx, { query }) => thanks.staffThanks(ctx, query),
  listCatalog: (ctx) => exchanges.listCatalog(ctx),
  createExchange: (ctx, { body }) => exchanges.createExchange(ctx, body),
  staffExchanges: (ctx, { query }) => exchanges.staffExchanges(ctx, query),
} satisfies Handlers;

export const staffRoutes = routeTable('staff', staffHandlers);
