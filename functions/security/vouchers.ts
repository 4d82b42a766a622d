import { createPrivateKey, createPublicKey, generateKeyPairSync, randomInt, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Vouchers are `M1.<bookingId>.<signature>`: an Ed25519 signature over booking id, provider id
 * and date, so a voucher cannot be forged, nor moved to another restaurant or day, and anyone
 * holding the public key can check one offline.
 */
export interface Vouchers {
  /** Signs a voucher; only where the signing key was given (the booking path), else throws. */
  issue(bookingId: string, providerId: string, date: string): string;
  /** The booking id a voucher names, or null when it is not shaped like one. */
  bookingIdOf(voucher: string): string | null;
  /** Is the signature good for this booking, provider and date? */
  verify(voucher: string, providerId: string, date: string): boolean;
  publicKeyPem: string;
}

const SHAPE = /^M1\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{86})$/;
export const signedPayload = (bookingId: string, providerId: string, date: string): string => `M1|${bookingId}|${providerId}|${date}`;

export interface VoucherKeys {
  /** Ed25519 private key, PKCS#8 PEM; null where vouchers are only checked (the counter). */
  signingKeyPem: string | null;
  /** Ed25519 public key, SPKI PEM. */
  verifyKeyPem: string;
}

export function vouchers(keys: VoucherKeys): Vouchers {
  const privateKey: KeyObject | null = keys.signingKeyPem ? createPrivateKey(keys.signingKeyPem) : null;
  const publicKey = createPublicKey(keys.verifyKeyPem);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('the voucher verify key must be Ed25519');
  return {
    issue(bookingId, providerId, date) {
      if (!privateKey) throw new Error('this function does not hold the voucher signing key');
      const sig = sign(null, Buffer.from(signedPayload(bookingId, providerId, date)), privateKey);
      return `M1.${bookingId}.${sig.toString('base64url')}`;
    },
    bookingIdOf: (voucher) => SHAPE.exec(voucher)?.[1] ?? null,
    verify(voucher, providerId, date) {
      const m = SHAPE.exec(voucher);
      if (!m) return false;
      const sig = Buffer.from(m[2]!, 'base64url');
      // base64url has several spellings of the last character; only the canonical one is accepted.
      if (sig.length !== 64 || sig.toString('base64url') !== m[2]) return false;
      return verify(null, Buffer.from(signedPayload(m[1]!, providerId, date)), publicKey, sig);
    },
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function newVoucherKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** An 8-digit backup code; uniqueness among the provider's codes that day is enforced by the store. */
export const newBackupCode = (): string => String(randomInt(0, 100_000_000)).padStart(8, '0');
