import { useEffect } from 'react';
import { go } from '../routes';

/** Sends a visitor without a session to `signInUrl` (in place of this page); true when the page may load. */
export function useSignInGuard(signedIn: boolean, signInUrl: string): boolean {
  useEffect(() => {
    if (!signedIn) go.replace(signInUrl);
  }, [signedIn, signInUrl]);
  return signedIn;
}
