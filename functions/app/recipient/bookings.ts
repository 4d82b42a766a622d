import type { Booking, CreateBookingBody, WalkInPreview } from '../../contract/bookings.js';
import type { PickupWindow } from '../../contract/providers.js';
import { decideBooking, decideCancel, expiresAtLocal, isLateCancel, openWindow, recipientRefusal, unwrap } from '../../domain/booking.js';
import { busy, DomainError, notFound, unexpected } from '../../domain/errors.js';
import { runsOn } from '../../domain/offering.js';
import { hhmmOf, localMoment, minutesOf, type LocalMoment } from '../../domain/time.js';
import { newId } from '../../security/ids.js';
import { newBackupCode } from '../../security/vouchers.js';
import type { BookingRecord, Offering, Provider } from '../../store/index.js';
import type { RecipientCtx } from '../context.js';
import { idempotency } from '../idempotency.js';
import { suspendIfDue } from '../no-shows.js';
import { rateIntent } from '../rate-limit.js';

type BookingAnswer = { booking: Booking };

/** The recipient's view: voucher and code only while the booking is live. */
export function bookingView(b: BookingRecord): Booking {
  const live = b.status === 'BOOKED';
  return {
    id: b.id,
    status: b.status,
    providerId: b.providerId,
    providerName: b.providerName,
    offeringId: b.offeringId,
    offeringName: b.offeringName,
    kind: b.kind,
    date: b.date,
    window: b.window,
    voucher: live ? b.voucher : null,
    code: live ? b.code : null,
    createdAt: b.createdAt,
    redeemedAt: b.redeemedAt,
    cancelReason: b.status === 'CANCELLED' ? (b.cancelReason ?? null) : null,
    thankedAt: b.thankedAt ?? null,
  };
}

async function offeringById(ctx: RecipientCtx, offeringId: string): Promise<{ provider: Provider; offering: Offering }> {
  const providerId = await ctx.deps.listing.ownerOf(offeringId);
  const provider = providerId ? await ctx.deps.listing.provider(providerId) : null;
  const offering = provider?.offerings[offeringId];
  if (!provider || !offering) return notFound('offering');
  return { provider, offering };
}

const CODE_ATTEMPTS = 5;

const soldOut = () => new DomainError('QUOTA_EXHAUSTED', 'no meals left for this offering today');
/** Names a slot at a given capacity, so raising the quota is never blocked by an old hint. */
export const slotHint = (providerId: string, date: string, offeringId: string, capacity: number) => `${providerId}|${date}|${offeringId}|${capacity}`;

/**
 * One booking in one round trip: slot, booking, code, recipient, the rate counter and (with a key)
 * the idempotency record in one transaction.
 */
async function book(
  ctx: RecipientCtx,
  place: { provider: Provider; offering: Offering },
  windowId: string,
  now: LocalMoment,
  channel: BookingRecord['channel'],
  { idem, rate }: Attempt,
): Promise<BookingAnswer> {
  const { deps } = ctx;
  const { provider, offering } = place;
  const window = unwrap(decideBooking(provider, offering, windowId, now));
  const slot = slotHint(provider.id, now.date, offering.id, offering.dailyQuota);
  return deps.slotGate.run(slot, async () => {
    if (deps.listing.soldOut.has(slot)) throw soldOut();
    for (let attempt = 1; attempt <= CODE_ATTEMPTS; attempt++) {
      const id = newId('b');
      const record: BookingRecord = {
        id,
        recipientId: ctx.principal.id,
        providerId: provider.id,
        providerName: provider.name,
        offeringId: offering.id,
        offeringName: offering.name,
        kind: offering.kind,
        valueFen: offering.valueFen,
        date: now.date,
        window,
        status: 'BOOKED',
        code: newBackupCode(),
        voucher: deps.vouchers.issue(id, provider.id, now.date),
        expiresAtLocal: expiresAtLocal(now.date, window, deps.config.redemption.graceMinutes),
        createdAt: ctx.now.toISOString(),
        redeemedAt: null,
        channel,
      };
      const answer = { booking: bookingView(record) };
      const out = await deps.store.bookings.book(record, { today: now.date, month: now.date.slice(0, 7), capacity: offering.dailyQuota }, { rate: rate.intent, idempotency: idem.intent(answer) });
      if (out.ok) return answer;
      switch (out.part) {
        case 'code':
          continue; // a one-in-millions collision with a live code: draw another
        case 'slot':
          deps.listing.soldOut.mark(slot);
          throw soldOut();
        case 'recipient': {
          if (!out.old) throw new DomainError('UNAUTHENTICATED', 'sign in again');
          const refusal = recipientRefusal(out.old, now.date, deps.config);
          // The condition failed on a state that has since changed (a racing request): report it as busy.
          if (!refusal) throw busy();
          return unwrap(refusal);
        }
        case 'rate':
          throw rate.refused();
        case 'idempotency':
          return idem.replay();
        case 'booking':
        case 'audit':
        case 'impact':
        case 'approval':
          return unexpected('booking', out);
        default: {
          const unreachable: never = out;
          throw new Error(`unhandled outcome ${JSON.stringify(unreachable)}`);
        }
      }
    }
    throw busy();
  });
}

/** A booking attempt's idempotency record and its place in the recipient's booking rate window. */
interface Attempt {
  idem: ReturnType<typeof idempotency<BookingAnswer>>;
  rate: ReturnType<typeof rateIntent>;
}

/** Refusals that are not the recipient's attempt being judged: the window itself, and contention (safe to retry). */
const UNCOUNTED = new Set(['RATE_LIMITED', 'BUSY']);

/**
 * A replay answers before anything else is checked: it is not a new attempt. Every other attempt
 * counts toward the booking rate, refused ones too (a sold-out slot, a closed window, a second
 * claim today): tapping through refusals is no cheaper than booking.
 */
async function attempt(ctx: RecipientCtx, scope: string, body: unknown, run: (a: Attempt) => Promise<BookingAnswer>): Promise<BookingAnswer> {
  const a: Attempt = {
    idem: idempotency<BookingAnswer>(ctx, scope, body),
    rate: rateIntent(ctx, 'booking', ctx.principal.id, ctx.deps.config.rateLimits.bookingsPerMinute, 60),
  };
  const prior = await a.idem.prior();
  if (prior) return prior;
  try {
    return await run(a);
  } catch (e) {
    if (e instanceof DomainError && !UNCOUNTED.has(e.code)) await a.rate.countRefused();
    throw e;
  }
}

export async function createBooking(ctx: RecipientCtx, body: CreateBookingBody): Promise<BookingAnswer> {
  return attempt(ctx, 'booking', body, async (a) => {
    const now = localMoment(ctx.now, ctx.deps.config.timeZone);
    return book(ctx, await offeringById(ctx, body.offeringId), body.windowId, now, 'app', a);
  });
}

const POSTER = /^M1W\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{16,64})$/;

/** The provider a poster names, when its token is the one in force. */
async function posterProvider(ctx: RecipientCtx, poster: string): Promise<Provider> {
  const m = POSTER.exec(poster);
  const provider = m ? await ctx.deps.listing.provider(m[1]!) : null;
  return m && provider?.posterToken && provider.posterToken === m[2] ? provider : notFound('poster');
}

/** Today's offerings a poster can claim from (active, running today, with meals). */
const claimable = (provider: Provider, now: LocalMoment) => Object.values(provider.offerings).filter((o) => o.active && runsOn(o, now.weekday) && o.dailyQuota > 0);

/** What a poster can claim now: of `offerings`, those with a window open now, earliest window first, a meal before a blind box. */
function walkInCandidates(ctx: RecipientCtx, offerings: Offering[], now: LocalMoment) {
  return offerings
    .map((o) => ({ offering: o, window: openWindow(o.windows, now, ctx.deps.config.redemption.graceMinutes) }))
    .filter((c): c is { offering: Offering; window: PickupWindow } => c.window !== null)
    .sort((a, b) => a.window.start.localeCompare(b.window.start) || (a.offering.kind === 'meal' ? -1 : 1));
}

/** A recipient scanned a provider's poster at its door: a booking for the window open now. */
export async function createWalkIn(ctx: RecipientCtx, body: { poster: string }): Promise<BookingAnswer> {
  return attempt(ctx, 'walk-in', body, async (a) => {
    const provider = await posterProvider(ctx, body.poster);
    const now = localMoment(ctx.now, ctx.deps.config.timeZone);
    const candidates = walkInCandidates(ctx, claimable(provider, now), now);
    if (candidates.length === 0) throw new DomainError('BOOKING_CLOSED', 'the poster books only while a pickup window is open here', { reason: 'no_open_window' });
    let last: unknown;
    for (const c of candidates) {
      try {
        return await book(ctx, { provider, offering: c.offering }, c.window.id, now, 'poster', a);
      } catch (e) {
        // Sold out here: try the provider's next offering before giving up.
        if (!(e instanceof DomainError && e.code === 'QUOTA_EXHAUSTED')) throw e;
        last = e;
      }
    }
    throw last;
  });
}

/** What tapping 领取 on this poster would claim now (a read: nothing is booked or counted). */
export async function previewWalkIn(ctx: RecipientCtx, query: { poster: string }): Promise<WalkInPreview> {
  const provider = await posterProvider(ctx, query.poster);
  const now = localMoment(ctx.now, ctx.deps.config.timeZone);
  const grace = ctx.deps.config.redemption.graceMinutes;
  const today = claimable(provider, now);
  const first = walkInCandidates(ctx, today, now)[0];
  // Nothing open now: the next window today, and when the poster opens for it.
  const later = first
    ? undefined
    : today
        .flatMap((o) => o.windows)
        .map((w) => ({ w, opens: minutesOf(w.start) - grace }))
        .filter(({ opens }) => opens > now.minutes)
        .sort((a, b) => a.opens - b.opens)[0];
  return {
    providerName: provider.name,
    claim: first ? { offeringName: first.offering.name, kind: first.offering.kind, window: { start: first.window.start, end: first.window.end } } : null,
    next: later ? { start: later.w.start, end: later.w.end, opensAt: hhmmOf(later.opens) } : null,
  };
}

export async function listBookings(ctx: RecipientCtx): Promise<{ bookings: Booking[] }> {
  return { bookings: (await ctx.deps.store.bookings.listFor(ctx.principal.id)).map(bookingView) };
}

async function mine(ctx: RecipientCtx, id: string): Promise<BookingRecord> {
  const b = await ctx.deps.store.bookings.get(id);
  // Someone else's booking is as absent as a missing one.
  return b && b.recipientId === ctx.principal.id ? b : notFound('booking');
}

export async function getBooking(ctx: RecipientCtx, params: { id: string }): Promise<BookingAnswer> {
  return { booking: bookingView(await mine(ctx, params.id)) };
}

export async function cancelBooking(ctx: RecipientCtx, params: { id: string }): Promise<BookingAnswer> {
  const b = await mine(ctx, params.id);
  const now = localMoment(ctx.now, ctx.deps.config.timeZone);
  unwrap(decideCancel(b, now));
  // Once the window has opened, a cancel gives the meal back but counts as a no-show.
  const how = isLateCancel(b, now, ctx.deps.config) ? 'late' : 'in_time';
  const out = await ctx.deps.store.bookings.cancel(b, ctx.now.toISOString(), how);
  if (!out.ok) {
    // Redeemed or expired meanwhile: say what it is now.
    const current = (out.part === 'booking' ? out.old : null) ?? b;
    unwrap(decideCancel(current, now));
    throw new DomainError('CONFLICT', 'the booking changed meanwhile');
  }
  const provider = await ctx.deps.listing.provider(b.providerId);
  const capacity = provider?.offerings[b.offeringId]?.dailyQuota;
  if (capacity !== undefined) ctx.deps.listing.soldOut.clear(slotHint(b.providerId, b.date, b.offeringId, capacity));
  if (how === 'late') await suspendIfDue(ctx.deps, b.recipientId, b.date);
  return { booking: bookingView({ ...b, status: 'CANCELLED', cancelReason: how }) };
}
