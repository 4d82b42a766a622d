import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * A phone number as M餐 keeps it: a keyed hash, never the number. Challenges and the one recipient
 * per phone are found by this; a table dump reveals no numbers.
 */
export const phoneKey = (secret: Uint8Array, phone: string): string =>
  createHmac('sha256', secret).update(`phone:${phone}`).digest('base64url').slice(0, 32);

/** A uniformly random code of `digits` digits (leading zeros kept). */
export const newPhoneCode = (digits: number): string => String(randomInt(0, 10 ** digits)).padStart(digits, '0');

/** What the challenge item holds instead of the code itself. */
export const codeDigest = (secret: Uint8Array, key: string, code: string): string =>
  createHmac('sha256', secret).update(`code:${key}:${code}`).digest('base64url');

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
