import { readString, StorageKey } from './storage';

/** Whether a staff session is held on this device (kept in the main package: the home page asks). */
export function staffSignedIn(): boolean {
  return Boolean(readString(StorageKey.staffToken));
}
