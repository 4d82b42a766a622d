import type { AdminRole } from '../contract/office.js';
import type { Principal } from '../security/tokens.js';
import type { Deps } from './deps.js';

/** What every use case receives besides its input: dependencies, the time, and who is asking. */
export interface Ctx<P extends Principal | null = Principal | null> {
  deps: Deps;
  now: Date;
  principal: P;
  requestId: string;
  /** The caller's network address as the gateway saw it (per-client throttles only; never stored with a person). */
  client: string;
  /** The route's name in the contract (`redeem`, `approveProvider`…): the audit log's action. */
  route: string;
  /** The Idempotency-Key header, on routes that honour it. */
  idempotencyKey: string | null;
}

export type RecipientCtx = Ctx<Extract<Principal, { role: 'recipient' }>>;
export type StaffCtx = Ctx<Extract<Principal, { role: 'staff' }>>;

/** What an administrator may do, as their account says now (read with the token check, not from the token). */
export interface AdminOffice {
  role: AdminRole;
  /** An officer's sub-districts; empty for the other roles. */
  districts: readonly string[];
  totpOn: boolean;
  mustChangePassword: boolean;
}
export type AdminPrincipal = Extract<Principal, { role: 'admin' }> & { username: string; office: AdminOffice };
export type AdminCtx = Ctx<AdminPrincipal>;
