import { audited } from '../audit.js';
import type { AdminCtx } from '../context.js';

/**
 * "Sign out everywhere": every session of the calling admin account ends (this one included) —
 * at once in this process, within the session cache's TTL in every other. For a lost laptop or a
 * token that leaked; a new admin password at start does the same.
 */
export async function endAdminSessions(ctx: AdminCtx): Promise<{ ended: true }> {
  const username = ctx.principal.username ?? '';
  await ctx.deps.store.accounts.endAdminSessions(username, { audit: audited(ctx, { type: 'admin', id: ctx.principal.id }, null, { sessions: 'ended' }) });
  ctx.deps.adminSessions.forget(username);
  return { ended: true };
}
