import * as z from 'zod';
import { AuditCsv, AuditCsvQuery, AuditList, AuditQuery } from './audit.js';
import { AdjustmentBody, EntryResponse, ReversalBody } from './points.js';
import { AdminExchangesQuery, CatalogItemBody, CatalogItemParams, CatalogItemResponse, CatalogList, ExchangeBody, ExchangeList, ExchangeResponse, RejectExchangeBody, StockAdjustmentBody } from './catalog.js';
import {
  AdminOfferingResponse,
  AdminProviderDetail,
  AdminProviderList,
  AdminProviderResponse,
  AdminProvidersQuery,
  ExpiringQuery,
  ExpiringResponse,
  DistrictInput,
  OfferingBody,
  OfferingParams,
  ProviderInput,
  ProviderPatch,
  StaffInput,
  StaffList,
  StaffResponse,
  SuspendBody,
} from './admin.js';
import {
  AdminLeaderboardsQuery,
  AdminStats,
  LatestLeaderboardQuery,
  LeaderboardParams,
  LeaderboardPreview,
  LeaderboardPreviewQuery,
  LeaderboardVersionList,
  LeaderboardVersionQuery,
  PublicStats,
  PublishedLeaderboard,
  PublishedLeaderboardResponse,
  PublishLeaderboardBody,
  StatsCsv,
  StatsCsvQuery,
  StatsQuery,
  WithdrawLeaderboardBody,
  WithdrawLeaderboardParams,
  WithdrawnLeaderboardResponse,
} from './impact.js';
import {
  AdminSafetyReportList,
  AdminSafetyReportResponse,
  CloseSafetyReportBody,
  SafetyReportsQuery,
  AdminThanksList,
  AdminThanksQuery,
  AdminThanksResponse,
  SafetyReportBody,
  SafetyReportReceipt,
  StaffThanksList,
  ThanksBody,
  ThanksPageQuery,
  ThanksReceipt,
} from './thanks.js';
import { BookingListResponse, BookingResponse, CreateBookingBody, WalkInBody, WalkInPreview, WalkInPreviewQuery } from './bookings.js';
import {
  PageOnlyQuery,
  PointsResponse,
  PosterResponse,
  RedemptionBody,
  RedemptionResponse,
  StaffTodayResponse,
  StaffWalkInBody,
  StaffWalkInResponse,
  VoucherKeyResponse,
} from './staff.js';
import { ApprovalList, ApprovalResponse, ApprovalsQuery, RejectApprovalBody, RoleChangeBody } from './approvals.js';
import {
  AccountParams,
  AdminAccountList,
  AdminAccountResponse,
  AdminMeResponse,
  ChangePasswordBody,
  ConfirmTotpBody,
  CreateAdminAccountBody,
  PatchAdminAccountBody,
  RecoveryCodes,
  ResetPasswordBody,
  TotpEnrolment,
} from './office.js';
import { ClearIntegrityBody, IntegrityCaseResponse, IntegrityQuery, IntegrityReport } from './integrity.js';
import { AdminVerificationList, AdminVerificationResponse, RevealedPhone, VerificationBody, VerificationQuery, VerificationReasonBody, VerificationReceipt } from './verifications.js';
import { District, DistrictList, IdParams, ProviderListResponse, ProviderResponse, ProvidersQuery } from './providers.js';
import {
  AdminSessionResponse,
  DeviceSessionBody,
  MeResponse,
  PasswordSessionBody,
  PhoneChallengeBody,
  PhoneChallengeResponse,
  PhoneSessionBody,
  RecipientSessionResponse,
  SessionMethodsResponse,
  StaffSessionResponse,
  WechatSessionBody,
} from './sessions.js';

export type Role = 'recipient' | 'staff' | 'admin';
export type Auth = 'public' | Role;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One HTTP route of the contract: what it accepts and answers. The server binds a use case to
 * each (functions/routes.ts); the mini-program's client and the CDK stack read the same list.
 */
export interface Endpoint {
  method: Method;
  /** API Gateway style template: /v1/providers/{id} */
  path: string;
  auth: Auth;
  /** Other roles also let in (`GET /v1/catalog` serves staff and admins); `auth` is the one the app's client signs with. */
  alsoFor?: readonly Role[];
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  response: z.ZodType;
  /** Success status; 200 unless stated. */
  status?: number;
  /** A 202 answer with this body: the change waits for a second administrator (four eyes) and nothing moved yet. */
  accepted?: z.ZodType;
  /** Content type of a non-JSON answer (CSV exports, QR images). */
  produces?: string;
  /** Honours the Idempotency-Key header: a repeat within 24 h gets the first answer. */
  idempotent?: boolean;
  /**
   * A public answer any cache may keep this many seconds (`Cache-Control: public, max-age=N`);
   * every other answer is `no-store`.
   */
  maxAgeSeconds?: number;
}

type ParamsPart<E> = E extends { params: infer S extends z.ZodType } ? { params: z.input<S> } : { params?: undefined };
type QueryPart<E> = E extends { query: infer S extends z.ZodType } ? { query?: z.input<S> } : { query?: undefined };
type BodyPart<E> = E extends { body: infer S extends z.ZodType } ? { body: z.input<S> } : { body?: undefined };

/**
 * What a caller sends to an endpoint, typed from its schemas as they accept input: path params and
 * body required when the endpoint has them, the query always optional. The app's client and the
 * tests' client add their own headers to it.
 */
export type EndpointInput<E extends Endpoint> = ParamsPart<E> & QueryPart<E> & BodyPart<E>;

const DistrictResponse = z.object({ district: District });
/** Every session of the calling admin account has ended (this one too), in every process within seconds. */
const EndedSessions = z.object({ ended: z.literal(true) });

export const endpoints = {
  // Sessions
  createDeviceSession: { method: 'POST', path: '/v1/sessions/device', auth: 'public', body: DeviceSessionBody, response: RecipientSessionResponse },
  sessionMethods: { method: 'GET', path: '/v1/sessions/methods', auth: 'public', response: SessionMethodsResponse },
  createPhoneChallenge: { method: 'POST', path: '/v1/sessions/phone/challenge', auth: 'public', body: PhoneChallengeBody, response: PhoneChallengeResponse, status: 202 },
  createPhoneSession: { method: 'POST', path: '/v1/sessions/phone', auth: 'public', body: PhoneSessionBody, response: RecipientSessionResponse },
  createWechatSession: { method: 'POST', path: '/v1/sessions/wechat', auth: 'public', body: WechatSessionBody, response: RecipientSessionResponse },
  createStaffSession: { method: 'POST', path: '/v1/staff/sessions', auth: 'public', body: PasswordSessionBody, response: StaffSessionResponse },
  createAdminSession: { method: 'POST', path: '/v1/admin/sessions', auth: 'public', body: PasswordSessionBody, response: AdminSessionResponse },
  getMe: { method: 'GET', path: '/v1/me', auth: 'recipient', response: MeResponse },

  // Public reads
  listDistricts: { method: 'GET', path: '/v1/districts', auth: 'public', response: DistrictList },
  listProviders: { method: 'GET', path: '/v1/providers', auth: 'public', query: ProvidersQuery, response: ProviderListResponse, maxAgeSeconds: 1 },
  getProvider: { method: 'GET', path: '/v1/providers/{id}', auth: 'public', params: IdParams, response: ProviderResponse },
  publicStats: { method: 'GET', path: '/v1/stats', auth: 'public', response: PublicStats },
  latestLeaderboard: { method: 'GET', path: '/v1/leaderboards/latest', auth: 'public', query: LatestLeaderboardQuery, response: PublishedLeaderboard },
  getLeaderboard: { method: 'GET', path: '/v1/leaderboards/{period}/{key}', auth: 'public', params: LeaderboardParams, query: LeaderboardVersionQuery, response: PublishedLeaderboard },

  // Recipient
  createBooking: { method: 'POST', path: '/v1/bookings', auth: 'recipient', body: CreateBookingBody, response: BookingResponse, status: 201, idempotent: true },
  listBookings: { method: 'GET', path: '/v1/bookings', auth: 'recipient', response: BookingListResponse },
  getBooking: { method: 'GET', path: '/v1/bookings/{id}', auth: 'recipient', params: IdParams, response: BookingResponse },
  cancelBooking: { method: 'DELETE', path: '/v1/bookings/{id}', auth: 'recipient', params: IdParams, response: BookingResponse },
  createWalkIn: { method: 'POST', path: '/v1/walk-ins', auth: 'recipient', body: WalkInBody, response: BookingResponse, status: 201, idempotent: true },
  previewWalkIn: { method: 'GET', path: '/v1/walk-ins/preview', auth: 'recipient', query: WalkInPreviewQuery, response: WalkInPreview },
  thankProvider: { method: 'POST', path: '/v1/bookings/{id}/thanks', auth: 'recipient', params: IdParams, body: ThanksBody, response: ThanksReceipt, status: 201 },
  reportSafety: { method: 'POST', path: '/v1/safety-reports', auth: 'recipient', body: SafetyReportBody, response: SafetyReportReceipt, status: 202, idempotent: true },
  submitVerification: { method: 'POST', path: '/v1/verifications', auth: 'recipient', body: VerificationBody, response: VerificationReceipt, status: 202, idempotent: true },

  // Staff (their own provider only)
  redeem: { method: 'POST', path: '/v1/staff/redemptions', auth: 'staff', body: RedemptionBody, response: RedemptionResponse, idempotent: true },
  staffWalkIn: { method: 'POST', path: '/v1/staff/walk-ins', auth: 'staff', body: StaffWalkInBody, response: StaffWalkInResponse, status: 201, idempotent: true },
  staffToday: { method: 'GET', path: '/v1/staff/today', auth: 'staff', response: StaffTodayResponse },
  staffPoints: { method: 'GET', path: '/v1/staff/points', auth: 'staff', query: PageOnlyQuery, response: PointsResponse },
  staffPoster: { method: 'GET', path: '/v1/staff/poster', auth: 'staff', response: PosterResponse },
  rotatePoster: { method: 'POST', path: '/v1/staff/poster/rotate', auth: 'staff', response: PosterResponse },
  voucherKey: { method: 'GET', path: '/v1/staff/voucher-key', auth: 'staff', response: VoucherKeyResponse },
  staffThanks: { method: 'GET', path: '/v1/staff/thanks', auth: 'staff', query: ThanksPageQuery, response: StaffThanksList },
  // The catalogue and exchanges (staff order ingredients with points; admins see every item)
  listCatalog: { method: 'GET', path: '/v1/catalog', auth: 'staff', alsoFor: ['admin'], response: CatalogList },
  createExchange: { method: 'POST', path: '/v1/staff/exchanges', auth: 'staff', body: ExchangeBody, response: ExchangeResponse, status: 201, idempotent: true },
  staffExchanges: { method: 'GET', path: '/v1/staff/exchanges', auth: 'staff', query: PageOnlyQuery, response: ExchangeList },

  // Admin setup
  putDistrict: { method: 'PUT', path: '/v1/admin/districts/{id}', auth: 'admin', params: IdParams, body: DistrictInput, response: DistrictResponse },
  adminListProviders: { method: 'GET', path: '/v1/admin/providers', auth: 'admin', query: AdminProvidersQuery, response: AdminProviderList },
  expiringDocuments: { method: 'GET', path: '/v1/admin/providers/expiring', auth: 'admin', query: ExpiringQuery, response: ExpiringResponse },
  createProvider: { method: 'POST', path: '/v1/admin/providers', auth: 'admin', body: ProviderInput, response: AdminProviderResponse, status: 201 },
  adminGetProvider: { method: 'GET', path: '/v1/admin/providers/{id}', auth: 'admin', params: IdParams, response: AdminProviderDetail },
  adminListStaff: { method: 'GET', path: '/v1/admin/providers/{id}/staff', auth: 'admin', params: IdParams, response: StaffList },
  adminProviderPoster: { method: 'GET', path: '/v1/admin/providers/{id}/poster', auth: 'admin', params: IdParams, response: PosterResponse },
  updateProvider: { method: 'PATCH', path: '/v1/admin/providers/{id}', auth: 'admin', params: IdParams, body: ProviderPatch, response: AdminProviderResponse },
  approveProvider: { method: 'POST', path: '/v1/admin/providers/{id}/approve', auth: 'admin', params: IdParams, response: AdminProviderResponse },
  suspendProvider: { method: 'POST', path: '/v1/admin/providers/{id}/suspend', auth: 'admin', params: IdParams, body: SuspendBody, response: AdminProviderResponse },
  putOffering: { method: 'PUT', path: '/v1/admin/providers/{id}/offerings/{offeringId}', auth: 'admin', params: OfferingParams, body: OfferingBody, response: AdminOfferingResponse },
  createStaff: { method: 'POST', path: '/v1/admin/staff', auth: 'admin', body: StaffInput, response: StaffResponse, status: 201 },
  endAdminSessions: { method: 'DELETE', path: '/v1/admin/sessions', auth: 'admin', response: EndedSessions },
  // The programme office: each administrator's own account, and the owners' list of them all
  adminMe: { method: 'GET', path: '/v1/admin/me', auth: 'admin', response: AdminMeResponse },
  changeAdminPassword: { method: 'POST', path: '/v1/admin/me/password', auth: 'admin', body: ChangePasswordBody, response: AdminMeResponse },
  // Two-step sign-in (TOTP): a pending secret, then a code from it turns it on
  enrolTotp: { method: 'POST', path: '/v1/admin/me/totp', auth: 'admin', response: TotpEnrolment },
  confirmTotp: { method: 'POST', path: '/v1/admin/me/totp/confirm', auth: 'admin', body: ConfirmTotpBody, response: RecoveryCodes },
  listAdminAccounts: { method: 'GET', path: '/v1/admin/accounts', auth: 'admin', response: AdminAccountList },
  createAdminAccount: { method: 'POST', path: '/v1/admin/accounts', auth: 'admin', body: CreateAdminAccountBody, response: AdminAccountResponse, status: 201 },
  updateAdminAccount: { method: 'PATCH', path: '/v1/admin/accounts/{id}', auth: 'admin', params: AccountParams, body: PatchAdminAccountBody, response: AdminAccountResponse },
  resetAdminPassword: { method: 'POST', path: '/v1/admin/accounts/{id}/password', auth: 'admin', params: AccountParams, body: ResetPasswordBody, response: AdminAccountResponse },
  endAccountSessions: { method: 'POST', path: '/v1/admin/accounts/{id}/sessions/end', auth: 'admin', params: AccountParams, response: EndedSessions },
  // Four eyes: a role change, and points above the threshold, wait for a second administrator
  changeAdminRole: { method: 'POST', path: '/v1/admin/accounts/{id}/role', auth: 'admin', params: AccountParams, body: RoleChangeBody, response: ApprovalResponse, status: 202 },
  listApprovals: { method: 'GET', path: '/v1/admin/approvals', auth: 'admin', query: ApprovalsQuery, response: ApprovalList },
  approveApproval: { method: 'POST', path: '/v1/admin/approvals/{id}/approve', auth: 'admin', params: IdParams, response: ApprovalResponse },
  rejectApproval: { method: 'POST', path: '/v1/admin/approvals/{id}/reject', auth: 'admin', params: IdParams, body: RejectApprovalBody, response: ApprovalResponse },
  resetAdminTotp: { method: 'DELETE', path: '/v1/admin/accounts/{id}/totp', auth: 'admin', params: AccountParams, response: AdminAccountResponse },
  disableStaff: { method: 'POST', path: '/v1/admin/staff/{id}/disable', auth: 'admin', params: IdParams, response: StaffResponse },
  listVerifications: { method: 'GET', path: '/v1/admin/verifications', auth: 'admin', query: VerificationQuery, response: AdminVerificationList },
  approveVerification: { method: 'POST', path: '/v1/admin/verifications/{id}/approve', auth: 'admin', params: IdParams, response: AdminVerificationResponse },
  rejectVerification: { method: 'POST', path: '/v1/admin/verifications/{id}/reject', auth: 'admin', params: IdParams, body: VerificationReasonBody, response: AdminVerificationResponse },

  // The audit log (every staff and admin change, written with the change)
  // Points (the donor side)
  adminProviderPoints: { method: 'GET', path: '/v1/admin/providers/{id}/points', auth: 'admin', params: IdParams, query: PageOnlyQuery, response: PointsResponse },
  createPointsAdjustment: { method: 'POST', path: '/v1/admin/points-adjustments', auth: 'admin', body: AdjustmentBody, response: EntryResponse, status: 201, accepted: ApprovalResponse },
  createPointsReversal: { method: 'POST', path: '/v1/admin/points-reversals', auth: 'admin', body: ReversalBody, response: EntryResponse, status: 201, accepted: ApprovalResponse },
  adminCatalog: { method: 'GET', path: '/v1/admin/catalog', auth: 'admin', response: CatalogList },
  putCatalogItem: { method: 'PUT', path: '/v1/admin/catalog/{itemId}', auth: 'admin', params: CatalogItemParams, body: CatalogItemBody, response: CatalogItemResponse },
  adjustCatalogStock: { method: 'POST', path: '/v1/admin/catalog/{itemId}/stock', auth: 'admin', params: CatalogItemParams, body: StockAdjustmentBody, response: CatalogItemResponse },
  adminExchanges: { method: 'GET', path: '/v1/admin/exchanges', auth: 'admin', query: AdminExchangesQuery, response: ExchangeList },
  fulfilExchange: { method: 'POST', path: '/v1/admin/exchanges/{id}/fulfil', auth: 'admin', params: IdParams, response: ExchangeResponse },
  rejectExchange: { method: 'POST', path: '/v1/admin/exchanges/{id}/reject', auth: 'admin', params: IdParams, body: RejectExchangeBody, response: ExchangeResponse },
  listAudit: { method: 'GET', path: '/v1/admin/audit', auth: 'admin', query: AuditQuery, response: AuditList },
  auditCsv: { method: 'GET', path: '/v1/admin/audit.csv', auth: 'admin', query: AuditCsvQuery, response: AuditCsv, produces: 'text/csv; charset=utf-8' },
  // Admin: impact, leaderboards, thanks and safety reports
  adminStats: { method: 'GET', path: '/v1/admin/stats', auth: 'admin', query: StatsQuery, response: AdminStats },
  adminStatsCsv: { method: 'GET', path: '/v1/admin/stats.csv', auth: 'admin', query: StatsCsvQuery, response: StatsCsv, produces: 'text/csv; charset=utf-8' },
  previewLeaderboard: { method: 'GET', path: '/v1/admin/leaderboards/preview', auth: 'admin', query: LeaderboardPreviewQuery, response: LeaderboardPreview },
  publishLeaderboard: { method: 'POST', path: '/v1/admin/leaderboards', auth: 'admin', body: PublishLeaderboardBody, response: PublishedLeaderboardResponse, status: 201 },
  adminListLeaderboards: { method: 'GET', path: '/v1/admin/leaderboards', auth: 'admin', query: AdminLeaderboardsQuery, response: LeaderboardVersionList },
  withdrawLeaderboard: {
    method: 'POST',
    path: '/v1/admin/leaderboards/{period}/{key}/{version}/withdraw',
    auth: 'admin',
    params: WithdrawLeaderboardParams,
    body: WithdrawLeaderboardBody,
    response: WithdrawnLeaderboardResponse,
  },
  adminThanks: { method: 'GET', path: '/v1/admin/thanks', auth: 'admin', query: AdminThanksQuery, response: AdminThanksList },
  hideThanks: { method: 'POST', path: '/v1/admin/thanks/{id}/hide', auth: 'admin', params: IdParams, response: AdminThanksResponse },
  // Integrity signals per provider (issue 8: a restaurant must not quietly mint its own points)
  adminIntegrity: { method: 'GET', path: '/v1/admin/integrity', auth: 'admin', query: IntegrityQuery, response: IntegrityReport },
  // A flag raised by the daily review freezes the provider's held points until an admin clears it (issue 20)
  clearIntegrity: { method: 'POST', path: '/v1/admin/providers/{id}/integrity/clear', auth: 'admin', params: IdParams, body: ClearIntegrityBody, response: IntegrityCaseResponse },
  adminSafetyReports: { method: 'GET', path: '/v1/admin/safety-reports', auth: 'admin', query: SafetyReportsQuery, response: AdminSafetyReportList },
  closeSafetyReport: {
    method: 'POST',
    path: '/v1/admin/safety-reports/{id}/close',
    auth: 'admin',
    params: IdParams,
    body: CloseSafetyReportBody,
    response: AdminSafetyReportResponse,
  },

  // The desk's second chances (issue 22): reinstating a suspended provider, taking back an
  // approval, one audited look at a phone number, a staff password reset and re-enabling
  reinstateProvider: { method: 'POST', path: '/v1/admin/providers/{id}/reinstate', auth: 'admin', params: IdParams, response: AdminProviderResponse },
  revokeVerification: { method: 'POST', path: '/v1/admin/verifications/{id}/revoke', auth: 'admin', params: IdParams, body: VerificationReasonBody, response: AdminVerificationResponse },
  revealVerificationPhone: { method: 'POST', path: '/v1/admin/verifications/{id}/reveal', auth: 'admin', params: IdParams, response: RevealedPhone },
  resetStaffPassword: { method: 'POST', path: '/v1/admin/staff/{id}/password', auth: 'admin', params: IdParams, body: ResetPasswordBody, response: StaffResponse },
  enableStaff: { method: 'POST', path: '/v1/admin/staff/{id}/enable', auth: 'admin', params: IdParams, response: StaffResponse },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;

/** What a success answer holds: the response, or (a 202 four-eyes answer) the accepted body. */
export type SuccessOf<E extends Endpoint> = z.output<E['response']> | (E extends { accepted: infer A extends z.ZodType } ? z.output<A> : never);
/** The schema a success answer with this status follows. */
export const successSchema = (e: Endpoint, status: number): z.ZodType => (status === 202 && e.accepted ? e.accepted : e.response);
export type EndpointName = keyof Endpoints;
