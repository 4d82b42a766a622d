/** The programme's map of who gives: sub-districts, providers, their documents and offering contracts. */
import type { AdminOffering, AdminProvider, AdminProviderDetail, ExpiredDocumentsRefusal, AdminProviderList, AdminProvidersQuery, ExpiringResponse, OfferingBody, ProviderInput, ProviderPatch, SuspendBody } from '../../contract/admin.js';
import type { District } from '../../contract/providers.js';
import { pickupClosed } from '../../domain/booking.js';
import { DomainError, fail, notFound, unexpected } from '../../domain/errors.js';
import { expiredDocuments, expiringDocuments, nextStatus, type StatusAction } from '../../domain/provider.js';
import { addDays, localMoment } from '../../domain/time.js';
import { newId } from '../../security/ids.js';
import type { Provider } from '../../store/index.js';
import { audited, decider } from '../audit.js';
import type { AdminCtx } from '../context.js';
import { expireNoShow } from '../no-shows.js';
import { requireKnownDistricts, requireScope, scopeOf } from './scope.js';

function adminView(p: Provider): AdminProvider {
  const { offerings: _offerings, posterToken: _poster, ...profile } = p;
  return profile;
}

async function requireDistrict(ctx: AdminCtx, district: string): Promise<void> {
  await requireKnownDistricts(ctx, [district], 'district');
  requireScope(ctx, district);
}

/** A provider this administrator looks after (an officer: in their sub-districts). */
export async function requireProvider(ctx: AdminCtx, id: string): Promise<Provider> {
  const provider = (await ctx.deps.store.providers.get(id)) ?? notFound('provider');
  requireScope(ctx, provider.district);
  return provider;
}

/**
 * Every admin write goes through here: the refusal (if any) becomes the contract's words, and
 * this process's listing cache never serves the old state. Each write carries its audit entry.
 */
async function saved<R extends { ok: boolean }>(ctx: AdminCtx, write: Promise<R>, refused: (r: Exclude<R, { ok: true }>) => never): Promise<void> {
  const out = await write;
  if (!out.ok) refused(out as Exclude<R, { ok: true }>);
  ctx.deps.listing.invalidate();
}

export async function putDistrict(ctx: AdminCtx, params: { id: string }, body: { name: string; nameEn?: string; position?: number }): Promise<{ district: District }> {
  const before = (await ctx.deps.listing.districts()).find((d) => d.id === params.id) ?? null;
  const audit = audited(ctx, { type: 'district', id: params.id }, before, { id: params.id, ...body });
  await saved(ctx, ctx.deps.store.districts.put({ id: params.id, ...body }, { audit }), (r) => unexpected('district', r));
  return { district: { id: params.id, name: body.name, ...(body.nameEn ? { nameEn: body.nameEn } : {}) } };
}

export async function listAllProviders(ctx: AdminCtx, query: AdminProvidersQuery): Promise<AdminProviderList> {
  const { limit, cursor, ...filter } = query;
  const page = await ctx.deps.store.providers.listPage({ ...filter, q: filter.q || undefined, districts: scopeOf(ctx) ?? undefined }, { limit, cursor });
  return { providers: page.items.map(adminView), next: page.next };
}

/** Licences and permits expired or expiring within `days` (the configured warning period by default). */
export async function listExpiringDocuments(ctx: AdminCtx, query: { days?: number | undefined }): Promise<ExpiringResponse> {
  const days = query.days ?? ctx.deps.config.documents.warnDaysAhead;
  const today = localMoment(ctx.now, ctx.deps.config.timeZone).date;
  const scope = scopeOf(ctx);
  const providers = (await ctx.deps.store.providers.listAll()).filter((p) => !scope || scope.includes(p.district));
  const found = expiringDocuments(providers, today, days);
  return {
    asOf: today,
    days,
    documents: found.map(({ provider: p, document, doc, daysLeft }) => ({
      providerId: p.id,
      providerName: p.name,
      district: p.district,
      status: p.status,
      document,
      number: doc.number,
      expiresOn: doc.expiresOn,
      daysLeft,
    })),
  };
}

export async function createProvider(ctx: AdminCtx, body: ProviderInput): Promise<{ provider: AdminProvider }> {
  await requireDistrict(ctx, body.district);
  const at = ctx.now.toISOString();
  const provider: Provider = { ...body, id: newId('p'), status: 'PENDING', createdAt: at, updatedAt: at, offerings: {} };
  const audit = audited(ctx, { type: 'provider', id: provider.id }, null, adminView(provider));
  await saved(ctx, ctx.deps.store.providers.create(provider, { audit }), (r) => unexpected('provider', r));
  return { provider: adminView(provider) };
}

export async function getProviderForAdmin(ctx: AdminCtx, params: { id: string }): Promise<AdminProviderDetail> {
  const p = await requireProvider(ctx, params.id);
  return { provider: adminView(p), offerings: Object.values(p.offerings).sort((a, b) => a.id.localeCompare(b.id)) };
}

/** An edit made from a provider that changed since: refused with it as it is now, so the desk reloads. */
const changedMeanwhile = (now: Provider) =>
  new DomainError('CONFLICT', 'the provider changed meanwhile; reload and retry', { updatedAt: now.updatedAt, provider: adminView(now) });

/**
 * One change of a profile, made from `before` exactly (its `updatedAt` is the write's condition);
 * with `readAt`, the edit is also refused when `before` is not what its author read.
 */
async function changeProfile(ctx: AdminCtx, id: string, change: (p: Provider) => Provider, readAt?: string): Promise<{ provider: AdminProvider }> {
  const before = await requireProvider(ctx, id);
  if (readAt !== undefined && readAt !== before.updatedAt) throw changedMeanwhile(before);
  const after = { ...change(before), updatedAt: ctx.now.toISOString() };
  // Two writes in the same millisecond (or under a frozen test clock) must still differ.
  if (after.updatedAt <= before.updatedAt) after.updatedAt = new Date(Date.parse(before.updatedAt) + 1).toISOString();
  const audit = audited(ctx, { type: 'provider', id }, adminView(before), adminView(after));
  const out = await ctx.deps.store.providers.saveProfile(after, before.updatedAt, { audit });
  if (!out.ok) {
    const now = out.part === 'provider' ? await ctx.deps.store.providers.get(id) : null;
    throw now ? changedMeanwhile(now) : new DomainError('CONFLICT', 'the provider changed meanwhile; reload and retry');
  }
  ctx.deps.listing.invalidate();
  return { provider: adminView(after) };
}

/** An edit from the `updatedAt` it was read at (its version): never over a change its author did not see. */
export async function updateProvider(ctx: AdminCtx, params: { id: string }, body: ProviderPatch) {
  const { updatedAt: readAt, ...change } = body;
  if (change.district) await requireDistrict(ctx, change.district);
  return changeProfile(ctx, params.id, (p) => ({ ...p, ...change }), readAt);
}

const verbs: Record<StatusAction, string> = { approve: 'approved', suspend: 'suspended', reinstate: 'reinstated' };

/**
 * A status move from the provider as it is now; `extra` is what else the move records (a
 * suspension's reason, cleared by reinstating). Approving and reinstating both open it to bookings,
 * so both are refused while a licence or permit has expired.
 */
const changeStatus = (action: StatusAction, extra: (p: Provider) => Partial<Provider> = () => ({})) => (ctx: AdminCtx, params: { id: string }) =>
  changeProfile(ctx, params.id, (p) => {
    const status = nextStatus(p.status, action);
    if (!status) return fail('CONFLICT', `a ${p.status} provider cannot be ${verbs[action]}`, { reason: 'status', status: p.status });
    if (status === 'ACTIVE') {
      // Opened with an expired document, it would read ACTIVE on the desk and yet take no bookings.
      const expired = expiredDocuments(p, localMoment(ctx.now, ctx.deps.config.timeZone).date);
      if (expired.length > 0) fail('CONFLICT', `a provider whose licence or permit expired cannot be ${verbs[action]}; renew it first`, { reason: 'documents', documents: expired } satisfies ExpiredDocumentsRefusal);
    }
    return { ...p, ...extra(p), status };
  });

export const approveProvider = changeStatus('approve');

/** SUSPENDED → ACTIVE again: its own action (and audit entry), with the same document checks as approval. */
export const reinstateProvider = changeStatus('reinstate', () => ({ suspension: null }));

/** Cancellations in flight at once while suspending (each its own small transaction). */
const SUSPEND_BATCH = 10;

/**
 * Suspension is immediate: the provider takes no bookings (its status), its staff can no longer
 * redeem or hand out, and its live bookings are cancelled without counting against their
 * recipients — their meal and claim come back, as no fault of theirs, and the booking says the
 * provider was suspended (`provider_suspended`), which the recipient's app words as such. A booking whose pickup had
 * already closed was a no-show before the suspension: it expires as the no-show job would have
 * expired it, so the outcome never depends on which of the two ran first.
 */
export async function suspendProvider(ctx: AdminCtx, params: { id: string }, body: SuspendBody) {
  const { deps } = ctx;
  const answer = await changeStatus('suspend', () => ({ suspension: { reason: body.reason, at: ctx.now.toISOString(), by: decider(ctx) } }))(ctx, params);
  const local = localMoment(ctx.now, deps.config.timeZone);
  const at = ctx.now.toISOString();
  // Yesterday's too: a late window's pickup grace runs past midnight.
  const live = await deps.store.bookings.liveAtProvider(params.id, [local.date, addDays(local.date, -1)]);
  const end = async (b: (typeof live)[number]) => {
    if (!pickupClosed(b, local, deps.config.redemption.graceMinutes)) return void (await deps.store.bookings.cancel(b, at, 'provider_suspended'));
    await expireNoShow(deps, b, at);
  };
  // A booking redeemed, cancelled or expired meanwhile refuses the write (it is no longer BOOKED): nothing to do.
  for (let i = 0; i < live.length; i += SUSPEND_BATCH) await Promise.all(live.slice(i, i + SUSPEND_BATCH).map(end));
  return answer;
}

export async function putOffering(
  ctx: AdminCtx,
  params: { id: string; offeringId: string },
  body: OfferingBody,
): Promise<{ offering: AdminOffering }> {
  const { updatedAt: readAt, ...contract } = body;
  const provider = await requireProvider(ctx, params.id);
  const before = provider.offerings[params.offeringId] ?? null;
  const changedMeanwhile = (now: AdminOffering | null) =>
    new DomainError('CONFLICT', 'the contract changed meanwhile; reload and retry', { updatedAt: now?.updatedAt ?? null, offering: now });
  if (readAt !== undefined && readAt !== before?.updatedAt) throw changedMeanwhile(before);
  const offering: AdminOffering = {
    ...contract,
    weekdays: [...contract.weekdays].sort(),
    id: params.offeringId,
    providerId: params.id,
    updatedAt: ctx.now.toISOString(),
  };
  const audit = audited(ctx, { type: 'offering', id: offering.id }, before, offering, provider.id);
  const out = await ctx.deps.store.providers.putOffering(offering, { audit }, readAt);
  if (!out.ok) {
    if (out.part === 'owner') fail('CONFLICT', `offering id ${offering.id} belongs to another provider`);
    if (out.part !== 'provider') return unexpected('offering', out);
    // Gone, or changed between the read and the write: which one, the provider as it is now says.
    const now = (await ctx.deps.store.providers.get(params.id)) ?? notFound('provider');
    throw changedMeanwhile(now.offerings[offering.id] ?? null);
  }
  ctx.deps.listing.invalidate();
  return { offering };
}
