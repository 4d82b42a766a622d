import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import type { RedemptionBody, RedemptionResponse, SlotView, StaffWalkInBody } from '../../contract/staff.js';
import { decideRedemption, pointsFor, redemptionDates, unwrap } from '../../domain/booking.js';
import { busy, DomainError, notFound, unexpected } from '../../domain/errors.js';
import { holdUntil } from '../../domain/points.js';
import { redemptionSignals } from '../../domain/integrity.js';
import { handoutDelta, noveltyOf, redemptionDelta, type ServedState } from '../../domain/impact.js';
import { emptySlot, remaining, runsOn } from '../../domain/offering.js';
import { posterWindows } from '../../domain/provider.js';
import { localMoment, type LocalMoment } from '../../domain/time.js';
import { newId } from '../../security/ids.js';
import { signedPayload } from '../../security/vouchers.js';
import type { BookingRecord, Offering, Provider } from '../../store/index.js';
import { ledgerRecord } from '../../store/points.js';
import { slotId } from '../../store/slots.js';
import type { Ctx, StaffCtx } from '../context.js';
import { audited } from '../audit.js';
import { idempotency, type Idempotency } from '../idempotency.js';
import { guessThrottle, type GuessThrottle } from '../rate-limit.js';

/** Who the impact figures belong to, copied into the day item. */
const stampOf = (p: Provider) => ({ providerId: p.id, name: p.name, district: p.district, joinedAt: p.createdAt });

/** How new the recipient is, read just before, can only be wrong after a race; a third try would mean two. */
const NOVELTY_ATTEMPTS = 3;

const invalidVoucher = () => new DomainError('INVALID_VOUCHER', 'this voucher or code is not valid');

/** The booking a voucher or code names, if it is genuine; null for anything unknown, forged or altered. */
async function findBooking(ctx: StaffCtx, body: RedemptionBody, now: LocalMoment): Promise<BookingRecord | null> {
  const { config, store, vouchers } = ctx.deps;
  if ('code' in body) {
    // Just after midnight a late window's grace is still running: yesterday's codes count too.
    for (const date of redemptionDates(now, config.redemption.graceMinutes)) {
      const b = await store.bookings.byCode(ctx.principal.providerId, date, body.code);
      if (b) return b;
    }
    return null;
  }
  const id = vouchers.bookingIdOf(body.voucher);
  const b = id ? await store.bookings.get(id) : null;
  return b && vouchers.verify(body.voucher, b.providerId, b.date) ? b : null;
}

/**
 * The counter's refusal while the provider is suspended: `handout` tells the staff app to word it
 * for the counter (the same code at the ingredient shop means no exchanges).
 */
const suspendedCounter = () => new DomainError('PROVIDER_UNAVAILABLE', 'this provider is suspended: meals cannot be handed out now', { reason: 'suspended', at: 'handout' });

/** A suspended provider's staff may read, but not redeem or hand out (a cached read: within seconds). */
async function activeProvider(ctx: StaffCtx): Promise<Provider> {
  const p = await ctx.deps.listing.provider(ctx.principal.providerId);
  if (p?.status !== 'ACTIVE') throw suspendedCounter();
  return p;
}

/**
 * Staff hand a meal over. Staff learn the meal and window, never who booked it. Wrong codes are
 * throttled per staff member and per provider, so the 8-digit space cannot be walked at a counter;
 * only a code that matches nothing counts (a cancelled or expired one answers NOT_REDEEMABLE with
 * its status, so staff can say why and one recipient's mistake does not lock the counter), and
 * once the counter is full every code, right or wrong, is refused until the window ends. Vouchers
 * are signed, so guessing one is hopeless and they skip the throttle.
 */
export async function redeem(ctx: StaffCtx, body: RedemptionBody): Promise<RedemptionResponse> {
  const { deps } = ctx;
  const idem = idempotency<RedemptionResponse>(ctx, 'redemption', body);
  const prior = await idem.prior();
  if (prior) return prior;
  const now = localMoment(ctx.now, deps.config.timeZone);
  const limits = deps.config.rateLimits;
  const guess = 'code' in body
    ? guessThrottle(ctx, {
        scope: 'redeem-fail-provider', who: ctx.principal.providerId, limit: limits.failedRedemptionsPerProviderPerHour, seconds: 3600,
        member: { scope: 'redeem-fail', who: ctx.principal.id, limit: limits.failedRedemptionsPerHour },
      }, 'too many wrong codes; wait before trying again')
    : null;
  // The provider (cached, checked active) also stamps the day's impact figures. How new the
  // recipient is decides what those figures count: it is read as soon as the booking is known
  // (a small read beats a refused transaction).
  const found = findBooking(ctx, body, now);
  const served = found.then((b) => (b ? deps.store.recipients.servedState(b.recipientId) : null));
  const [booking, provider, servedState] = await Promise.all([found, activeProvider(ctx), served]);
  if (!booking || !servedState) {
    await guess?.wrong();
    throw invalidVoucher();
  }
  return commitRedemption(ctx, { booking, served: servedState, provider }, idem, now, guess);
}

/** A genuine booking, when and where its recipient was last served (as read), and the provider handing it out. */
interface Found {
  booking: BookingRecord;
  served: ServedState;
  provider: Provider;
}

/**
 * The booking is genuine: its redemption, one transaction (again only if a race intervened). A
 * typed code is answered only while the wrong-code counter has room: inside the transaction when
 * it redeems, by a read when it is refused before one.
 */
async function commitRedemption(ctx: StaffCtx, { booking, served, provider }: Found, idem: Idempotency<RedemptionResponse>, now: LocalMoment, guess: GuessThrottle | null): Promise<RedemptionResponse> {
  const { deps } = ctx;
  const decision = decideRedemption(booking, ctx.principal.providerId, now, deps.config.redemption.graceMinutes);
  if (!decision.ok) await guess?.room();
  unwrap(decision);
  const at = ctx.now.toISOString();
  const answer: RedemptionResponse = {
    redemption: { bookingId: booking.id, offering: { id: booking.offeringId, name: booking.offeringName, kind: booking.kind }, window: booking.window, redeemedAt: at },
  };
  const points = pointsFor(booking.valueFen);
  const credit = points > 0
    ? ledgerRecord({ id: newId('l'), providerId: booking.providerId, points, reason: 'meal_redeemed', ref: booking.id, at, availableAt: holdUntil(ctx.now, deps.config.points.holdDays) })
    : null;
  const audit = audited(ctx, { type: 'booking', id: booking.id }, { status: 'BOOKED' }, { status: 'REDEEMED', points }, booking.providerId);
  const stamp = stampOf(provider);
  const capacity = provider.offerings[booking.offeringId]?.dailyQuota ?? 0;
  // The transaction's condition on how new they are, and where they were served last, is what
  // counts; a change since the read (their next redemption cannot race this one: one live
  // booking) is retried below.
  let state = served;
  for (let attempt = 0; attempt < NOVELTY_ATTEMPTS; attempt++) {
    const novelty = noveltyOf(state, booking.date);
    const signals = redemptionSignals(booking, at, state.servedProvider, deps.config);
    const impact = { date: booking.date, stamp, delta: redemptionDelta(booking.kind, booking.valueFen, novelty), signals };
    const facts = { novelty, lastServedBy: state.servedProvider, capacity };
    const out = await deps.store.bookings.redeem(booking, at, credit, facts, { idempotency: idem.intent(answer), audit, impact }, guess?.counter);
    if (out.ok) {
      deps.liveDays.clear();
      return answer;
    }
    switch (out.part) {
      case 'recipient':
        state = out.old ?? { servedDay: null, servedMonth: null, servedProvider: null };
        continue;
      case 'room':
        throw guess!.full(out.old ?? 'shared');
      case 'idempotency':
        return idem.replay();
      case 'booking':
        // Someone redeemed (or it expired) between our read and our write: report what it is now.
        if (out.old) unwrap(decideRedemption(out.old, ctx.principal.providerId, now, deps.config.redemption.graceMinutes));
        throw new DomainError('ALREADY_REDEEMED', 'this voucher has already been used');
      // Unconditioned updates, fresh items and intents the counter does not send: a refusal is a bug.
      case 'points':
      case 'ledger':
      case 'impact':
      case 'audit':
      case 'rate':
      case 'approval':
        return unexpected('redemption', out);
    }
  }
  throw busy();
}

async function ownProvider(ctx: StaffCtx): Promise<Provider> {
  return (await ctx.deps.store.providers.get(ctx.principal.providerId)) ?? notFound('provider');
}

function slotViews(ctx: StaffCtx, offerings: Offering[], slots: Awaited<ReturnType<StaffCtx['deps']['store']['slots']['getMany']>>, now: LocalMoment): SlotView[] {
  return offerings.map((o) => {
    const s = slots.get(slotId({ providerId: ctx.principal.providerId, offeringId: o.id, date: now.date })) ?? emptySlot;
    // The slot counts bookings holding a meal (live and redeemed); staff see live ones awaiting
    // pickup. An offering not running today (deactivated after bookings were taken) gives no
    // more meals: its capacity today is 0. What was taken is never withdrawn, so after a quota
    // cut booked + redeemed + walkIns may exceed capacity and remaining is 0 (see docs/api.md).
    const capacity = runsOn(o, now.weekday) ? o.dailyQuota : 0;
    const live = s.booked - s.redeemed;
    return { offeringId: o.id, name: o.name, kind: o.kind, windows: o.windows, capacity, booked: live, redeemed: s.redeemed, walkIns: s.walkIns, remaining: remaining(capacity, s) };
  });
}

/** Every offering running today, and any other with bookings today still to hand out (they remain redeemable). */
export async function today(ctx: StaffCtx) {
  const now = localMoment(ctx.now, ctx.deps.config.timeZone);
  const provider = await ownProvider(ctx);
  const all = Object.values(provider.offerings).sort((a, b) => a.id.localeCompare(b.id));
  const slots = await ctx.deps.store.slots.getMany(all.map((o) => ({ providerId: provider.id, offeringId: o.id, date: now.date })), { redeemed: true });
  const liveToday = (o: Offering) => {
    const s = slots.get(slotId({ providerId: provider.id, offeringId: o.id, date: now.date }));
    return s !== undefined && s.booked > s.redeemed;
  };
  const offerings = all.filter((o) => runsOn(o, now.weekday) || liveToday(o));
  return { providerId: provider.id, date: now.date, slots: slotViews(ctx, offerings, slots, now) };
}

/** A meal handed to someone without a phone: taken from the same slot, no recipient at all. */
export async function staffWalkIn(ctx: StaffCtx, body: StaffWalkInBody) {
  type Handout = { offeringId: string; count: number; at: string };
  const idem = idempotency<Handout>(ctx, 'staff-walk-in', body);
  const now = localMoment(ctx.now, ctx.deps.config.timeZone);
  const [provider, prior] = await Promise.all([ownProvider(ctx), idem.prior()]);
  const offering = provider.offerings[body.offeringId];
  if (!offering) return notFound('offering');
  const ref = { providerId: provider.id, offeringId: offering.id, date: now.date };
  let walkIn = prior;
  if (!walkIn) {
    if (provider.status !== 'ACTIVE') throw suspendedCounter();
    if (!runsOn(offering, now.weekday)) throw new DomainError('BOOKING_CLOSED', 'this offering is not on today');
    if (body.count > offering.dailyQuota) throw new DomainError('QUOTA_EXHAUSTED', `fewer than ${body.count} meals left today`);
    walkIn = { offeringId: offering.id, count: body.count, at: ctx.now.toISOString() };
    const audit = audited(ctx, { type: 'slot', id: slotId(ref) }, null, walkIn, ref.providerId);
    const impact = { date: now.date, stamp: stampOf(provider), delta: handoutDelta(body.count, offering.valueFen) };
    const out = await ctx.deps.store.slots.walkIn(ref, offering.dailyQuota, body.count, { idempotency: idem.intent(walkIn), audit, impact });
    if (!out.ok) {
      if (out.part === 'slot') throw new DomainError('QUOTA_EXHAUSTED', `fewer than ${body.count} meals left today`);
      if (out.part !== 'idempotency') unexpected('walk-in', out);
      walkIn = (await idem.prior()) ?? walkIn;
    }
    ctx.deps.liveDays.clear();
  }
  // The handout is what the idempotency record keeps; the counts are read fresh.
  const slots = await ctx.deps.store.slots.getMany([ref], { redeemed: true });
  return { walkIn, slot: slotViews(ctx, [offering], slots, now)[0]! };
}

const posterOf = async (ctx: Ctx, provider: Provider, token: string) => {
  const poster = `M1W.${provider.id}.${token}`;
  const walkInPath = `/pages/walkin/index?poster=${encodeURIComponent(poster)}`;
  return {
    poster,
    qrSvg: await QRCode.toString(poster, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    providerName: provider.name,
    windows: posterWindows(Object.values(provider.offerings)),
    walkInPath,
    wxacode: (await ctx.deps.wechat?.miniProgramCode(walkInPath)) ?? null,
  };
};

const newPosterToken = () => randomBytes(18).toString('base64url');

/**
 * A provider's walk-in poster (staff print it; admins see it too). A view is a read: the token is
 * read fresh from the table (a rotation elsewhere shows at once) and nothing is written or
 * evicted. Only a provider that never had a poster gets its token minted, once.
 */
export async function providerPoster(ctx: Ctx, providerId: string) {
  const provider = (await ctx.deps.store.providers.get(providerId)) ?? notFound('provider');
  let token = provider.posterToken;
  if (!token) {
    token = await ctx.deps.store.providers.ensurePosterToken(providerId, newPosterToken());
    // This process's walk-ins see the new token at once; others within the catalogue TTL.
    ctx.deps.listing.forgetProvider(providerId);
  }
  return posterOf(ctx, provider, token);
}

export const poster = (ctx: StaffCtx) => providerPoster(ctx, ctx.principal.providerId);

export async function rotatePoster(ctx: StaffCtx) {
  const providerId = ctx.principal.providerId;
  const token = newPosterToken();
  // The token itself stays out of the log: a poster is as good as its token.
  const out = await ctx.deps.store.providers.rotatePosterToken(providerId, token, { audit: audited(ctx, { type: 'provider', id: providerId }, null, { poster: 'rotated' }) });
  if (!out.ok) return notFound('provider');
  ctx.deps.listing.invalidate();
  return posterOf(ctx, (await ctx.deps.store.providers.get(providerId)) ?? notFound('provider'), token);
}

export function voucherKey(ctx: StaffCtx) {
  return Promise.resolve({
    algorithm: 'Ed25519' as const,
    publicKey: ctx.deps.vouchers.publicKeyPem,
    signedPayload: signedPayload('<bookingId>', '<providerId>', '<YYYY-MM-DD>'),
  });
}
