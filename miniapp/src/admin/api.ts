// The admin desk's calls, one line each, typed from the contract. Every call made with the admin
// session goes through `signedIn`: a refused session sends the desk back to its sign-in page.
import {
  endpoints,
  type AdjustmentBody,
  type AdminProvidersQuery,
  type AuditQuery,
  type CatalogItemBody,
  type ExchangeStatus,
  type Period,
  type ReversalBody,
  type StatsBy,
  type OfferingContract,
  type ProviderInput,
  type ProviderPatch,
  type StaffInput,
  type WithdrawLeaderboardBody,
  type VerificationStatus,
} from '@contract';
import { pageOf } from '../services/page';
import { request, type Result } from '../services/request';
import { signOutAdmin } from './session';

async function signedIn<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  const answer = await call;
  if (!answer.ok && answer.code === 'UNAUTHENTICATED') signOutAdmin();
  return answer;
}

type ProviderQuery = Partial<AdminProvidersQuery>;

/** `device`: the credential this browser's last sign-in under that name answered (services/sign-in-devices.ts). */
export const adminSignIn = (username: string, password: string, device?: string) =>
  request(endpoints.createAdminSession, { body: { username, password, ...(device ? { device } : {}) } });

export const listDistricts = () => request(endpoints.listDistricts);
// The lists that grow answer a `Page`, whatever the API names their rows.
export const listProviders = (query: ProviderQuery) => signedIn(request(endpoints.adminListProviders, { query })).then((a) => pageOf(a, 'providers'));
export const getProvider = (id: string) => signedIn(request(endpoints.adminGetProvider, { params: { id } }));
export const createProvider = (body: ProviderInput) => signedIn(request(endpoints.createProvider, { body }));
export const updateProvider = (id: string, body: ProviderPatch) => signedIn(request(endpoints.updateProvider, { params: { id }, body }));
export const approveProvider = (id: string) => signedIn(request(endpoints.approveProvider, { params: { id } }));
export const suspendProvider = (id: string) => signedIn(request(endpoints.suspendProvider, { params: { id } }));
export const expiringDocuments = (days?: number) => signedIn(request(endpoints.expiringDocuments, { query: { days } }));
export const putOffering = (id: string, offeringId: string, body: OfferingContract) =>
  signedIn(request(endpoints.putOffering, { params: { id, offeringId }, body }));
export const listStaff = (id: string) => signedIn(request(endpoints.adminListStaff, { params: { id } }));
export const createStaff = (body: StaffInput) => signedIn(request(endpoints.createStaff, { body }));
export const disableStaff = (id: string) => signedIn(request(endpoints.disableStaff, { params: { id } }));
export const providerPoster = (id: string) => signedIn(request(endpoints.adminProviderPoster, { params: { id } }));
export const listVerifications = (status: VerificationStatus, page: { limit?: number; cursor?: string } = {}) =>
  signedIn(request(endpoints.listVerifications, { query: { status, ...page } })).then((a) => pageOf(a, 'verifications'));
export const approveVerification = (id: string) => signedIn(request(endpoints.approveVerification, { params: { id } }));
export const rejectVerification = (id: string) => signedIn(request(endpoints.rejectVerification, { params: { id } }));

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
export const adminStatsCsv = (q: StatsRange) => signedIn(request(endpoints.adminStatsCsv, { query: q }));

export const listAudit = (query: Partial<AuditQuery>) => signedIn(request(endpoints.listAudit, { query })).then((a) => pageOf(a, 'entries'));

/** Integrity signals per provider (default: the last 30 days; flagged providers first) and the providers whose points are held. */
export const integritySignals = (query: { providerId?: string } = {}) => signedIn(request(endpoints.adminIntegrity, { query }));
/** An admin looked at a flagged provider: its held points are released. */
export const clearIntegrity = (id: string, reason: string) => signedIn(request(endpoints.clearIntegrity, { params: { id }, body: { reason } }));

export const adminCatalog = () => signedIn(request(endpoints.adminCatalog));
export const putCatalogItem = (itemId: string, body: CatalogItemBody) => signedIn(request(endpoints.putCatalogItem, { params: { itemId }, body }));
export const listExchanges = (status: ExchangeStatus, page: { limit?: number; cursor?: string } = {}) =>
  signedIn(request(endpoints.adminExchanges, { query: { status, ...page } })).then((a) => pageOf(a, 'exchanges'));
export const fulfilExchange = (id: string) => signedIn(request(endpoints.fulfilExchange, { params: { id } }));
export const rejectExchange = (id: string, reason: string) => signedIn(request(endpoints.rejectExchange, { params: { id }, body: { reason } }));
