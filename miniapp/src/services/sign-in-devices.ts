// The device credentials staff and admin sign-ins answer (`device`), kept per username on this
// device and sent back with that username's next sign-in. With one, the server counts this
// device's wrong passwords against the device alone: someone hammering the username from the
// same wifi, or flooding sign-in with made-up names, cannot lock it out. Signing out keeps them
// (that is the point); the server forgets them when the account's sessions are ended.
import { SignInDevice } from '@contract';
import { readJson, StorageKey, writeJson } from './storage';

/** A counter tablet may be shared by a few staff; the oldest credential beyond this is dropped. */
const MAX_KEPT = 8;

type Kept = [username: string, device: string][];

/** Typed the way the server looks it up: a phone that capitalises the first letter is the same name. */
const nameOf = (username: string) => username.trim().toLowerCase();

/** Only entries the contract accepts: a damaged entry must not turn into a refused sign-in. */
function kept(): Kept {
  const raw = readJson<unknown>(StorageKey.signInDevices);
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (e): e is [string, string] => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && SignInDevice.safeParse(e[1]).success,
  );
}

/** The credential to send with a sign-in as `username`, if this device has one. */
export function signInDevice(username: string): string | undefined {
  return kept().find(([name]) => name === nameOf(username))?.[1];
}

/** Keeps what a successful sign-in answered, newest last. */
export function keepSignInDevice(username: string, device: string): void {
  const name = nameOf(username);
  writeJson(StorageKey.signInDevices, [...kept().filter(([n]) => n !== name), [name, device]].slice(-MAX_KEPT));
}
