// What every staff page shares besides its frame: the sign-in guard, the expiry of a session, and
// the staff wording of errors.
import { useCallback, type DependencyList } from 'react';
import { useResource, type ResourceInit } from '../hooks/use-resource';
import { useSignInGuard } from '../hooks/use-sign-in-guard';
import { useI18n } from '../i18n';
import { errorText, type ErrorContext } from '../i18n/errors';
import { go, routes } from '../routes';
import type { Failure, Result } from '../services/api';
import { staffSignedIn } from '../services/staff-session';
import { remove, StorageKey, writeString } from '../services/storage';

export const signedIn = staffSignedIn;

export function signOut(): void {
  remove(StorageKey.staffToken);
  remove(StorageKey.staffName);
  go.restart(routes.staffSignIn());
}

/** Sends a signed-out visitor to the sign-in page; true when the page may load. */
export const useStaffGuard = (): boolean => useSignInGuard(signedIn(), routes.staffSignIn());

/** The session ran out: back to sign-in, which says so; digits already typed are kept for after. */
export function expireStaffSession(typedCode = ''): void {
  remove(StorageKey.staffToken);
  if (typedCode) writeString(StorageKey.staffPendingCode, typedCode);
  go.replace(routes.staffSignIn(true));
}

function expired(failure: Failure): void {
  if (failure.code === 'UNAUTHENTICATED') expireStaffSession();
}

/** A staff page's data: loaded once signed in; an expired session goes back to sign-in. */
export function useStaffResource<T>(load: () => Promise<Result<T>>, deps: DependencyList, options: ResourceInit<T> = {}) {
  const allowed = signedIn();
  return useResource(
    async () => {
      const answer = await load();
      if (!answer.ok) expired(answer);
      return answer;
    },
    deps,
    { ...options, enabled: allowed && (options.enabled ?? true) },
  );
}

/** The failure's sentence; an expired session goes back to sign-in. */
export function useStaffError() {
  const { t } = useI18n();
  // New with each language, so a callback that lists it speaks the current one.
  return useCallback(
    (failure: Failure, context: ErrorContext = 'staff'): string => {
      expired(failure);
      return errorText(t, failure, context);
    },
    [t],
  );
}
