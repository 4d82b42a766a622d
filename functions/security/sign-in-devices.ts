import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The credential a staff or admin sign-in hands the device it came from: `<nonce>.<mac>`, where
 * the MAC is HMAC-SHA256 over the account's id, its session version and a random nonce. A later
 * sign-in that brings it back for the same account comes from a *known device*: its wrong
 * passwords are counted against that device alone, not against the address it shares with
 * whoever else is there (an attacker hammering the username included).
 *
 * Why a MAC and not a stored token: it needs no table item, no write on every sign-in and no new
 * grant. The sign-in function already holds a key for keyed hashes of identifiers (`idSecret`,
 * the recipient-id key); the tag `signin-device:` keeps these MACs apart from every recipient id
 * (`device:`, `wechat:`, `phone:`), phone key and code digest made with the same key. What one
 * proves is small — "this device signed in to this account while its sessions were current" —
 * and it opens nothing by itself: it only decides which throttle a password is counted against,
 * and which share of the hashing gate it may use. The session version inside means that ending
 * an account's sessions (a new admin password, "sign out everywhere", disabling a staff member)
 * forgets its devices too, so a lost laptop stops being known.
 */
export interface SignInDevice {
  /** What the client keeps and sends back as `device`. */
  token: string;
  /** Names the device's own failure counter (the nonce: not secret, the MAC is). */
  id: string;
}

interface DeviceOwner {
  id: string;
  sessionVersion?: number;
}

const mac = (secret: Uint8Array, owner: DeviceOwner, nonce: string): Buffer =>
  createHmac('sha256', secret)
    .update(`signin-device:${owner.id}:${owner.sessionVersion ?? 0}:${nonce}`)
    .digest();

/** A new credential for a device that has just signed in to `owner`. */
export function newSignInDevice(secret: Uint8Array, owner: DeviceOwner): SignInDevice {
  const nonce = randomBytes(16).toString('base64url');
  return { token: `${nonce}.${mac(secret, owner, nonce).toString('base64url')}`, id: nonce };
}

/** The device, if `token` is a credential this server gave for `owner` as it is now; else null. */
export function knownSignInDevice(secret: Uint8Array, owner: DeviceOwner, token: string): SignInDevice | null {
  const [nonce, given, ...rest] = token.split('.');
  if (!nonce || !given || rest.length > 0) return null;
  // Compared as text, so only the one spelling this server gave is accepted.
  const expected = Buffer.from(mac(secret, owner, nonce).toString('base64url'));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? { token, id: nonce } : null;
}
