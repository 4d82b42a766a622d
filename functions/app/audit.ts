import type { Decider } from '../contract/common.js';
import { newId } from '../security/ids.js';
import type { AuditEntry } from '../store/audit.js';
import type { AdminCtx, StaffCtx } from './context.js';

/**
 * Fields that could lead to a recipient or open an account; the audit log keeps none. (A
 * verification's name and phone are never passed in: its entries carry the status alone.)
 */
const PERSONAL = new Set([
  'recipientId',
  'recipient',
  'phone',
  'sealed',
  'voucher',
  'code',
  'passwordHash',
  'password',
  'posterToken',
  // An administrator's second factor: the TOTP secret (clear or sealed) and the recovery codes.
  'secret',
  'totpPending',
  'totpSecret',
  'recoveryCodes',
  'totpRecovery',
]);

function scrub(v: unknown, depth = 0): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v !== 'object' || depth > 4) return v;
  if (Array.isArray(v)) return v.map((x) => scrub(x, depth + 1));
  return Object.fromEntries(Object.entries(v).filter(([k]) => !PERSONAL.has(k)).map(([k, x]) => [k, scrub(x, depth + 1)]));
}

/**
 * The audit entry of this request's state change. Every staff and admin change passes it to
 * its store call, which writes it as the `audit` part of the change's own transaction — so the
 * entry exists exactly when the change committed:
 *
 *   await store.catalog.put(item, { audit: audited(ctx, { type: 'catalog_item', id }, before, item) });
 *
 * The action is the route's name (`approveProvider`); `before`/`after` lose any field that could
 * lead to a recipient. `providerId` names the provider a part (an offering, a staff account, a
 * ledger entry, an exchange…) belongs to, so the entry is in that provider's family history too;
 * a provider's own entries are there without it.
 */
/** The administrator deciding this request, as a decision record names them. */
export const decider = (ctx: AdminCtx): Decider => ({ id: ctx.principal.id, name: ctx.principal.name ?? '' });

export function audited(ctx: StaffCtx | AdminCtx, target: AuditEntry['target'], before: unknown, after: unknown, providerId?: string): AuditEntry {
  const p = ctx.principal;
  const family = providerId ?? (target.type === 'provider' ? target.id : undefined);
  return {
    id: newId('au'),
    at: ctx.now.toISOString(),
    actor: p.role === 'admin' ? { role: p.role, id: p.id, name: p.name ?? '', username: p.username } : { role: p.role, id: p.id, name: p.name ?? '' },
    action: ctx.route,
    target,
    ...(family ? { providerId: family } : {}),
    before: scrub(before),
    after: scrub(after),
  };
}
