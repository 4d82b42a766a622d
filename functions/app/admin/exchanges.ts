import type { AdminExchangesQuery, CatalogItem, CatalogItemBody, Exchange, ExchangeList, RejectExchangeBody, StockAdjustmentBody } from '../../contract/catalog.js';
import { DomainError, invalid, notFound, unexpected, type FieldProblem } from '../../domain/errors.js';
import { newId } from '../../security/ids.js';
import type { CatalogItemRecord, ExchangeRecord } from '../../store/index.js';
import { ledgerRecord } from '../../store/points.js';
import { audited } from '../audit.js';
import type { AdminCtx } from '../context.js';
import { exchangePage, itemView } from '../staff/exchanges.js';

/** An edit refused because the item changed since the version it was made from; the desk reloads. */
const changedMeanwhile = (now: CatalogItemRecord | null, sent: number) =>
  now
    ? new DomainError('CONFLICT', `this item changed meanwhile (version ${sent} was edited, it is now at ${now.version}); reload it`, { version: now.version, item: itemView(now) })
    : notFound('catalogue item');

/**
 * Create an item with its opening stock, or edit an existing one from the version it was read
 * at. Stock is never set by an edit (it moves by `adjustCatalogStock` and by exchanges), and an
 * edit from an older version is refused rather than retried: retrying would overwrite a change
 * its author never saw. The audit entry's `before` is exactly what was edited (same version).
 */
export async function putCatalogItem(ctx: AdminCtx, params: { itemId: string }, body: CatalogItemBody): Promise<{ item: CatalogItem }> {
  const { store } = ctx.deps;
  const { stock, version, ...fields } = body;
  const updatedAt = ctx.now.toISOString();
  const before = await store.catalogItems.get(params.itemId);
  if (!before) {
    // An edit of an item that is not there (items are never deleted): the id is wrong, not stale.
    if (version !== undefined) notFound('catalogue item');
    if (stock === undefined) invalid([{ in: 'body', field: 'stock', message: 'a new item needs its opening stock' }]);
    const item: CatalogItemRecord = { id: params.itemId, ...fields, stock: stock!, updatedAt, version: 1 };
    const out = await store.catalogItems.create(item, { audit: audited(ctx, { type: 'catalog_item', id: item.id }, null, itemView(item)) });
    if (!out.ok) throw out.part === 'item' ? new DomainError('CONFLICT', 'an item with this id was created meanwhile; reload it', out.old ? { version: out.old.version, item: itemView(out.old) } : undefined) : unexpected('catalogue item', out);
    return { item: itemView(item) };
  }
  const problems: FieldProblem[] = [];
  if (stock !== undefined) problems.push({ in: 'body', field: 'stock', message: 'stock is set only when the item is created; adjust it with POST /v1/admin/catalog/{itemId}/stock' });
  // Required, not defaulted to the current one: a blind edit is exactly the overwrite this prevents.
  if (version === undefined) problems.push({ in: 'body', field: 'version', message: 'the version the item was read at is required to edit it' });
  if (problems.length) invalid(problems);
  if (version !== before.version) throw changedMeanwhile(before, version!);
  const after: CatalogItemRecord = { ...before, ...fields, updatedAt, version: before.version + 1 };
  const out = await store.catalogItems.edit(after, before.version, { audit: audited(ctx, { type: 'catalog_item', id: before.id }, itemView(before), itemView(after)) });
  if (!out.ok) throw out.part === 'item' ? changedMeanwhile(out.old, before.version) : unexpected('catalogue item', out);
  return { item: itemView(after) };
}

/**
 * Stock added (a delivery: +20 箱) or taken out (spoiled, miscounted), atomically: concurrent
 * adjustments and exchanges all count, and stock never goes below zero (OUT_OF_STOCK, with what
 * is left). The audit entry records the delta and the reason, like a points adjustment: the
 * exact stock before it is not read in the same transaction, so it is not claimed.
 */
export async function adjustCatalogStock(ctx: AdminCtx, params: { itemId: string }, body: StockAdjustmentBody): Promise<{ item: CatalogItem }> {
  const { store } = ctx.deps;
  const audit = audited(ctx, { type: 'catalog_item', id: params.itemId }, null, { delta: body.delta, reason: body.reason });
  const out = await store.catalogItems.adjustStock(params.itemId, body.delta, ctx.now.toISOString(), { audit });
  if (!out.ok) {
    if (out.part !== 'item') unexpected('stock adjustment', out);
    if (!out.old) notFound('catalogue item');
    throw new DomainError('OUT_OF_STOCK', `only ${out.old!.stock} left: cannot take out ${-body.delta}`, { stock: out.old!.stock });
  }
  // Read after the write: the item as it is now (a later change may already be in it).
  return { item: itemView((await store.catalogItems.get(params.itemId)) ?? notFound('catalogue item')) };
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
  const out = await ctx.deps.store.exchanges.fulfil(x, at, { audit: audited(ctx, { type: 'exchange', id: x.id }, x, after, x.providerId) });
  if (!out.ok) throw out.part === 'exchange' ? decided(out.old) : unexpected('fulfilment', out);
  return { exchange: after };
}

/** Not sent: PENDING → REJECTED, and the points and stock given back, exactly once. */
export async function rejectExchange(ctx: AdminCtx, params: { id: string }, body: RejectExchangeBody): Promise<{ exchange: Exchange }> {
  const x = await pending(ctx, params.id);
  const at = ctx.now.toISOString();
  const after: ExchangeRecord = { ...x, status: 'REJECTED', decidedAt: at, reason: body.reason };
  const refund = ledgerRecord({ id: newId('l'), providerId: x.providerId, points: x.points, reason: 'exchange_refund', ref: x.id, note: body.reason, at });
  const out = await ctx.deps.store.exchanges.reject(x, at, body.reason, refund, { audit: audited(ctx, { type: 'exchange', id: x.id }, x, after, x.providerId) });
  if (!out.ok) throw out.part === 'exchange' ? decided(out.old) : unexpected('rejection', out);
  return { exchange: after };
}
