import type { Store } from '../store/index.js';
import type { StaffSessionState } from '../store/records.js';

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
export function adminSessions(store: Store, ttlMs: number, clock: () => number = () => performance.now()): StaffSessions {
  return sessionGuard((username) => store.accounts.adminSessionState(username), ttlMs, clock);
}

function sessionGuard(load: (id: string) => Promise<StaffSessionState | null>, ttlMs: number, clock: () => number): StaffSessions {
  const entries = new Map<string, { at: number; state: Promise<StaffSessionState | null> }>();
  return {
    async accepts(p) {
      const at = clock();
      let hit = entries.get(p.id);
      if (!hit || at - hit.at >= ttlMs) {
        hit = { at, state: load(p.id) };
        entries.set(p.id, hit);
        hit.state.catch(() => entries.delete(p.id));
      }
      const state = await hit.state;
      return state !== null && !state.disabled && state.sessionVersion === p.sv;
    },
    forget: (staffId) => void entries.delete(staffId),
  };
}
