import { createHmac, hkdfSync, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { sealer } from './personal-data.js';

/**
 * Administrators' second factor: TOTP secrets (RFC 6238, as every authenticator app reads them:
 * SHA-1, 6 digits, 30-second steps) sealed at rest, and one-time recovery codes kept only as keyed
 * hashes. One key does both, through a subkey each; on AWS only the functions that enrol
 * (admin) and check (sign-in) hold it, not the personal-data key's holders.
 */
export interface SecondFactor {
  /** A fresh secret for the account: as text and an `otpauth://` URI for the app, and sealed for the account item. */
  newSecret(username: string): { secret: string; uri: string; sealed: string };
  /** The time step a code belongs to, within `drift` steps either side of `now`; null when it matches none. */
  matchStep(sealed: string, username: string, otp: string, now: Date, drift: number): number | null;
  /** `n` new recovery codes (shown once) and their hashes (stored). */
  newRecoveryCodes(username: string, n: number): { codes: string[]; hashes: string[] };
  /** A typed recovery code's hash: case, spaces, dashes and look-alike letters do not matter. */
  recoveryHash(username: string, code: string): string;
}

const ISSUER = 'M餐';
const ALGORITHM = 'SHA1';
const DIGITS = 6;
const PERIOD = 30;
/** 160 bits, the size RFC 4226 recommends for an HMAC-SHA-1 secret. */
const SECRET_BYTES = 20;
/** Crockford's base32: no i, l, o or u, so a code read off paper is typed right. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** 10 characters of 32: 50 bits each, far beyond guessing at 20 failed sign-ins an hour. */
const CODE_LENGTH = 10;

const normalise = (code: string): string =>
  code.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');

export function secondFactor(key: Uint8Array): SecondFactor {
  if (key.length !== 32) throw new Error('the TOTP key must be 32 bytes');
  const subkey = (info: string) => Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), info, 32));
  const secrets = sealer(subkey('mcan totp secrets'));
  const recoveryKey = subkey('mcan recovery codes');
  // Bound to the account: a sealed secret or a code's hash copied onto another account is worthless.
  const aad = (username: string) => `totp|${username}`;
  const hash = (username: string, normalised: string) => createHmac('sha256', recoveryKey).update(`${username}\u0000${normalised}`).digest('base64url').slice(0, 32);
  const code = () => Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

  return {
    newSecret(username) {
      const secret = new Secret({ size: SECRET_BYTES });
      const uri = new TOTP({ issuer: ISSUER, label: username, secret, algorithm: ALGORITHM, digits: DIGITS, period: PERIOD }).toString();
      return { secret: secret.base32, uri, sealed: secrets.seal(secret.base32, aad(username)) };
    },
    matchStep(sealed, username, otp, now, drift) {
      const secret = Secret.fromBase32(secrets.open<string>(sealed, aad(username)));
      const timestamp = now.getTime();
      const delta = TOTP.validate({ token: otp, secret, algorithm: ALGORITHM, digits: DIGITS, period: PERIOD, timestamp, window: drift });
      return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp }) + delta;
    },
    newRecoveryCodes(username, n) {
      const codes = new Set<string>();
      while (codes.size < n) codes.add(code());
      const printed = [...codes].map((c) => `${c.slice(0, 5)}-${c.slice(5)}`);
      return { codes: printed, hashes: [...codes].map((c) => hash(username, c)) };
    },
    recoveryHash: (username, typed) => hash(username, normalise(typed)),
  };
}
