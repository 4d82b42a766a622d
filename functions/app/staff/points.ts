import type { LedgerEntry } from '../../contract/points.js';
import type { PageOnlyQuery as PageQuery, PointsResponse } from '../../contract/staff.js';
import type { LedgerRecord } from '../../store/index.js';
import type { Ctx, StaffCtx } from '../context.js';

export const entryView = ({ providerId: _p, ...e }: LedgerRecord): LedgerEntry => e;

/** A provider's balance (spendable now and still held) and a page of its ledger, newest first. */
export async function pointsOf(ctx: Ctx, providerId: string, page: PageQuery): Promise<PointsResponse> {
  const { store } = ctx.deps;
  const [balance, entries] = await Promise.all([store.points.balance(providerId, ctx.now.toISOString()), store.points.entries(providerId, page)]);
  return { balance: balance.available, pending: balance.pending, entries: entries.items.map(entryView), next: entries.next };
}

export const staffPoints = (ctx: StaffCtx, page: PageQuery) => pointsOf(ctx, ctx.principal.providerId, page);
