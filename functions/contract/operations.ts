import type { ErrorCode } from './common.js';
import type { Endpoint, EndpointName } from './endpoints.js';

/**
 * What a client developer reads beside each endpoint: a one-line summary and the refusals that
 * belong to the operation itself. The refusals every operation of its shape can give (bad input,
 * no session, contention) are added by `errorsOf`, so each list names only what is particular.
 * A new endpoint fails to compile until it is described here.
 */
export interface OperationDoc {
  summary: string;
  errors?: readonly ErrorCode[];
}

const BOOKING_REFUSALS = [
  'NOT_FOUND',
  'QUOTA_EXHAUSTED',
  'ACTIVE_BOOKING_EXISTS',
  'DAILY_LIMIT_REACHED',
  'BOOKING_CLOSED',
  'SUSPENDED',
  'VERIFICATION_REQUIRED',
  'PROVIDER_UNAVAILABLE',
  'RATE_LIMITED',
] as const satisfies readonly ErrorCode[];

const SIGN_IN = ['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED'] as const satisfies readonly ErrorCode[];
/** Sign-in's refusals; `OTP_REQUIRED` once the password was right, for an account with two-step sign-in. */
const ADMIN_SIGN_IN = [...SIGN_IN, 'OTP_REQUIRED'] as const satisfies readonly ErrorCode[];

export const operations: Record<EndpointName, OperationDoc> = {
  createDeviceSession: { summary: 'Start a recipient session with a device key (where device keys are enabled)', errors: ['FORBIDDEN', 'RATE_LIMITED'] },
  sessionMethods: { summary: 'Which ways of signing in this deployment accepts' },
  createPhoneChallenge: { summary: 'Send a sign-in code to a phone by SMS', errors: ['RATE_LIMITED', 'NOT_CONFIGURED'] },
  createPhoneSession: { summary: 'Start a recipient session with a phone and its SMS code', errors: ['UNAUTHENTICATED', 'RATE_LIMITED', 'NOT_CONFIGURED'] },
  createWechatSession: { summary: 'Start a recipient session with a wx.login code', errors: ['UNAUTHENTICATED', 'RATE_LIMITED', 'NOT_CONFIGURED'] },
  createStaffSession: { summary: 'Sign a staff member in with username and password', errors: SIGN_IN },
  createAdminSession: { summary: 'Sign an administrator in with username and password, and a code where two-step sign-in is on', errors: ADMIN_SIGN_IN },
  getMe: { summary: 'The signed-in recipient: verification, limits left, any pause' },

  listDistricts: { summary: 'Districts and their sub-districts' },
  listProviders: { summary: 'Providers of a district with today’s meals left (may be a second old)' },
  getProvider: { summary: 'One provider with today’s offerings and pickup windows', errors: ['NOT_FOUND'] },
  publicStats: { summary: 'The programme’s published impact figures' },
  latestLeaderboard: { summary: 'The latest published leaderboard of a period kind', errors: ['NOT_FOUND'] },
  getLeaderboard: { summary: 'One published leaderboard version (latest unless ?version=)', errors: ['NOT_FOUND'] },

  createBooking: { summary: 'Book a meal in a pickup window; answers the voucher', errors: BOOKING_REFUSALS },
  listBookings: { summary: 'The recipient’s bookings, newest first' },
  getBooking: { summary: 'One of the recipient’s bookings with its voucher while live', errors: ['NOT_FOUND'] },
  cancelBooking: { summary: 'Cancel a live booking; the meal goes back', errors: ['NOT_FOUND', 'CONFLICT'] },
  previewWalkIn: { summary: 'What a poster would claim if tapped now: the restaurant, the meal and window, or the next window', errors: ['NOT_FOUND'] },
  createWalkIn: { summary: 'Claim a meal at the counter from the provider’s poster', errors: [...BOOKING_REFUSALS, 'INVALID_VOUCHER'] },
  thankProvider: { summary: 'Like a redeemed meal and optionally leave a short note', errors: ['NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'] },
  reportSafety: { summary: 'Report a food-safety problem to the administrators', errors: ['NOT_FOUND', 'FORBIDDEN', 'RATE_LIMITED'] },
  submitVerification: { summary: 'Apply to be verified (sealed personal details)', errors: ['CONFLICT', 'RATE_LIMITED'] },

  redeem: {
    summary: 'Redeem a voucher (scanned) or a backup code (typed) at the counter',
    errors: ['INVALID_VOUCHER', 'ALREADY_REDEEMED', 'NOT_REDEEMABLE', 'PROVIDER_UNAVAILABLE', 'RATE_LIMITED'],
  },
  staffWalkIn: { summary: 'Record a meal handed to someone without a phone', errors: ['NOT_FOUND', 'QUOTA_EXHAUSTED', 'BOOKING_CLOSED', 'PROVIDER_UNAVAILABLE'] },
  staffToday: { summary: 'Today’s offerings and counts at the staff member’s provider' },
  staffPoints: { summary: 'The provider’s points: balance, held credits and the ledger' },
  staffPoster: { summary: 'The provider’s walk-in poster' },
  rotatePoster: { summary: 'Replace the poster token (the old poster stops working)', errors: ['NOT_FOUND'] },
  voucherKey: { summary: 'The public key that checks vouchers offline' },
  listCatalog: { summary: 'The ingredient catalogue: items, their points price and stock' },
  createExchange: { summary: 'Order catalogue items with points (taken at once, with the stock)', errors: ['NOT_FOUND', 'INSUFFICIENT_POINTS', 'OUT_OF_STOCK', 'PROVIDER_UNAVAILABLE', 'CONFLICT'] },
  staffExchanges: { summary: 'The provider’s exchanges and their status' },
  staffThanks: { summary: 'Thank-you notes and likes left for the provider (never who wrote them)' },

  putDistrict: { summary: 'Create or replace a district and its sub-districts' },
  adminListProviders: { summary: 'Providers with search and filters' },
  expiringDocuments: { summary: 'Licences and permits expiring within a number of days, or expired' },
  createProvider: { summary: 'Create a provider (pending until approved)', errors: ['NOT_FOUND', 'CONFLICT'] },
  adminGetProvider: { summary: 'One provider with its documents and offerings', errors: ['NOT_FOUND'] },
  adminListStaff: { summary: 'A provider’s staff accounts', errors: ['NOT_FOUND'] },
  adminProviderPoster: { summary: 'A provider’s walk-in poster', errors: ['NOT_FOUND'] },
  updateProvider: { summary: 'Edit a provider’s profile and documents', errors: ['NOT_FOUND', 'CONFLICT'] },
  approveProvider: { summary: 'Approve a provider', errors: ['NOT_FOUND', 'CONFLICT'] },
  suspendProvider: { summary: 'Suspend a provider, with a reason; its live bookings are cancelled', errors: ['NOT_FOUND', 'CONFLICT'] },
  reinstateProvider: { summary: 'Reinstate a suspended provider (its documents must be valid)', errors: ['NOT_FOUND', 'CONFLICT'] },
  putOffering: { summary: 'Create or replace an offering contract', errors: ['NOT_FOUND', 'CONFLICT'] },
  createStaff: { summary: 'Create a staff account for a provider', errors: ['NOT_FOUND', 'CONFLICT'] },
  disableStaff: { summary: 'Disable a staff account; its sessions end', errors: ['NOT_FOUND'] },
  enableStaff: { summary: 'Re-enable a disabled staff account', errors: ['NOT_FOUND', 'CONFLICT'] },
  resetStaffPassword: { summary: 'Set a staff account’s password; its sessions end', errors: ['NOT_FOUND'] },
  endAdminSessions: { summary: 'Sign out everywhere: every session of the calling admin account ends within seconds' },
  adminMe: { summary: 'The signed-in administrator: role, sub-districts, two-step sign-in' },
  changeAdminPassword: { summary: 'Change one’s own password (the current one proves it is you); other sessions end', errors: ['UNAUTHENTICATED'] },
  enrolTotp: { summary: 'Start two-step sign-in: a new secret for an authenticator app (replaces one not yet confirmed)', errors: ['CONFLICT'] },
  confirmTotp: { summary: 'Turn two-step sign-in on with a code from the new secret; answers the recovery codes, once', errors: ['CONFLICT'] },
  listAdminAccounts: { summary: 'Every administrator account (owners)' },
  createAdminAccount: { summary: 'Create an administrator with a role (owners)', errors: ['CONFLICT'] },
  updateAdminAccount: { summary: 'Rename, re-district or disable an administrator (owners); a role change goes through four eyes', errors: ['NOT_FOUND', 'CONFLICT'] },
  resetAdminPassword: { summary: 'Set another administrator’s password (owners); they must change it at next sign-in, and their sessions end', errors: ['NOT_FOUND'] },
  endAccountSessions: { summary: 'End every session of another administrator (owners)', errors: ['NOT_FOUND'] },
  changeAdminRole: { summary: 'Ask to change an administrator’s role (owners): it waits for a second owner’s approval', errors: ['NOT_FOUND', 'CONFLICT'] },
  listApprovals: { summary: 'Changes waiting for a second administrator (four eyes), or decided ones' },
  approveApproval: { summary: 'Approve another administrator’s request: the change happens, exactly once', errors: ['NOT_FOUND', 'CONFLICT', 'INSUFFICIENT_POINTS'] },
  rejectApproval: { summary: 'Turn down a pending request with a reason (the requester may withdraw their own)', errors: ['NOT_FOUND', 'CONFLICT'] },
  resetAdminTotp: { summary: 'Turn another administrator’s two-step sign-in off for a lost phone (owners); their sessions end', errors: ['NOT_FOUND', 'CONFLICT'] },
  listVerifications: { summary: 'Verification applications with their decrypted details (phones masked)' },
  approveVerification: { summary: 'Approve a verification application', errors: ['NOT_FOUND', 'CONFLICT'] },
  rejectVerification: { summary: 'Reject a verification application, with a reason the applicant reads', errors: ['NOT_FOUND', 'CONFLICT'] },
  revokeVerification: { summary: 'Revoke an approved verification, with a reason', errors: ['NOT_FOUND', 'CONFLICT'] },
  revealVerificationPhone: { summary: 'An applicant’s whole phone number (the read is audited)', errors: ['NOT_FOUND', 'CONFLICT'] },

  adminProviderPoints: { summary: 'A provider’s points and ledger', errors: ['NOT_FOUND'] },
  createPointsAdjustment: { summary: 'Adjust a provider’s points with a reason (above the four-eyes threshold: 202, waiting for approval)', errors: ['NOT_FOUND', 'INSUFFICIENT_POINTS'] },
  createPointsReversal: { summary: 'Reverse a credit with a reason (above the four-eyes threshold: 202, waiting for approval)', errors: ['NOT_FOUND', 'CONFLICT', 'INSUFFICIENT_POINTS'] },
  listAudit: { summary: 'The audit log, filtered by actor, action, target, a provider with its parts, and date' },
  auditCsv: { summary: 'The same entries as CSV for spreadsheets, in Chinese' },

  adminCatalog: { summary: 'Every catalogue item, hidden ones included' },
  putCatalogItem: { summary: 'Create a catalogue item with its opening stock, or edit it from the version it was read at (never its stock)', errors: ['NOT_FOUND', 'CONFLICT'] },
  adjustCatalogStock: { summary: 'Add stock to a catalogue item or take it out, with a reason (never below zero)', errors: ['NOT_FOUND', 'OUT_OF_STOCK'] },
  adminExchanges: { summary: 'Exchanges across providers, by status' },
  fulfilExchange: { summary: 'Mark an exchange fulfilled', errors: ['NOT_FOUND', 'CONFLICT'] },
  rejectExchange: { summary: 'Reject an exchange with a reason: points and stock go back once', errors: ['NOT_FOUND', 'CONFLICT'] },
  adminStats: { summary: 'Impact figures by day, month, sub-district or provider' },
  adminStatsCsv: { summary: 'The same figures as CSV for spreadsheets' },
  previewLeaderboard: { summary: 'A leaderboard as it would be published now, flagged providers marked' },
  adminListLeaderboards: { summary: 'Every published leaderboard version, newest first' },
  adminIntegrity: { summary: 'Integrity signals per provider, each judged against its sub-district, and the providers whose points are held' },
  clearIntegrity: { summary: 'Clear a provider’s integrity flag with a reason: its held points mature again', errors: ['NOT_FOUND', 'CONFLICT'] },
  publishLeaderboard: { summary: 'Publish a period’s leaderboard as a new immutable version, once the period has ended and been rolled up', errors: ['PERIOD_OPEN'] },
  withdrawLeaderboard: { summary: 'Take a published version off the public board, with a reason', errors: ['CONFLICT'] },
  adminThanks: { summary: 'Thank-you notes across providers' },
  hideThanks: { summary: 'Hide a thank-you note everywhere', errors: ['NOT_FOUND'] },
  adminSafetyReports: { summary: 'Food-safety reports, open or closed' },
  closeSafetyReport: { summary: 'Close a food-safety report with what was done', errors: ['CONFLICT'] },
};

/** Every refusal an endpoint can answer: its own (above) and those of its shape. */
export function errorsOf(name: EndpointName, e: Endpoint): ErrorCode[] {
  // Unknown query parameters, a body that is not JSON, or one sent where none belongs are
  // refused on every route.
  const codes = new Set<ErrorCode>([...(operations[name].errors ?? []), 'BAD_REQUEST', 'VALIDATION_FAILED']);
  if (e.body) codes.add('PAYLOAD_TOO_LARGE');
  if (e.params) codes.add('NOT_FOUND');
  if (e.auth !== 'public') ['UNAUTHENTICATED', 'FORBIDDEN'].forEach((c) => codes.add(c as ErrorCode));
  // An administrator who must first change a reset password, or enrol in two-step sign-in (where required).
  if (e.auth === 'admin') ['PASSWORD_CHANGE_REQUIRED', 'TOTP_REQUIRED'].forEach((c) => codes.add(c as ErrorCode));
  // Any operation may meet contention that outlasts its retries, or a bug.
  codes.add('BUSY');
  codes.add('INTERNAL');
  return [...codes];
}
