import type { CatalogItem, CatalogList, Exchange, ExchangeBody, ExchangeList } from '../../contract/catalog.js';
import type { Page } from '../../contract/common.js';
import type { PageOnlyQuery } from '../../contract/staff.js';
import { busy, DomainError, invalid, notFound, unexpected } from '../../domain/errors.js';
import { exchangeCost } from '../../domain/points.js';
import { newId } from '../../security/ids.js';
import type { CatalogItemRecord, ExchangeRecord } from '../../store/index.js';
import { ledgerRecord } from '../../store/points.js';
import { audited } from '../audit.js';
import type { AdminCtx, StaffCtx } from '../context.js';
import { idempotency } from '../idempotency.js';

export const itemView = ({ updatedAt: _u, ...item }: CatalogItemRecord): CatalogItem => item;

/** Staff see the active items; admins every one. */
export async function listCatalog(ctx: StaffCtx | AdminCtx): Promise<CatalogList> {
  const items = await ctx.deps.store.catalogItems.list();
  return { items: items.filter((i) => ctx.principal.role === 'admin' || i.active).map(itemView) };
}

const unavailable = () => new DomainError('PROVIDER_UNAVAILABLE', 'this provider is suspended: it cannot exchange points now');
const insufficient = () => new DomainError('INSUFFICIENT_POINTS', 'not enough spendable points for this order');
const outOfStock = (left: number) => new DomainError('OUT_OF_STOCK', `only ${left} left`, { stock: left });

/**
 * Staff order an item with points. One transaction takes the points (only spendable ones, never
 * below zero), the stock (never below zero) and writes the ledger entry, the order and the audit
 * entry; the provider must be ACTIVE when it commits.
 */
export async function createExchange(ctx: StaffCtx, body: ExchangeBody): Promise<{ exchange: Exchange }> {
  const { store, config } = ctx.deps;
  const providerId = ctx.principal.providerId;
  if (body.quantity > config.exchanges.maxQuantity) {
    invalid([{ in: 'body', field: 'quantity', message: `at most ${config.exchanges.maxQuantity} in one order` }]);
  }
  const idem = idempotency<{ exchange: Exchange }>(ctx, 'exchange', body);
  const [prior, provider, found] = await Promise.all([idem.prior(), store.providers.get(providerId), store.catalogItems.get(body.itemId)]);
  if (prior) return prior;
  if (provider?.status !== 'ACTIVE') throw unavailable();
  let item = found?.active ? found : notFound('catalogue item');
  const at = ctx.now.toISOString();
  // Matured holds become spendable before anything is taken from them.
  await store.points.settle(providerId, at);
  for (let attempt = 0; attempt < config.contention.maxAttempts; attempt++) {
    if (item.stock < body.quantity) throw outOfStock(item.stock);
    const exchange: ExchangeRecord = {
      id: newId('x'),
      providerId,
      providerName: provider.name,
      itemId: item.id,
      itemName: item.name,
      unit: item.unit,
      quantity: body.quantity,
      points: exchangeCost(item.points, body.quantity),
      status: 'PENDING',
      createdAt: at,
      decidedAt: null,
      reason: null,
    };
    const debit = ledgerRecord({ id: newId('l'), providerId, points: -exchange.points, reason: 'exchange', ref: exchange.id, at });
    const answer = { exchange };
    const audit = audited(ctx, { type: 'exchange', id: exchange.id }, null, exchange, providerId);
    const out = await store.exchanges.create(exchange, item.points, debit, { idempotency: idem.intent(answer), audit });
    if (out.ok) return answer;
    switch (out.part) {
      case 'idempotency':
        return idem.replay();
      case 'provider':
        throw unavailable();
      case 'stock':
        // Gone, deactivated, or repriced since it was read: judge it again as it is now.
        item = out.old?.active ? out.old : notFound('catalogue item');
        continue;
      case 'points': {
        // A hold may have matured since the settling: if what is spendable now covers it, settle and try again.
        const balance = await store.points.balance(providerId, at);
        if (balance.available < exchange.points) throw insufficient();
        await store.points.settle(providerId, at);
        continue;
      }
      // Fresh items (the exchange, its pointer, the ledger entry, the audit entry) and intents
      // this order does not send: a refusal there is a bug.
      case 'exchange':
      case 'pointer':
      case 'ledger':
      case 'audit':
      case 'impact':
      case 'rate':
      case 'approval':
        return unexpected('exchange', out);
    }
  }
  throw busy();
}

export const exchangePage = (page: Page<ExchangeRecord>): ExchangeList => ({ exchanges: page.items, next: page.next });

/** The provider's own exchanges, newest first. */
export async function staffExchanges(ctx: StaffCtx, query: PageOnlyQuery): Promise<ExchangeList> {
  return exchangePage(await ctx.deps.store.exchanges.listOf(ctx.principal.providerId, query));
}
