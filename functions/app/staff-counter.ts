import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import type { RedemptionBody, RedemptionResponse, SlotView, StaffWalkInBody } from '../contract/staff.js';
import { decideRedemption, pointsFor, unwrap } from '../domain/booking.js';
import { DomainError, notFound } from '../domain/errors.js';
import { emptySlot, remaining, runsOn } from '../domain/offering.js';
import { localMoment } from '../domain/time.js';
import { newId } from '../security/ids.js';
import { signedPayload } from '../security/vouchers.js';
import type { BookingRecord, Offering, Provider } from '../store/index.js';
import { slotId } from '../store/slots.js';
import type { Ctx, StaffCtx } from './context.js';
import { idempotency } from './idempotency.js';
import { failureCounter } from './rate-limit.js';

const invalidVoucher = () => new DomainError('INVALID_VOUCHER', 'this voucher or code is not valid');

/** The booking a voucher or code names, if it is genuine; null for anything unknown, forged or altered. */
async function findBooking(ctx: StaffCtx, body: RedemptionBody, today: string): Promise<BookingRecord | null> {
  const { store, vouchers } = ctx.deps;
  if ('code' in body) return store.bookings.byCode(ctx.principal.providerId, today, body.code);
  const id = vouchers.bookingIdOf(body.voucher);
  const b = id ? await store.bookings.get(id) : null;
  return b && vouchers.verify(body.voucher, b.providerId, b.date) ? b : null;
}

/**
 * Staff hand a meal over. Staff learn the meal and window, never who booked it. Wrong codes are
 * throttled per staff member, so the 8-digit space cannot be walked at a counter; vouchers are
 * signed, so guessing one is hopeless and they skip the throttle's round trips.
 */
export async function redeem(ctx: StaffCtx, body: RedemptionBody): Promise<RedemptionResponse> {
  const { deps } = ctx;
  const idem = idempotency<RedemptionResponse>(ctx, 'redemption', body);
  const prior = await idem.prior();
  if (prior) return prior;
  const now = localMoment(ctx.now, deps.config.timeZone);
  const failures = 'code' in body ? failureCounter(ctx, 'redeem-fail', ctx.principal.id, deps.config.rateLimits.failedRedemptionsPerHour, 3600) : null;
  const [, booking] = await Promise.all([failures?.assertBelowLimit(), findBooking(ctx, body, now.date)]);
  if (!booking) {
    await failures?.record();
    throw invalidVoucher();
  }
  unwrap(decideRedemption(booking, ctx.principal.providerId, now, deps.config.redemption.graceMinutes));
  const at = ctx.now.toISOString();
  const answer: RedemptionResponse = {
    redemption: { bookingId: booking.id, offering: { id: booking.offeringId, name: booking.offeringName, kind: booking.kind }, window: booking.window, redeemedAt: at },
  };
  const out = await deps.store.bookings.redeem(booking, at, pointsFor(booking.valueFen), newId('l'), idem.items(answer));
  if (out.ok) return answer;
  if (out.extraIndex >= 0) {
    const replay = await idem.prior();
    if (replay) return replay;
  }
  // Someone redeemed (or it expired) between our read and our write: report what it is now.
  if (out.current) unwrap(decideRedemption(out.current, ctx.principal.providerId, now, deps.config.redemption.graceMinutes));
  throw new DomainError('ALREADY_REDEEMED', 'this voucher has already been used');
}

async function ownProvider(ctx: StaffCtx): Promise<Provider> {
  return (await ctx.deps.store.providers.get(ctx.principal.providerId)) ?? notFound('provider');
}

function slotViews(ctx: StaffCtx, offerings: Offering[], slots: Awaited<ReturnType<StaffCtx['deps']['store']['slots']['getMany']>>, date: string): SlotView[] {
  return offerings.map((o) => {
    const s = slots.get(slotId({ providerId: ctx.principal.providerId, offeringId: o.id, date })) ?? emptySlot;
    // The slot counts bookings holding a meal (live and redeemed); staff see live ones awaiting
    // pickup, so that booked + redeemed + walk-ins + remaining = capacity on their screen.
    const live = s.booked - s.redeemed;
    return { offeringId: o.id, name: o.name, kind: o.kind, windows: o.windows, capacity: o.dailyQuota, booked: live, redeemed: s.redeemed, walkIns: s.walkIns, remaining: remaining(o.dailyQuota, s) };
  });
}

export async function today(ctx: StaffCtx) {
  const now = localMoment(ctx.now, ctx.deps.config.timeZone);
  const provider = await ownProvider(ctx);
  const offerings = Object.values(provider.offerings).filter((o) => runsOn(o, now.weekday)).sort((a, b) => a.id.localeCompare(b.id));
  const slots = await ctx.deps.store.slots.getMany(offerings.map((o) => ({ providerId: provider.id, offeringId: o.id, date: now.date })));
  return { providerId: provider.id, date: now.date, slots: slotViews(ctx, offerings, slots, now.date) };
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
    if (!runsOn(offering, now.weekday)) throw new DomainError('BOOKING_CLOSED', 'this offering is not on today');
    walkIn = { offeringId: offering.id, count: body.count, at: ctx.now.toISOString() };
    const out = await ctx.deps.store.slots.walkIn(ref, offering.dailyQuota, body.count, idem.items(walkIn));
    if (out === 'quota') throw new DomainError('QUOTA_EXHAUSTED', `fewer than ${body.count} meals left today`);
    if (out === 'extra') walkIn = (await idem.prior()) ?? walkIn;
  }
  // The handout is what the idempotency record keeps; the counts are read fresh.
  const slots = await ctx.deps.store.slots.getMany([ref]);
  return { walkIn, slot: slotViews(ctx, [offering], slots, now.date)[0]! };
}

export async function points(ctx: StaffCtx) {
  const [balance, entries] = await Promise.all([ctx.deps.store.points.balance(ctx.principal.providerId), ctx.deps.store.points.entries(ctx.principal.providerId)]);
  return { balance, entries };
}

const posterOf = async (ctx: Ctx, providerId: string, token: string) => {
  const poster = `M1W.${providerId}.${token}`;
  const provider = await ctx.deps.catalog.provider(providerId);
  return {
    poster,
    qrSvg: await QRCode.toString(poster, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    providerName: provider?.name ?? '',
    walkInPath: `/pages/walkin/index?poster=${encodeURIComponent(poster)}`,
  };
};

const newPosterToken = () => randomBytes(18).toString('base64url');

/** A provider's walk-in poster, minting its token on first use (staff print it; admins see it too). */
export async function providerPoster(ctx: Ctx, providerId: string) {
  const token = await ctx.deps.store.providers.setPosterToken(providerId, newPosterToken(), true);
  ctx.deps.catalog.invalidate();
  return posterOf(ctx, providerId, token);
}

export const poster = (ctx: StaffCtx) => providerPoster(ctx, ctx.principal.providerId);

export async function rotatePoster(ctx: StaffCtx) {
  const token = await ctx.deps.store.providers.setPosterToken(ctx.principal.providerId, newPosterToken(), false);
  ctx.deps.catalog.invalidate();
  return posterOf(ctx, ctx.principal.providerId, token);
}

export function voucherKey(ctx: StaffCtx) {
  return Promise.resolve({
    algorithm: 'Ed25519' as const,
    publicKey: ctx.deps.vouchers.publicKeyPem,
    signedPayload: signedPayload('<bookingId>', '<providerId>', '<YYYY-MM-DD>'),
  });
}
