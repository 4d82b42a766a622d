/** The thanks a restaurant's staff see: likes and notes, dated by day, never by who. */
import { localMoment } from '../../domain/time.js';
import type { StaffCtx } from '../context.js';

export async function staffThanks(ctx: StaffCtx, q: { limit: number; cursor?: string }) {
  const { providerId } = ctx.principal;
  const [page, likes] = await Promise.all([ctx.deps.store.thanks.notesOf(providerId, q), ctx.deps.store.thanks.likesOf(providerId)]);
  // The day, not the instant: a note's second would point at the person just served.
  const day = (at: string) => localMoment(new Date(at), ctx.deps.config.timeZone).date;
  return { likes, thanks: page.items.map((n) => ({ id: n.id, note: n.note, at: day(n.at) })), next: page.next };
}
