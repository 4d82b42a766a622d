import type { AdjustmentBody, LedgerEntry, ReversalBody } from '../../contract/points.js';
import type { PageOnlyQuery } from '../../contract/staff.js';
import { fail, notFound, unexpected } from '../../domain/errors.js';
import { holdMatured, isReversible, reversalPoints } from '../../domain/points.js';
import { newId } from '../../security/ids.js';
import { ledgerRecord } from '../../store/points.js';
import { audited } from '../audit.js';
import type { AdminCtx } from '../context.js';
import { entryView, pointsOf } from '../staff/points.js';
import { decidedMeanwhile, requestApproval, type Approved } from './four-eyes.js';

const insufficient = () => fail('INSUFFICIENT_POINTS', 'that would take the balance below zero');

async function requireProvider(ctx: AdminCtx, id: string, field: string) {
  return (await ctx.deps.store.providers.get(id)) ?? notFound(field);
}

/** A provider's balance and ledger, as its staff see them. */
export async function providerPoints(ctx: AdminCtx, params: { id: string }, page: PageOnlyQuery) {
  await requireProvider(ctx, params.id, 'provider');
  return pointsOf(ctx, params.id, page);
}

/** Above the threshold a change of points waits for a second administrator. */
const needsFourEyes = (ctx: AdminCtx, points: number) => Math.abs(points) > ctx.deps.config.office.fourEyesAbovePoints;

/**
 * An admin's adjustment: a credit is spendable at once; a debit never takes the balance below
 * zero. Above the four-eyes threshold it waits for a second administrator instead (202).
 */
export async function createPointsAdjustment(ctx: AdminCtx, body: AdjustmentBody) {
  await requireProvider(ctx, body.providerId, 'provider');
  if (needsFourEyes(ctx, body.points)) return requestApproval(ctx, 'points_adjustment', { providerId: body.providerId, points: body.points, reason: body.reason }, { type: 'provider', id: body.providerId });
  return applyAdjustment(ctx, body);
}

/** The adjustment itself, at once or (`approval`) as a second administrator's approval carries it out. */
export async function applyAdjustment(ctx: AdminCtx, body: AdjustmentBody, approval?: Approved): Promise<{ entry: LedgerEntry }> {
  const { store } = ctx.deps;
  const at = ctx.now.toISOString();
  if (body.points < 0) await store.points.settle(body.providerId, at);
  const entry = ledgerRecord({ id: newId('l'), providerId: body.providerId, points: body.points, reason: 'adjustment', ref: newId('adj'), note: body.reason, at });
  const audit = audited(ctx, { type: 'provider', id: body.providerId }, null, { ...entryView(entry), ...approval?.record });
  const out = await store.points.adjust(entry, { audit, approval: approval?.decision });
  if (!out.ok) return out.part === 'points' ? insufficient() : out.part === 'approval' ? decidedMeanwhile() : unexpected('adjustment', out);
  return { entry: entryView(entry) };
}

/**
 * Take back a credit, whole or in part: during its hold (or an integrity freeze) from what is
 * pending, after it from what is spendable (refused if that is already spent). The reversal is an
 * entry of its own; the four-eyes threshold applies to the points it takes.
 */
export async function createPointsReversal(ctx: AdminCtx, body: ReversalBody) {
  const { credit, points } = await reversible(ctx, body);
  if (needsFourEyes(ctx, points)) {
    return requestApproval(ctx, 'points_reversal', { providerId: body.providerId, entryId: body.entryId, points: -points, reason: body.reason }, { type: 'ledger_entry', id: credit.id }, body.providerId);
  }
  return applyReversal(ctx, { ...body, points });
}

/** The credit and how much of it this reversal takes (refused when more than is left of it). */
async function reversible(ctx: AdminCtx, body: ReversalBody) {
  const { points: store } = ctx.deps.store;
  const credit = (await store.entry(body.providerId, body.entryId)) ?? notFound('ledger entry');
  if (!isReversible(credit)) fail('CONFLICT', 'only a credit (a meal or an adjustment) can be reversed', { reason: 'not_a_credit' });
  const reversedSoFar = await store.reversedOf(credit);
  const points = reversalPoints(credit.points, reversedSoFar, body.points);
  if (points === null) return tooMuch(credit.points - reversedSoFar);
  return { credit, points };
}

const tooMuch = (left: number): never =>
  left <= 0
    ? fail('CONFLICT', 'this credit was already reversed', { reason: 'reversed', left: 0 })
    : fail('CONFLICT', `only ${left} points of this credit are left to reverse`, { reason: 'more_than_left', left });

/** The reversal itself, at once or (`approval`) as a second administrator's approval carries it out. */
export async function applyReversal(ctx: AdminCtx, body: ReversalBody, approval?: Approved): Promise<{ entry: LedgerEntry }> {
  const { store } = ctx.deps;
  const { credit, points } = await reversible(ctx, body);
  const at = ctx.now.toISOString();
  // Past its availableAt a credit is still held while an integrity flag freezes it.
  const held = !holdMatured(credit.availableAt, at, (await store.points.state(body.providerId)).frozenSince);
  if (!held) await store.points.settle(body.providerId, at);
  const entry = ledgerRecord({ id: newId('l'), providerId: body.providerId, points: -points, reason: 'reversal', ref: credit.id, note: body.reason, at });
  const audit = audited(ctx, { type: 'ledger_entry', id: credit.id }, entryView(credit), { ...entryView(entry), ...approval?.record }, body.providerId);
  const out = await store.points.reverse(credit, entry, held, { audit, approval: approval?.decision });
  if (out.ok) return { entry: entryView(entry) };
  switch (out.part) {
    case 'reversed':
      // Another reversal of it committed between the read and this write: say what is left now.
      return tooMuch(credit.points - (await store.points.reversedOf(credit)));
    case 'approval':
      return decidedMeanwhile();
    case 'points':
      // Held: the hold matured meanwhile (safe to retry); spendable: already spent.
      return held ? fail('BUSY', 'the credit just became spendable; try again') : insufficient();
    // Parts this reversal does not condition, or whose refusal would be a bug (a fresh id taken).
    case 'ledger':
    case 'audit':
    case 'idempotency':
    case 'impact':
    case 'rate':
      return unexpected('reversal', out);
  }
}
