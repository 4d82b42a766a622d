import * as bookings from '../app/recipient/bookings.js';
import * as sessions from '../app/signin/sessions.js';
import * as thanks from '../app/recipient/thanks.js';
import { routeTable, type Handlers } from './table.js';

/** A signed-in recipient's own account and bookings. */
export const recipientHandlers = {
  getMe: (ctx) => sessions.getMe(ctx),
  createBooking: (ctx, { body }) => bookings.createBooking(ctx, body),
  listBookings: (ctx) => bookings.listBookings(ctx),
  getBooking: (ctx, { params }) => bookings.getBooking(ctx, params),
  cancelBooking: (ctx, { params }) => bookings.cancelBooking(ctx, params),
  createWalkIn: (ctx, { body }) => bookings.createWalkIn(ctx, body),
  previewWalkIn: (ctx, { query }) => bookings.previewWalkIn(ctx, query),
  thankProvider: (ctx, { params, body }) => thanks.thankProvider(ctx, params, body),
  reportSafety: (ctx, { body }) => thanks.reportSafety(ctx, body),
} satisfies Handlers;

export const recipientRoutes = routeTable('recipient', recipientHandlers);
