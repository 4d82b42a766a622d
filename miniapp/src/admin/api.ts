// The admin desk's calls, one line each, typed from the contract. Every call made with the admin
// session goes through `signedIn`: a refused session sends the desk back to its sign-in page, and an
// account that must first choose a new password or turn on two-step sign-in goes to its own page.
import {
  endpoints,
  type AdjustmentBody,
  type AdminRole,
  type ApprovalStatus,
  type ChangePasswordBody,
  type CreateAdminAccountBody,
  type PatchAdminAccountBody,
  type AdminProvidersQuery,
  type AuditCsvQuery,
  type AuditQuery,
  type CatalogItemBody,
  type StockAdjustmentBody,
  type ExchangeStatus,
  type Period,
  type ResetPasswordBody,
  type ReversalBody,
  type SafetyReportStatus,
  type StatsBy,
  type OfferingBody,
  type ProviderInput,
  type ProviderPatch,
  type StaffInput,
  type SuspendBody,
  type WithdrawLeaderboardBody,
  type VerificationReasonBody,
  type VerificationStatus,
} from '@contract';
import type { Lang } from '../services/languages';
import { pageOf } from '../services/page';
import { request, type Result } from '../services/request';
import { go, routes } from '../routes';
import { signOutAdmin } from './session';

const fieldOf = (details: unknown): boolean => typeof details === 'object' && details !== null && 'field' in details;

async function signedIn<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  const answer = await call;
  // A 401 naming a field is a wrong password or code in the body (changing one's password), not a dead session.
  if (!answer.ok && answer.code === 'UNAUTHENTICATED' && !fieldOf(answer.details)) signOutAdmin('expired');
  // Only the account's own routes answer until then, and those are on the profile page.
  if (!answer.ok && answer.code === 'PASSWORD_CHANGE_REQUIRED') go.restart(routes.adminProfile(true));
  if (!answer.ok && answer.code === 'TOTP_REQUIRED') go.restart(routes.adminProfile());
  return answer;
}

type ProviderQuery = Partial<AdminProvidersQuery>;

/** The second step of a sign-in with two-step sign-in on: a code from the app, or a recovery code. */
export type SecondStep = { otp: string } | { recoveryCode: string } | Record<string, never>;

/** `device`: the credential this browser's last sign-in under that name answered (services/sign-in-devices.ts). */
export const adminSignIn = (username: string, password: string, device?: string, second: SecondStep = {}) =>
  request(endpoints.createAdminSession, { body: { username, password, ...(device ? { device } : {}), ...second } });

// The signed-in account's own page.
export const adminMe = () => signedIn(request(endpoints.adminMe));
/** Ends every session of the account, this one too: the desk signs in again with the new password. */
export const changeAdminPassword = (body: ChangePasswordBody) => signedIn(request(endpoints.changeAdminPassword, { body }));
export const enrolTotp = () => signedIn(request(endpoints.enrolTotp));
export const confirmTotp = (otp: string) => signedIn(request(endpoints.confirmTotp, { body: { otp } }));
export const endAdminSessions = () => signedIn(request(endpoints.endAdminSessions));

// The programme office (owners).
export const listAdminAccounts = () => signedIn(request(endpoints.listAdminAccounts));
export const createAdminAccount = (body: CreateAdminAccountBody) => signedIn(request(endpoints.createAdminAccount, { body }));
export const updateAdminAccount = (id: string, body: PatchAdminAccountBody) => signedIn(request(endpoints.updateAdminAccount, { params: { id }, body }));
export const resetAdminPassword = (id: string, password: string) => signedIn(request(endpoints.resetAdminPassword, { params: { id }, body: { password } }));
export const endAccountSessions = (id: string) => signedIn(request(endpoints.endAccountSessions, { params: { id } }));
export const resetAdminTotp = (id: string) => signedIn(request(endpoints.resetAdminTotp, { params: { id } }));
/** Answers 202: the new role waits for a second owner's approval. */
export const changeAdminRole = (id: string, role: AdminRole, districts?: string[]) =>
  signedIn(request(endpoints.changeAdminRole, { params: { id }, body: { role, ...(districts ? { districts } : {}) } }));
export const listApprovals = (status: ApprovalStatus, page: { limit?: number; cursor?: string } = {}) =>
  signedIn(request(endpoints.listApprovals, { query: { status, ...page } })).then((a) => pageOf(a, 'approvals'));
export const approveApproval = (id: string) => signedIn(request(endpoints.approveApproval, { params: { id } }));
export const rejectApproval = (id: string, reason: string) => signedIn(request(endpoints.rejectApproval, { params: { id }, body: { reason } }));

export const listDistricts = () => request(endpoints.listDistricts);
// The lists that grow answer a `Page`, whatever the API names their rows.
export const listProviders = (query: ProviderQuery) => signedIn(request(endpoints.adminListProviders, { query })).then((a) => pageOf(a, 'providers'));
export const getProvider = (id: string) => signedIn(request(endpoints.adminGetProvider, { params: { id } }));
export const createProvider = (body: ProviderInput) => signedIn(request(endpoints.createProvider, { body }));
export const updateProvider = (id: string, body: ProviderPatch) => signedIn(request(endpoints.updateProvider, { params: { id }, body }));
export const approveProvider = (id: string) => signedIn(request(endpoints.approveProvider, { params: { id } }));
export const suspendProvider = (id: string, body: SuspendBody) => signedIn(request(endpoints.suspendProvider, { params: { id }, body }));
export const reinstateProvider = (id: string) => signedIn(request(endpoints.reinstateProvider, { params: { id } }));
export const expiringDocuments = (days?: number) => signedIn(request(endpoints.expiringDocuments, { query: { days } }));
export const putOffering = (id: string, offeringId: string, body: OfferingBody) =>
  signedIn(request(endpoints.putOffering, { params: { id, offeringId }, body }));
export const listStaff = (id: string) => signedIn(request(endpoints.adminListStaff, { params: { id } }));
export const createStaff = (body: StaffInput) => signedIn(request(endpoints.createStaff, { body }));
export const disableStaff = (id: string) => signedIn(request(endpoints.disableStaff, { params: { id } }));
export const enableStaff = (id: string) => signedIn(request(endpoints.enableStaff, { params: { id } }));
export const resetStaffPassword = (id: string, body: ResetPasswordBody) => signedIn(request(endpoints.resetStaffPassword, { params: { id }, body }));
export const providerPoster = (id: string) => signedIn(request(endpoints.adminProviderPoster, { params: { id } }));
export const listVerifications = (status: VerificationStatus, page: { limit?: number; cursor?: string } = {}) =>
  signedIn(request(endpoints.listVerifications, { query: { status, ...page } })).then((a) => pageOf(a, 'verifications'));
export const approveVerification = (id: string) => signedIn(request(endpoints.approveVerification, { params: { id } }));
export const rejectVerification = (id: string, body: VerificationReasonBody) => signedIn(request(endpoints.rejectVerification, { params: { id }, body }));
export const revokeVerification = (id: string, body: VerificationReasonBody) => signedIn(request(endpoints.revokeVerification, { params: { id }, body }));
export const revealVerificationPhone = (id: string) => signedIn(request(endpoints.revealVerificationPhone, { params: { id } }));

export const listSafetyReports = (status: SafetyReportStatus, page: { limit?: number; cursor?: string } = {}) =>
  signedIn(request(endpoints.adminSafetyReports, { query: { status, ...page } })).then((a) => pageOf(a, 'reports'));
export const closeSafetyReport = (id: string, note: string) => signedIn(request(endpoints.closeSafetyReport, { params: { id }, body: { note } }));

export const providerPoints = (id: string, cursor?: string) => signedIn(request(endpoints.adminProviderPoints, { params: { id }, query: { cursor } }));
export const adjustPoints = (body: AdjustmentBody) => signedIn(request(endpoints.createPointsAdjustment, { body }));
export const reversePoints = (body: ReversalBody) => signedIn(request(endpoints.createPointsReversal, { body }));

export const previewLeaderboard = (period: Period, key: string) => signedIn(request(endpoints.previewLeaderboard, { query: { period, key } }));
export const publishLeaderboard = (period: Period, key: string) => signedIn(request(endpoints.publishLeaderboard, { body: { period, key } }));
export const listLeaderboards = (period: Period, cursor?: string) =>
  signedIn(request(endpoints.adminListLeaderboards, { query: { period, cursor } })).then((a) => pageOf(a, 'versions'));
export const withdrawLeaderboard = (v: { period: Period; key: string; version: number }, body: WithdrawLeaderboardBody) =>
  signedIn(request(endpoints.withdrawLeaderboard, { params: { period: v.period, key: v.key, version: v.version }, body }));
/** A published version (the newest of that key when `version` is left out): the public read. */
export const publishedLeaderboard = (period: Period, key: string, version?: number) =>
  request(endpoints.getLeaderboard, { params: { period, key }, query: { version } });

export interface StatsRange {
  from: string;
  to: string;
  by: StatsBy;
}
export const adminStats = (q: StatsRange) => signedIn(request(endpoints.adminStats, { query: q }));
/** The figures as CSV, headed in the desk's language. */
export const adminStatsCsv = (q: StatsRange & { lang: Lang }) => signedIn(request(endpoints.adminStatsCsv, { query: q }));

export const listAudit = (query: Partial<AuditQuery>) => signedIn(request(endpoints.listAudit, { query })).then((a) => pageOf(a, 'entries'));
export const auditCsv = (query: AuditCsvQuery) => signedIn(request(endpoints.auditCsv, { query }));

/** Integrity signals per provider (default: the last 30 days; flagged providers first) and the providers whose points are held. */
export const integritySignals = (query: { providerId?: string } = {}) => signedIn(request(endpoints.adminIntegrity, { query }));
/** An admin looked at a flagged provider: its held points are released. */
export const clearIntegrity = (id: string, reason: string) => signedIn(request(endpoints.clearIntegrity, { params: { id }, body: { reason } }));

export const adminCatalog = () => signedIn(request(endpoints.adminCatalog));
export const putCatalogItem = (itemId: string, body: CatalogItemBody) => signedIn(request(endpoints.putCatalogItem, { params: { itemId }, body }));
/** Stock added or taken out (`delta`), with a reason; never set outright. */
export const adjustCatalogStock = (itemId: string, body: StockAdjustmentBody) => signedIn(request(endpoints.adjustCatalogStock, { params: { itemId }, body }));
export const listExchanges = (status: ExchangeStatus, page: { limit?: number; cursor?: string } = {}) =>
  signedIn(request(endpoints.adminExchanges, { query: { status, ...page } })).then((a) => pageOf(a, 'exchanges'));
export const fulfilExchange = (id: string) => signedIn(request(endpoints.fulfilExchange, { params: { id } }));
export const rejectExchange = (id: string, reason: string) => signedIn(request(endpoints.rejectExchange, { params: { id }, body: { reason } }));

// A provider's own page: its exchanges waiting, and the thank-you notes it was sent.
export const listProviderExchanges = (providerId: string) =>
  signedIn(request(endpoints.adminExchanges, { query: { status: 'PENDING', providerId, limit: 50 } })).then((a) => pageOf(a, 'exchanges'));
export const listProviderThanks = (providerId: string, page: { limit?: number; cursor?: string } = {}) =>
  signedIn(request(endpoints.adminThanks, { query: { providerId, ...page } })).then((a) => pageOf(a, 'thanks'));
export const hideThanks = (id: string) => signedIn(request(endpoints.hideThanks, { params: { id } }));
