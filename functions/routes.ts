import type { z } from 'zod';
import * as admin from './app/admin-setup.js';
import * as bookings from './app/bookings.js';
import * as catalog from './app/catalog.js';
import type { AdminCtx, Ctx, RecipientCtx, StaffCtx } from './app/context.js';
import * as phone from './app/phone-sessions.js';
import * as sessions from './app/sessions.js';
import * as counter from './app/staff-counter.js';
import * as verifications from './app/verifications.js';
import { endpoints, type Auth, type Endpoint, type EndpointName, type Endpoints } from './contract/endpoints.js';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type CtxFor<A extends Auth> = A extends 'recipient' ? RecipientCtx : A extends 'staff' ? StaffCtx : A extends 'admin' ? AdminCtx : Ctx;

export interface RouteInput<E extends Endpoint> {
  body: Parsed<E['body']>;
  query: Parsed<E['query']>;
  params: Parsed<E['params']>;
}

export type Handler<E extends Endpoint> = (ctx: CtxFor<E['auth']>, input: RouteInput<E>) => Promise<z.input<E['response']>>;

/** The use case behind each endpoint of the contract. A missing one is a type error. */
const handlers: { [K in EndpointName]: Handler<Endpoints[K]> } = {
  createDeviceSession: (ctx, { body }) => sessions.createDeviceSession(ctx, body),
  sessionMethods: (ctx) => Promise.resolve(sessions.sessionMethods(ctx)),
  createPhoneChallenge: (ctx, { body }) => phone.createPhoneChallenge(ctx, body),
  createPhoneSession: (ctx, { body }) => phone.createPhoneSession(ctx, body),
  createWechatSession: (ctx, { body }) => sessions.createWechatSession(ctx, body),
  createStaffSession: (ctx, { body }) => sessions.createStaffSession(ctx, body),
  createAdminSession: (ctx, { body }) => sessions.createAdminSession(ctx, body),
  getMe: (ctx) => sessions.getMe(ctx),

  listDistricts: (ctx) => catalog.listDistricts(ctx),
  listProviders: (ctx, { query }) => catalog.listProviders(ctx, query),
  getProvider: (ctx, { params }) => catalog.getProvider(ctx, params),

  createBooking: (ctx, { body }) => bookings.createBooking(ctx, body),
  listBookings: (ctx) => bookings.listBookings(ctx),
  getBooking: (ctx, { params }) => bookings.getBooking(ctx, params),
  cancelBooking: (ctx, { params }) => bookings.cancelBooking(ctx, params),
  createWalkIn: (ctx, { body }) => bookings.createWalkIn(ctx, body),
  submitVerification: (ctx, { body }) => verifications.submitVerification(ctx, body),

  redeem: (ctx, { body }) => counter.redeem(ctx, body),
  staffWalkIn: (ctx, { body }) => counter.staffWalkIn(ctx, body),
  staffToday: (ctx) => counter.today(ctx),
  staffPoints: (ctx) => counter.points(ctx),
  staffPoster: (ctx) => counter.poster(ctx),
  rotatePoster: (ctx) => counter.rotatePoster(ctx),
  voucherKey: (ctx) => counter.voucherKey(ctx),

  putDistrict: (ctx, { params, body }) => admin.putDistrict(ctx, params, body),
  adminListProviders: (ctx, { query }) => admin.listAllProviders(ctx, query),
  expiringDocuments: (ctx, { query }) => admin.listExpiringDocuments(ctx, query),
  createProvider: (ctx, { body }) => admin.createProvider(ctx, body),
  adminGetProvider: (ctx, { params }) => admin.getProviderForAdmin(ctx, params),
  adminListStaff: (ctx, { params }) => admin.listStaff(ctx, params),
  adminProviderPoster: (ctx, { params }) => admin.providerPosterForAdmin(ctx, params),
  updateProvider: (ctx, { params, body }) => admin.updateProvider(ctx, params, body),
  approveProvider: (ctx, { params }) => admin.approveProvider(ctx, params),
  suspendProvider: (ctx, { params }) => admin.suspendProvider(ctx, params),
  putOffering: (ctx, { params, body }) => admin.putOffering(ctx, params, body),
  createStaff: (ctx, { body }) => admin.createStaff(ctx, body),
  disableStaff: (ctx, { params }) => admin.disableStaff(ctx, params),
  listVerifications: (ctx, { query }) => verifications.listVerifications(ctx, query),
  approveVerification: (ctx, { params }) => verifications.approveVerification(ctx, params),
  rejectVerification: (ctx, { params }) => verifications.rejectVerification(ctx, params),
};

export interface Route extends Endpoint {
  name: EndpointName;
  // The adapter has validated input against the endpoint's schemas and checked the role.
  handler: (ctx: Ctx, input: { body: unknown; query: unknown; params: unknown }) => Promise<unknown>;
}

/**
 * The route table: every endpoint of the contract with its use case. The local server and the
 * CDK stack both read this list, so a route cannot exist in one and not the other.
 */
export const routes: readonly Route[] = (Object.keys(endpoints) as EndpointName[]).map((name) => ({
  ...(endpoints[name] as Endpoint),
  name,
  handler: handlers[name] as Route['handler'],
}));
