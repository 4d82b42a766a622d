// The admin session on this browser: its token (attached by services/request.ts to admin routes)
// and the name shown in the header.
import { useSignInGuard } from '../hooks/use-sign-in-guard';
import { go, routes } from '../routes';
import { readString, remove, StorageKey, writeString } from '../services/storage';

export const adminSignedIn = (): boolean => Boolean(readString(StorageKey.adminToken));
export const adminName = (): string | undefined => readString(StorageKey.adminName);

export function keepAdminSession(token: string, name: string): void {
  writeString(StorageKey.adminToken, token);
  writeString(StorageKey.adminName, name);
}

/** Forgets the session and starts over at the sign-in page (also when the server refuses the token). */
export function signOutAdmin(): void {
  remove(StorageKey.adminToken);
  remove(StorageKey.adminName);
  go.restart(routes.adminSignIn());
}

/** Sends a signed-out visitor to the sign-in page; true when the page may load. */
export const useAdminGuard = (): boolean => useSignInGuard(adminSignedIn(), routes.adminSignIn());
