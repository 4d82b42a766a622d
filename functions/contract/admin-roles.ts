/**
 * Which administrators may use which admin route: the one table the server checks on every admin
 * request (functions/http/adapter.ts) and the desk reads to hide what a role cannot do. A route
 * missing here is a compile error, so a new admin route cannot ship unassigned.
 */
import type { EndpointName, Endpoints } from './endpoints.js';
import type { AdminRole } from './office.js';

/** Every route an admin token may call: `auth: 'admin'`, or another role's route that also lets admins in. */
export type AdminEndpointName = {
  [K in EndpointName]: Endpoints[K]['auth'] extends 'admin' ? K : Endpoints[K] extends { alsoFor: readonly (infer R)[] } ? ('admin' extends R ? K : never) : never;
}[EndpointName];

const everyone = ['owner', 'officer', 'clerk', 'analyst'] as const satisfies readonly AdminRole[];
const owner = ['owner'] as const;
/** District officers: restaurants, their contracts, staff and posters, verification review, reports. */
const officers = ['owner', 'officer'] as const;
/** The clerk ships rice and oil: the catalogue, exchanges, points. */
const clerks = ['owner', 'clerk'] as const;
/** Read-only: figures, leaderboard previews, the audit log. */
const readers = ['owner', 'analyst'] as const;

export const adminRouteRoles: Record<AdminEndpointName, readonly AdminRole[]> = {
  // Each one's own account
  adminMe: everyone,
  changeAdminPassword: everyone,
  // Any role may turn on two-step sign-in (owners and clerks must, where the deployment requires it)
  enrolTotp: everyone,
  confirmTotp: everyone,
  endAdminSessions: everyone,
  // The office itself
  listAdminAccounts: owner,
  createAdminAccount: owner,
  updateAdminAccount: owner,
  resetAdminPassword: owner,
  endAccountSessions: owner,
  resetAdminTotp: owner,
  putDistrict: owner,
  // Providers (an officer's only in their sub-districts); clerks find a provider to credit
  adminListProviders: ['owner', 'officer', 'clerk'],
  adminGetProvider: ['owner', 'officer', 'clerk'],
  expiringDocuments: officers,
  createProvider: officers,
  updateProvider: officers,
  approveProvider: officers,
  suspendProvider: officers,
  reinstateProvider: officers,
  putOffering: officers,
  adminListStaff: officers,
  createStaff: officers,
  disableStaff: officers,
  enableStaff: officers,
  resetStaffPassword: officers,
  adminProviderPoster: officers,
  listVerifications: officers,
  approveVerification: officers,
  rejectVerification: officers,
  revokeVerification: officers,
  revealVerificationPhone: officers,
  adminSafetyReports: officers,
  closeSafetyReport: officers,
  adminThanks: officers,
  hideThanks: officers,
  // Money-like: the catalogue, exchanges and points
  listCatalog: clerks,
  adminCatalog: clerks,
  putCatalogItem: clerks,
  adjustCatalogStock: clerks,
  adminExchanges: clerks,
  fulfilExchange: clerks,
  rejectExchange: clerks,
  adminProviderPoints: clerks,
  createPointsAdjustment: clerks,
  createPointsReversal: clerks,
  clearIntegrity: clerks,
  // Four eyes: who may approve a request is checked again per kind (a role change: owners only)
  listApprovals: clerks,
  approveApproval: clerks,
  rejectApproval: clerks,
  changeAdminRole: owner,
  // Figures and the record
  adminIntegrity: everyone,
  adminStats: readers,
  adminStatsCsv: readers,
  previewLeaderboard: readers,
  adminListLeaderboards: readers,
  listAudit: readers,
  auditCsv: readers,
  // What the public sees is the owner's to publish
  publishLeaderboard: owner,
  withdrawLeaderboard: owner,
};

export const mayUse = (role: AdminRole, route: AdminEndpointName): boolean => adminRouteRoles[route].includes(role);
