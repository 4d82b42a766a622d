import type { BookingStatus } from '../contract/bookings.js';
import type { ErrorCode } from '../contract/common.js';
import type { PickupWindow } from '../contract/providers.js';
import type { Config } from '../config.js';
import { DomainError } from './errors.js';
import { runsOn } from './offering.js';
import { isOpenForBookings, type ProviderState } from './provider.js';
import { addDays, hhmmOf, minutesOf, type LocalMoment } from './time.js';

export type Decision<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string; details?: Record<string, unknown> };
const refuse = (code: ErrorCode, message: string, details?: Record<string, unknown>): Decision<never> =>
  details ? { ok: false, code, message, details } : { ok: false, code, message };

/** The decided value, or the refusal thrown as the contract's error. */
export function unwrap<T>(d: Decision<T>): T {
  if (!d.ok) throw new DomainError(d.code, d.message, d.details);
  return d.value;
}

export interface OfferingState {
  active: boolean;
  weekdays: number[];
  windows: PickupWindow[];
  dailyQuota: number;
}

/**
 * May a meal of this offering be booked for this window right now? Bookings are for today only,
 * until the chosen window ends. Quota and the recipient's limits are checked by the transaction.
 */
export function decideBooking(provider: ProviderState, offering: OfferingState, windowId: string, now: LocalMoment): Decision<PickupWindow> {
  if (!isOpenForBookings(provider, now.date)) return refuse('PROVIDER_UNAVAILABLE', 'this provider is not taking bookings');
  if (!runsOn(offering, now.weekday)) return refuse('BOOKING_CLOSED', 'this offering is not on today');
  const window = offering.windows.find((w) => w.id === windowId);
  if (!window) return refuse('NOT_FOUND', `no pickup window ${windowId} for this offering`);
  if (now.minutes >= minutesOf(window.end)) return refuse('BOOKING_CLOSED', `the ${window.start}–${window.end} window is over for today`);
  if (offering.dailyQuota <= 0) return refuse('QUOTA_EXHAUSTED', 'no meals left today');
  return { ok: true, value: window };
}

/**
 * For a walk-in: the window whose pickup period is open now (from `graceMinutes` before its start
 * until it ends), or none. A poster is scanned at the door: a copied one must not book from
 * across town for a window hours away.
 */
export function openWindow(windows: PickupWindow[], now: LocalMoment, graceMinutes: number): PickupWindow | null {
  const open = windows.filter((w) => now.minutes >= minutesOf(w.start) - graceMinutes && now.minutes < minutesOf(w.end)).sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  return open[0] ?? null;
}

/** The recipient counters the booking transaction conditions on. */
export interface RecipientLimitsState {
  liveBooking: string | null;
  claims: number;
  verifiedUntil: string | null;
  suspendedUntil: string | null;
  daily: Record<string, number>;
  monthly: Record<string, number>;
}

export const isVerified = (r: Pick<RecipientLimitsState, 'verifiedUntil'>, today: string): boolean =>
  r.verifiedUntil !== null && r.verifiedUntil >= today;

/** The last day an approval decided on `decidedOn` is valid: "lasts 90 days" counts the decision day as the first. */
export const verifiedThrough = (decidedOn: string, validDays: number): string => addDays(decidedOn, validDays - 1);

/**
 * Why the recipient may not claim today, or null. The store's condition expression says the same
 * thing in DynamoDB's words; this reads the item returned when that condition fails.
 */
export function recipientRefusal(r: RecipientLimitsState, today: string, c: Config): Decision<never> | null {
  if (r.suspendedUntil !== null && r.suspendedUntil >= today) {
    return refuse('SUSPENDED', `booking is paused until ${r.suspendedUntil} after missed pickups`, { suspendedUntil: r.suspendedUntil });
  }
  if (r.liveBooking !== null) return refuse('ACTIVE_BOOKING_EXISTS', 'you already have a meal booked; pick it up or cancel it first');
  if ((r.daily[today] ?? 0) >= c.claims.perDay) return refuse('DAILY_LIMIT_REACHED', 'one meal a day; come back tomorrow', { limit: 'day' });
  if ((r.monthly[today.slice(0, 7)] ?? 0) >= c.claims.verifiedPerMonth) {
    return refuse('DAILY_LIMIT_REACHED', `at most ${c.claims.verifiedPerMonth} meals a month`, { limit: 'month' });
  }
  if (r.claims >= c.claims.freeClaims && !isVerified(r, today)) return refuse('VERIFICATION_REQUIRED', `the first ${c.claims.freeClaims} meals need no check; please apply for verification`);
  return null;
}

/** The local date-time (YYYY-MM-DDTHH:MM) `minutes` after the start of `date`; past midnight it is the next day's. */
function stampAt(date: string, minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${addDays(date, Math.floor(minutes / 1440))}T${hhmmOf(m)}`;
}

export const localStamp = (now: LocalMoment): string => `${now.date}T${now.time}`;

/**
 * A booking's pickup period in local date-times: redeemable from `opens` (inclusive) until
 * `closes` (exclusive); from `closes` on, an unredeemed booking is a no-show. The counter and the
 * expiry job both judge by this one boundary, so a meal is never both redeemable and expirable.
 * The grace belongs to the booking's date even when it runs past midnight.
 */
export function pickupPeriod(date: string, window: PickupWindow, graceMinutes: number): { opens: string; closes: string } {
  return { opens: stampAt(date, minutesOf(window.start) - graceMinutes), closes: stampAt(date, minutesOf(window.end) + graceMinutes) };
}

/** The local date-time from which an unredeemed booking is a no-show (stored on the booking for the expiry job's query). */
export const expiresAtLocal = (date: string, window: PickupWindow, graceMinutes: number): string => pickupPeriod(date, window, graceMinutes).closes;

/** Is the booking's pickup period over at `now`? Exactly when the counter refuses it as too late and the job may expire it. */
export const pickupClosed = (b: { date: string; window: PickupWindow }, now: LocalMoment, graceMinutes: number): boolean =>
  localStamp(now) >= expiresAtLocal(b.date, b.window, graceMinutes);

/**
 * The dates whose backup codes may still be redeemable now: today's, and just after midnight
 * also yesterday's (a late window's grace runs into the next day; no window ends after 23:59).
 */
export const redemptionDates = (now: LocalMoment, graceMinutes: number): string[] =>
  now.minutes < graceMinutes ? [now.date, addDays(now.date, -1)] : [now.date];

export interface RedeemableBooking {
  providerId: string;
  date: string;
  window: PickupWindow;
  status: BookingStatus;
}

/** Why a live voucher cannot be redeemed now (NOT_REDEEMABLE's `details.reason`; a cancelled or expired one has `details.status`). */
export type NotRedeemableReason = 'another_day' | 'too_early' | 'too_late';

/**
 * Staff may redeem their own provider's booking, on its day, from `grace` minutes before the
 * window until `grace` after. What became of a booking (cancelled, expired, used) is said only to
 * its own provider's staff and only on its day; nothing about the person, ever.
 */
export function decideRedemption(b: RedeemableBooking, staffProviderId: string, now: LocalMoment, graceMinutes: number): Decision<true> {
  // Answered like a forged one: staff must not learn that another restaurant's voucher exists.
  if (b.providerId !== staffProviderId) return refuse('INVALID_VOUCHER', 'this voucher or code is not valid');
  const { opens, closes } = pickupPeriod(b.date, b.window, graceMinutes);
  const stamp = localStamp(now);
  // The details let the counter say why and when ("come back at 11:15"), in the staff's language.
  const why = (reason: NotRedeemableReason) => ({ reason, date: b.date, window: { start: b.window.start, end: b.window.end }, graceMinutes });
  // Its day is the day the counter looks its code up: its date, and yesterday's until just after midnight.
  // A past day's voucher says only its date (no details): what became of it is not told after its day.
  if (!redemptionDates(now, graceMinutes).includes(b.date)) {
    const message = `this voucher is for ${b.date}`;
    return b.date > now.date ? refuse('NOT_REDEEMABLE', message, why('another_day')) : refuse('NOT_REDEEMABLE', message);
  }
  if (b.status === 'REDEEMED') return refuse('ALREADY_REDEEMED', 'this voucher has already been used');
  if (b.status !== 'BOOKED') return refuse('NOT_REDEEMABLE', `this booking is ${b.status.toLowerCase()}`, { status: b.status });
  if (stamp < opens) return refuse('NOT_REDEEMABLE', `too early: pickup opens at ${b.window.start}`, why('too_early'));
  if (stamp >= closes) return refuse('NOT_REDEEMABLE', `too late: pickup closed at ${b.window.end}`, why('too_late'));
  return { ok: true, value: true };
}

/** May the recipient still cancel? Until their window ends. */
export function decideCancel(b: RedeemableBooking, now: LocalMoment): Decision<true> {
  if (b.status !== 'BOOKED') return refuse('CONFLICT', `this booking is already ${b.status.toLowerCase()}`);
  if (b.date < now.date || (b.date === now.date && now.minutes >= minutesOf(b.window.end))) {
    return refuse('BOOKING_CLOSED', 'the pickup window is over; the booking can no longer be cancelled');
  }
  return { ok: true, value: true };
}

/**
 * Is cancelling now "late"? From the window's opening (less the configured lead) on the booking's
 * day: the meal still goes back to the slot, but the cancel counts as a no-show.
 */
export function isLateCancel(b: { date: string; window: PickupWindow }, now: LocalMoment, c: Config): boolean {
  return b.date < now.date || (b.date === now.date && now.minutes >= minutesOf(b.window.start) - c.noShows.lateCancelLeadMinutes);
}

/**
 * After a no-show on the booking's date `day` (not the day the job noticed it, which for a late
 * window is the next one): suspended until when, if the no-shows within the 30 days ending on
 * `day` reach the threshold.
 */
export function suspensionAfterNoShow(noShowDates: string[], day: string, c: Config): string | null {
  const since = addDays(day, -c.noShows.withinDays);
  const recent = noShowDates.filter((d) => d > since && d <= day);
  return recent.length >= c.noShows.threshold ? addDays(day, c.noShows.suspensionDays) : null;
}

/** Points a redeemed meal earns its provider: its value in whole yuan. */
export const pointsFor = (valueFen: number): number => Math.floor(valueFen / 100);
