import { ProviderListResponse, type District, type ProviderResponse, type ProvidersQuery, type PublicProvider } from '../../contract/index.js';
import { notFound } from '../../domain/errors.js';
import { remaining, runsOn, emptySlot } from '../../domain/offering.js';
import { isOpenForBookings } from '../../domain/provider.js';
import { localMoment } from '../../domain/time.js';
import { slotId } from '../../store/slots.js';
import type { Provider } from '../../store/index.js';
import type { Ctx } from '../context.js';
import { PreparedJson } from '../prepared.js';

export const listDistricts = (ctx: Ctx): Promise<District[]> => ctx.deps.listing.districts();

/** Providers open today with today's offerings and live meals left: one cached read, one batch of slot reads. */
async function publicView(ctx: Ctx, providers: Provider[]): Promise<PublicProvider[]> {
  const { date, weekday } = localMoment(ctx.now, ctx.deps.config.timeZone);
  const open = providers.filter((p) => isOpenForBookings(p, date));
  const today = open.map((p) => ({ p, offerings: Object.values(p.offerings).filter((o) => runsOn(o, weekday)) }));
  const slots = await ctx.deps.store.slots.getMany(
    today.flatMap(({ p, offerings }) => offerings.map((o) => ({ providerId: p.id, offeringId: o.id, date }))),
  );
  return today.map(({ p, offerings }) => ({
    id: p.id,
    name: p.name,
    nameEn: p.nameEn ?? null,
    location: p.location ?? null,
    kind: p.kind,
    district: p.district,
    address: p.address,
    date,
    offerings: offerings
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((o) => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        standard: o.standard,
        valueFen: o.valueFen,
        windows: o.windows,
        capacity: o.dailyQuota,
        remaining: remaining(o.dailyQuota, slots.get(slotId({ providerId: p.id, offeringId: o.id, date })) ?? emptySlot),
      })),
  }));
}

async function assembleListing(ctx: Ctx, query: ProvidersQuery): Promise<string> {
  const { listing } = ctx.deps;
  const districts = query.district ? [query.district] : (await listing.districts()).map((d) => d.id);
  const perDistrict = await Promise.all(districts.map((d) => listing.activeProviders(d)));
  // Sub-districts in their known order; within one, by name.
  const providers = perDistrict
    .flatMap((list) => [...list].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')))
    .filter((p) => !query.kind || p.kind === query.kind);
  return JSON.stringify(ProviderListResponse.parse({ providers: await publicView(ctx, providers) }));
}

/** The home page's read: assembled at most once a second per query (support/listing-cache.ts), remaining counts up to that old. */
export async function listProviders(ctx: Ctx, query: ProvidersQuery): Promise<PreparedJson> {
  const { date } = localMoment(ctx.now, ctx.deps.config.timeZone);
  const key = `${date}|${query.district ?? '*'}|${query.kind ?? '*'}`;
  return new PreparedJson(await ctx.deps.listing.listings.get(key, () => assembleListing(ctx, query)));
}

export async function getProvider(ctx: Ctx, params: { id: string }): Promise<ProviderResponse> {
  const [p, likes] = await Promise.all([ctx.deps.store.providers.get(params.id), ctx.deps.store.thanks.likesOf(params.id)]);
  const [view] = p ? await publicView(ctx, [p]) : [];
  return { provider: view ? { ...view, likes } : notFound('provider') };
}
