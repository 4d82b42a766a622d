// One line per call, typed from the contract. Pages import these, never request() itself.
import { endpoints, type Period, type CreateBookingBody, type ProvidersQuery, type RedemptionBody, type SafetyReportBody, type ThanksBody, type VerificationBody } from '@contract';
import { request } from './request';
import { markMealsChanged } from './listing-freshness';
import { withSession } from './session';

/** A booking, cancel or walk-in that went through changed meals left: the home page asks again. */
async function changesMeals<T extends { ok: boolean }>(call: Promise<T>): Promise<T> {
  const answer = await call;
  if (answer.ok) markMealsChanged();
  return answer;
}

export type { Failure, Result } from './request';
export { newIdempotencyKey } from './request';

// Public
export const listDistricts = () => request(endpoints.listDistricts);
export const listProviders = (query: ProvidersQuery = {}) => request(endpoints.listProviders, { query });
export const getProvider = (id: string) => request(endpoints.getProvider, { params: { id } });
export const publicStats = () => request(endpoints.publicStats);
export const latestLeaderboard = (period: Period) => request(endpoints.latestLeaderboard, { query: { period } });
export const getLeaderboard = (period: Period, key: string, version?: number) =>
  request(endpoints.getLeaderboard, { params: { period, key }, query: version ? { version } : {} });

// Recipient sign-in by phone (where device keys are off)
export const sendPhoneCode = (phone: string) => request(endpoints.createPhoneChallenge, { body: { phone } });
export const phoneSignIn = (phone: string, code: string) => request(endpoints.createPhoneSession, { body: { phone, code } });

// Recipient (a session is obtained on first use)
export const getMe = () => withSession(() => request(endpoints.getMe));
/** For a page being browsed: never opens the phone page (see ensureToken). */
export const peekMe = () => withSession(() => request(endpoints.getMe), false);
export const peekBookings = () => withSession(() => request(endpoints.listBookings), false);
export const createBooking = (body: CreateBookingBody, idempotencyKey: string) =>
  changesMeals(withSession(() => request(endpoints.createBooking, { body, idempotencyKey })));
export const listBookings = () => withSession(() => request(endpoints.listBookings));
export const getBooking = (id: string) => withSession(() => request(endpoints.getBooking, { params: { id } }));
export const cancelBooking = (id: string) => changesMeals(withSession(() => request(endpoints.cancelBooking, { params: { id } })));
/** What the poster would claim if tapped now (nothing is booked). */
export const previewWalkIn = (poster: string) => withSession(() => request(endpoints.previewWalkIn, { query: { poster } }));
export const createWalkIn = (poster: string, idempotencyKey: string) =>
  changesMeals(withSession(() => request(endpoints.createWalkIn, { body: { poster }, idempotencyKey })));
export const thankProvider = (id: string, body: ThanksBody) => withSession(() => request(endpoints.thankProvider, { params: { id }, body }));
export const reportSafety = (body: SafetyReportBody, idempotencyKey: string) =>
  withSession(() => request(endpoints.reportSafety, { body, idempotencyKey }));
export const submitVerification = (body: VerificationBody, idempotencyKey: string) =>
  withSession(() => request(endpoints.submitVerification, { body, idempotencyKey }));

// Staff (their own session, kept apart from the recipient's: see request.ts)
/** `device`: the credential this device's last sign-in under that name answered (services/sign-in-devices.ts). */
export const staffSignIn = (username: string, password: string, device?: string) =>
  request(endpoints.createStaffSession, { body: { username, password, ...(device ? { device } : {}) } });
export const redeem = (body: RedemptionBody, idempotencyKey: string) => request(endpoints.redeem, { body, idempotencyKey });
export const staffWalkIn = (offeringId: string, count: number, idempotencyKey: string) =>
  request(endpoints.staffWalkIn, { body: { offeringId, count }, idempotencyKey });
export const staffToday = () => request(endpoints.staffToday);
export const staffPoints = (cursor?: string) => request(endpoints.staffPoints, { query: cursor ? { cursor } : {} });
export const staffCatalog = () => request(endpoints.listCatalog);
export const createExchange = (itemId: string, quantity: number, idempotencyKey: string) =>
  request(endpoints.createExchange, { body: { itemId, quantity }, idempotencyKey });
export const staffExchanges = (cursor?: string) => request(endpoints.staffExchanges, { query: cursor ? { cursor } : {} });
/** The restaurant's likes and notes; `cursor` for older notes. */
export const staffThanks = (cursor?: string) => request(endpoints.staffThanks, { query: cursor ? { cursor } : {} });
export const staffPoster = () => request(endpoints.staffPoster);
