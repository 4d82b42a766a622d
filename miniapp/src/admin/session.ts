// The admin session on this browser: its token (attached by services/request.ts to admin routes)
// and who signed in — name for the header, role and sub-districts for what the desk shows.
import type { AdminAccount } from '@contract';
import { useSignInGuard } from '../hooks/use-sign-in-guard';
import { go, routes } from '../routes';
import { forgetDrafts, keepForReturn } from './drafts';
import { readJson, readString, remove, StorageKey, writeJson, writeString } from '../services/storage';

/** The sign-in's `admin` (the office's account without what only the office page needs). */
export type AdminIdentity = Pick<AdminAccount, 'id' | 'username' | 'name' | 'role' | 'districts' | 'mustChangePassword'>;

export const adminSignedIn = (): boolean => Boolean(readString(StorageKey.adminToken));

/** The signed-in administrator as the sign-in (or the profile page's last read) described them. */
export const adminIdentity = (): AdminIdentity | undefined => readJson<AdminIdentity>(StorageKey.adminIdentity);

export function keepAdminSession(token: string, admin: AdminIdentity): void {
  writeString(StorageKey.adminToken, token);
  keepAdminIdentity(admin);
}

/** A newer description of the same account (its role or name changed, a new password was chosen). */
export function keepAdminIdentity(admin: AdminIdentity): void {
  const { id, username, name, role, districts, mustChangePassword } = admin;
  writeJson(StorageKey.adminIdentity, { id, username, name, role, districts, mustChangePassword });
}

/** Why the sign-in page was opened, when it has something to say (routes.adminSignIn). */
export type SignInReason = 'password' | 'expired';

/**
 * Forgets the session and starts over at the sign-in page. `expired`: the server refused the token
 * mid-work, so the open forms' drafts and this page are kept for the same person's next sign-in;
 * any other sign-out leaves nothing behind.
 */
export function signOutAdmin(reason?: SignInReason): void {
  if (reason === 'expired') {
    // The page's other requests meet the same ended session: the first one has done all this.
    if (!adminSignedIn()) return;
    const who = adminIdentity();
    if (who && process.env.TARO_ENV === 'h5') keepForReturn({ url: window.location.hash.slice(1), username: who.username });
  } else forgetDrafts();
  remove(StorageKey.adminToken);
  remove(StorageKey.adminIdentity);
  go.restart(routes.adminSignIn(reason));
}

/** Sends a signed-out visitor to the sign-in page; true when the page may load. */
export const useAdminGuard = (): boolean => useSignInGuard(adminSignedIn(), routes.adminSignIn());
