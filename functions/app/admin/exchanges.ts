import type { AdminExchangesQuery, CatalogItem, CatalogItemBody, Exchange, ExchangeList, RejectExchangeBody } from '../../contract/catalog.js';
import { busy, DomainError, notFound, unexpected } from '../../domain/errors.js';
import { newId } from '../../security/ids.js';
import type { CatalogItemRecord, ExchangeRecord } from '../../store/index.js';
import { ledgerRecord } from '../../store/points.js';
import { audited } from '../audit.js';
import type { AdminCtx } from '../context.js';
import { exchangePage, itemView } from '../staff/exchanges.js';

/**
 * An item as the admin sets it (created or replaced; stock is set, not added to). The audit
 * entry's `before` is exactly what was replaced: if an exchange changes the item between the
 * read and the write, the write is refused and done again on a fresh read.
 */
export async function putCatalogItem(ctx: AdminCtx, params: { itemId: string }, body: CatalogItemBody): Promise<{ item: CatalogItem }> {
  const { store, config } = ctx.deps;
  for (let attempt = 0; attempt < config.exchanges.putAttempts; attempt++) {
    const before = await store.catalogItems.get(params.itemId);
    const item: CatalogItemRecord = { id: params.itemId, ...body, updatedAt: ctx.now.toISOString(), version: (before?.version ?? 0) + 1 };
    const audit = audited(ctx, { type: 'catalog_item', id: item.id }, before && itemView(before), itemView(item));
    const out = await store.catalogItems.put(item, before, { audit });
    if (out.ok) return { item: itemView(item) };
    if (out.part !== 'item') unexpected('catalogue item', out);
  }
  throw busy();
}

/** Every item, inactive ones too. */
export async function adminCatalog(ctx: AdminCtx) {
  return { items: (await ctx.deps.store.catalogItems.list()).map(itemView) };
}

/** One provider's exchanges (any status unless named), or every provider's in one status (PENDING by default). */
export async function adminExchanges(ctx: AdminCtx, query: AdminExchangesQuery): Promise<ExchangeList> {
  const { exchanges } = ctx.deps.store;
  const page = { limit: query.limit, cursor: query.cursor };
  return exchangePage(query.providerId ? await exchanges.listOf(query.providerId, page, query.status) : await exchanges.listIn(query.status ?? 'PENDING', page));
}

const decided = (x: ExchangeRecord | null) =>
  new DomainError('CONFLICT', x ? `this exchange was already ${x.status.toLowerCase()}` : 'this exchange was already decided', x ? { status: x.status } : undefined);

async function pending(ctx: AdminCtx, id: string): Promise<ExchangeRecord> {
  const x = (await ctx.deps.store.exchanges.get(id)) ?? notFound('exchange');
  if (x.status !== 'PENDING') throw decided(x);
  return x;
}

/** The goods went out: PENDING → FULFILLED, once. */
export async function fulfilExchange(ctx: AdminCtx, params: { id: string }): Promise<{ exchange: Exchange }> {
  const x = await pending(ctx, params.id);
  const at = ctx.now.toISOString();
  const after: ExchangeRecord = { ...x, status: 'FULFILLED', decidedAt: at };
  const out = await ctx.deps.store.exchanges.fulfil(x, at, { audit: audited(ctx, { type: 'exchange', id: x.id }, x, after) });
  if (!out.ok) throw out.part === 'exchange' ? decided(out.old) : unexpected('fulfilment', out);
  return { exchange: after };
}

/** Not sent: PENDING → REJECTED, and the points and stock given back, exactly once. */
export async function rejectExchange(ctx: AdminCtx, params: { id: string }, body: RejectExchangeBody): Promise<{ exchange: Exchange }> {
  const x = await pending(ctx, params.id);
  const at = ctx.now.toISOString();
  const after: ExchangeRecord = { ...x, status: 'REJECTED', decidedAt: at, reason: body.reason };
  const refund = ledgerRecord({ id: newId('l'), providerId: x.providerId, points: x.points, reason: 'exchange_refund', ref: x.id, note: body.reason, at });
  const out = await ctx.deps.store.exchanges.reject(x, at, body.reason, refund, { audit: audited(ctx, { type: 'exchange', id: x.id }, x, after) });
  if (!out.ok) throw out.part === 'exchange' ? decided(out.old) : unexpected('rejection', out);
  return { exchange: after };
}
