/**
 * A district officer looks after the providers of their sub-districts only: another district's
 * provider is refused (403) when named and left out when listed. Other roles see every district.
 */
import { DomainError, invalid } from '../../domain/errors.js';
import type { AdminCtx } from '../context.js';

/** The sub-districts this administrator is limited to, or null for all of them. */
export const scopeOf = (ctx: AdminCtx): readonly string[] | null => (ctx.principal.office.role === 'officer' ? ctx.principal.office.districts : null);

export const inScope = (ctx: AdminCtx, district: string): boolean => scopeOf(ctx)?.includes(district) ?? true;

export function requireScope(ctx: AdminCtx, district: string): void {
  if (!inScope(ctx, district)) throw new DomainError('FORBIDDEN', 'this provider is in a sub-district you do not look after', { reason: 'district' });
}

/** Sub-districts named in a body exist (`field`: where the problem is told); refused with 422 otherwise. */
export async function requireKnownDistricts(ctx: AdminCtx, ids: readonly string[], field: string): Promise<void> {
  const known = new Set((await ctx.deps.listing.districts()).map((d) => d.id));
  const unknown = ids.filter((d) => !known.has(d));
  if (unknown.length) invalid([{ in: 'body', field, message: `unknown sub-district ${unknown.join(', ')}` }]);
}
