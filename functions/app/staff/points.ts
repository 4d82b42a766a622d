import type { LedgerEntry } from '../../contract/points.js';
import { isReversible } from '../../domain/points.js';
import type { PageOnlyQuery as PageQuery, PointsResponse } from '../../contract/staff.js';
import type { LedgerRecord } from '../../store/index.js';
import type { Ctx, StaffCtx } from '../context.js';

export const entryView = ({ providerId: _p, ...e }: LedgerRecord): LedgerEntry => e;

/**
 * A provider's balance (spendable now and still held) and a page of its ledger, newest first; a
 * credit reversed in part or whole says how much (`reversed`), so nobody reads it as still live.
 */
export async function pointsOf(ctx: Ctx, providerId: string, page: PageQuery): Promise<PointsResponse> {
  const { store } = ctx.deps;
  const [balance, entries] = await Promise.all([store.points.balance(providerId, ctx.now.toISOString()), store.points.entries(providerId, page)]);
  const reversed = await store.points.reversedOfMany(entries.items.filter(isReversible));
  return {
    balance: balance.available,
    pending: balance.pending,
    entries: entries.items.map((e) => ({ ...entryView(e), ...(isReversible(e) ? { reversed: reversed.get(e.id) ?? 0 } : {}) })),
    next: entries.next,
  };
}

export const staffPoints = (ctx: StaffCtx, page: PageQuery) => pointsOf(ctx, ctx.principal.providerId, page);
