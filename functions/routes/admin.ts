import * as providers from '../app/admin/providers.js';
import * as accounts from '../app/admin/accounts.js';
import * as approvals from '../app/admin/approvals.js';
import * as me from '../app/admin/me.js';
import * as totp from '../app/admin/totp.js';
import * as staff from '../app/admin/staff.js';
import * as audit from '../app/admin/audit.js';
import * as exchanges from '../app/admin/exchanges.js';
import * as points from '../app/admin/points.js';
import { adminImpactHandlers } from './admin-impact.js';
import { routeTable, type Handlers } from './table.js';

/** The programme's setup: districts, providers, offerings, staff accounts. */
export const adminHandlers = {
  putDistrict: (ctx, { params, body }) => providers.putDistrict(ctx, params, body),
  adminListProviders: (ctx, { query }) => providers.listAllProviders(ctx, query),
  expiringDocuments: (ctx, { query }) => providers.listExpiringDocuments(ctx, query),
  createProvider: (ctx, { body }) => providers.createProvider(ctx, body),
  adminGetProvider: (ctx, { params }) => providers.getProviderForAdmin(ctx, params),
  adminListStaff: (ctx, { params }) => staff.listStaff(ctx, params),
  adminProviderPoster: (ctx, { params }) => staff.providerPosterForAdmin(ctx, params),
  updateProvider: (ctx, { params, body }) => providers.updateProvider(ctx, params, body),
  approveProvider: (ctx, { params }) => providers.approveProvider(ctx, params),
  suspendProvider: (ctx, { params, body }) => providers.suspendProvider(ctx, params, body),
  reinstateProvider: (ctx, { params }) => providers.reinstateProvider(ctx, params),
  putOffering: (ctx, { params, body }) => providers.putOffering(ctx, params, body),
  createStaff: (ctx, { body }) => staff.createStaff(ctx, body),
  listAudit: (ctx, { query }) => audit.listAudit(ctx, query),
  auditCsv: (ctx, { query }) => audit.auditCsv(ctx, query),
  adminProviderPoints: (ctx, { params, query }) => points.providerPoints(ctx, params, query),
  createPointsAdjustment: (ctx, { body }) => points.createPointsAdjustment(ctx, body),
  createPointsReversal: (ctx, { body }) => points.createPointsReversal(ctx, body),
  disableStaff: (ctx, { params }) => staff.disableStaff(ctx, params),
  enableStaff: (ctx, { params }) => staff.enableStaff(ctx, params),
  resetStaffPassword: (ctx, { params, body }) => staff.resetStaffPassword(ctx, params, body),
  endAdminSessions: (ctx) => me.endAdminSessions(ctx),
  adminMe: (ctx) => me.adminMe(ctx),
  changeAdminPassword: (ctx, { body }) => me.changeAdminPassword(ctx, body),
  enrolTotp: (ctx) => totp.enrolTotp(ctx),
  confirmTotp: (ctx, { body }) => totp.confirmTotp(ctx, body),
  listAdminAccounts: (ctx) => accounts.listAccounts(ctx),
  createAdminAccount: (ctx, { body }) => accounts.createAccount(ctx, body),
  updateAdminAccount: (ctx, { params, body }) => accounts.updateAccount(ctx, params, body),
  resetAdminPassword: (ctx, { params, body }) => accounts.resetPassword(ctx, params, body),
  endAccountSessions: (ctx, { params }) => accounts.endAccountSessions(ctx, params),
  changeAdminRole: (ctx, { params, body }) => accounts.changeRole(ctx, params, body),
  listApprovals: (ctx, { query }) => approvals.listApprovals(ctx, query),
  approveApproval: (ctx, { params }) => approvals.approve(ctx, params),
  rejectApproval: (ctx, { params, body }) => approvals.reject(ctx, params, body),
  resetAdminTotp: (ctx, { params }) => accounts.resetTotp(ctx, params),
  adminCatalog: (ctx) => exchanges.adminCatalog(ctx),
  putCatalogItem: (ctx, { params, body }) => exchanges.putCatalogItem(ctx, params, body),
  adjustCatalogStock: (ctx, { params, body }) => exchanges.adjustCatalogStock(ctx, params, body),
  adminExchanges: (ctx, { query }) => exchanges.adminExchanges(ctx, query),
  fulfilExchange: (ctx, { params }) => exchanges.fulfilExchange(ctx, params),
  rejectExchange: (ctx, { params, body }) => exchanges.rejectExchange(ctx, params, body),
  ...adminImpactHandlers,
} satisfies Handlers;

export const adminRoutes = routeTable('admin', adminHandlers);
