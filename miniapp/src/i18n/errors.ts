// The one place that turns a failure into words. Pages never show the server's `message` (it is
// English, for developers): they show the sentence for the code, completed from the error's details.
import type { Failure } from '../services/request';
import { hmToMinutes } from '../services/time';
import { isMessageKey, type I18n } from './index';

const minutesToHm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Where the failure is shown, when a code means something else there:
 * - 'staff': staff screens (FORBIDDEN is another restaurant's voucher, not a missing right);
 * - 'scan': what staff scanned or typed (input that fails the contract is an invalid voucher);
 * - 'walkIn': a pasted poster code (the same);
 * - 'signIn': the staff sign-in form (a refusal means a wrong name or password).
 */
export type ErrorContext = 'staff' | 'scan' | 'walkIn' | 'signIn';

type Details = Record<string, unknown>;
const detailsOf = (failure: Pick<Failure, 'details'>): Details =>
  failure.details && typeof failure.details === 'object' ? (failure.details as Details) : {};
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** A sentence for the code that the details make more precise, or undefined to use the plain one. */
function withDetails(t: I18n['t'], failure: Pick<Failure, 'code' | 'details'>): string | undefined {
  const d = detailsOf(failure);
  if (failure.code === 'SUSPENDED' && text(d.suspendedUntil)) return t('error.SUSPENDED_UNTIL', { d: text(d.suspendedUntil)! });
  if (failure.code === 'PERIOD_OPEN' && text(d.lastDay)) return t('error.PERIOD_OPEN_DAY', { d: text(d.lastDay)! });
  if (failure.code === 'NOT_REDEEMABLE') {
    // At the counter: say what became of the booking, so staff can tell the person.
    if (d.status === 'CANCELLED') return t('error.NOT_REDEEMABLE_CANCELLED');
    if (d.status === 'EXPIRED') return t('error.NOT_REDEEMABLE_EXPIRED');
    // Staff can then say "come back at 11:15" instead of guessing between cancelled, expired and early.
    const key = `staff.notRedeemable.${text(d.reason) ?? ''}`;
    const w = (d.window ?? {}) as { start?: unknown; end?: unknown };
    const start = text(w.start);
    if (!isMessageKey(key) || !start) return undefined;
    const grace = typeof d.graceMinutes === 'number' ? d.graceMinutes : 0;
    return t(key, { d: text(d.date) ?? '', s: start, e: text(w.end) ?? '', from: minutesToHm(hmToMinutes(start) - grace) });
  }
  // At the counter of a suspended provider: not the ingredient shop's words, the counter's.
  if (failure.code === 'PROVIDER_UNAVAILABLE' && d.at === 'handout') return t('staff.error.SUSPENDED_HANDOUT');
  // Staff ordering ingredients: how many are left, so they can order fewer.
  if (failure.code === 'OUT_OF_STOCK' && typeof d.stock === 'number') return t('staff.error.OUT_OF_STOCK_LEFT', { n: d.stock });
  // A password sign-in's throttle counts where the guesses come from: say which, since a device
  // that signed in before is exempt from the network's.
  if (failure.code === 'RATE_LIMITED' && d.limit === 'signin-fail-client') return t('error.SIGN_IN_LIMITED_ADDRESS');
  if (failure.code === 'RATE_LIMITED' && d.limit === 'signin-fail-device') return t('error.SIGN_IN_LIMITED_DEVICE');
  // One code, two limits: the details say whether the day's or the month's claims are used up.
  if (failure.code === 'DAILY_LIMIT_REACHED' && d.limit === 'month') return t('error.MONTHLY_LIMIT_REACHED');
  return undefined;
}

/**
 * A failure as one plain sentence saying what to do next, in the current language.
 * `context` picks the wording for a screen where a code means something else.
 */
export function errorText(t: I18n['t'], failure: Pick<Failure, 'code' | 'details'>, context?: ErrorContext): string {
  if ((context === 'scan' || context === 'walkIn') && failure.code === 'INVALID_INPUT') return t('error.INVALID_VOUCHER');
  if (context === 'signIn' && (failure.code === 'UNAUTHENTICATED' || failure.code === 'INVALID_INPUT')) return t('staff.signin.wrong');
  const detailed = withDetails(t, failure);
  if (detailed) return detailed;
  if (context === 'staff' || context === 'scan' || context === 'signIn') {
    const own = `staff.error.${failure.code}`;
    if (isMessageKey(own)) return t(own);
  }
  const key = `error.${failure.code}`;
  return isMessageKey(key) ? t(key) : t('error.generic');
}
