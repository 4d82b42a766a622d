import * as points from '../app/points.js';
import * as counter from '../app/staff-counter.js';
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
} satisfies Handlers;

export const staffRoutes = routeTable('staff', staffHandlers);
