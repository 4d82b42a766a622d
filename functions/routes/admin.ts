import * as admin from '../app/admin-setup.js';
import * as audit from '../app/admin/audit.js';
import * as exchanges from '../app/admin/exchanges.js';
import * as points from '../app/admin/points.js';
import { adminImpactHandlers } from './admin-impact.js';
import { routeTable, type Handlers } from './table.js';

/** The programme's setup: districts, providers, offerings, staff accounts. */
export const adminHandlers = {
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
  listAudit: (ctx, { query }) => audit.listAudit(ctx, query),
  adminProviderPoints: (ctx, { params, query }) => points.providerPoints(ctx, params, query),
  createPointsAdjustment: (ctx, { body }) => points.createPointsAdjustment(ctx, body),
  createPointsReversal: (ctx, { body }) => points.createPointsReversal(ctx, body),
  disableStaff: (ctx, { params }) => admin.disableStaff(ctx, params),
  endAdminSessions: (ctx) => admin.endAdminSessions(ctx),
  adminCatalog: (ctx) => exchanges.adminCatalog(ctx),
  putCatalogItem: (ctx, { params, body }) => exchanges.putCatalogItem(ctx, params, body),
  adminExchanges: (ctx, { query }) => exchanges.adminExchanges(ctx, query),
  fulfilExchange: (ctx, { params }) => exchanges.fulfilExchange(ctx, params),
  rejectExchange: (ctx, { params, body }) => exchanges.rejectExchange(ctx, params, body),
  ...adminImpactHandlers,
} satisfies Handlers;

export const adminRoutes = routeTable('admin', adminHandlers);
