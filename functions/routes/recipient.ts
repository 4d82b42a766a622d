import * as bookings from '../app/bookings.js';
import * as sessions from '../app/sessions.js';
import { routeTable, type Handlers } from './table.js';

/** A signed-in recipient's own account and bookings. */
export const recipientHandlers = {
  getMe: (ctx) => sessions.getMe(ctx),
  createBooking: (ctx, { body }) => bookings.createBooking(ctx, body),
  listBookings: (ctx) => bookings.listBookings(ctx),
  getBooking: (ctx, { params }) => bookings.getBooking(ctx, params),
  cancelBooking: (ctx, { params }) => bookings.cancelBooking(ctx, params),
  createWalkIn: (ctx, { body }) => bookings.createWalkIn(ctx, body),
} satisfies Handlers;

export const recipientRoutes = routeTable('recipient', recipientHandlers);
