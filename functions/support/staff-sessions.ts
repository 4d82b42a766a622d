import type { Store } from '../store/index.js';
import type { AdminSessionState, StaffSessionState } from '../store/records.js';

/**
 * Whether a staff token still stands: its account is not disabled and its session version is the
 * account's current one. Read through a short in-process cache (a warm Lambda keeps it), so a
 * disable bites within `ttlMs` everywhere and at once in the process that made it. Entries are
 * per genuine staff id (tokens are signed), so the cache is bounded by the staff there are.
 */
export interface StaffSessions {
  accepts(p: { id: string; sv: number }): Promise<boolean>;
  forget(staffId: string): void;
}

export function staffSessions(store: Store, ttlMs: number, clock: () => number = () => performance.now()): StaffSessions {
  return sessionGuard((id) => store.accounts.sessionState(id), ttlMs, clock);
}

/**
 * The same for admin tokens, keyed by the account's username (carried in the token): ending an
 * admin's sessions, or a new admin password at start, bites within `ttlMs` everywhere.
 */
export interface AdminSessions {
  /** The account's current role and state when the token still stands (version and not disabled); else null. */
  current(p: { id: string; sv: number }): Promise<AdminSessionState | null>;
  forget(username: string): void;
}

/**
 * The same for admin tokens, keyed by the account's username (carried in the token): ending an
 * admin's sessions, disabling the account or a new admin password at start bites within `ttlMs`
 * everywhere. The role and sub-districts come from the same read, so a changed role applies as
 * fast, without a new token.
 */
export function adminSessions(store: Store, ttlMs: number, clock: () => number = () => performance.now()): AdminSessions {
  const guard = sessionGuard((username) => store.accounts.adminSessionState(username), ttlMs, clock);
  return { current: (p) => guard.current(p), forget: guard.forget };
}

function sessionGuard<S extends StaffSessionState>(load: (id: string) => Promise<S | null>, ttlMs: number, clock: () => number) {
  const entries = new Map<string, { at: number; state: Promise<S | null> }>();
  const current = async (p: { id: string; sv: number }): Promise<S | null> => {
    const at = clock();
    let hit = entries.get(p.id);
    if (!hit || at - hit.at >= ttlMs) {
      hit = { at, state: load(p.id) };
      entries.set(p.id, hit);
      hit.state.catch(() => entries.delete(p.id));
    }
    const state = await hit.state;
    return state !== null && !state.disabled && state.sessionVersion === p.sv ? state : null;
  };
  return {
    current,
    accepts: async (p: { id: string; sv: number }) => (await current(p)) !== null,
    forget: (id: string) => void entries.delete(id),
  };
}
