import { createPrivateKey, createPublicKey, generateKeyPairSync, randomInt, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Vouchers are `M1.<bookingId>.<signature>`: an Ed25519 signature over booking id, provider id
 * and date, so a voucher cannot be forged, nor moved to another restaurant or day, and anyone
 * holding the public key can check one offline.
 */
export interface Vouchers {
  issue(bookingId: string, providerId: string, date: string): string;
  /** The booking id a voucher names, or null when it is not shaped like one. */
  bookingIdOf(voucher: string): string | null;
  /** Is the signature good for this booking, provider and date? */
  verify(voucher: string, providerId: string, date: string): boolean;
  publicKeyPem: string;
}

const SHAPE = /^M1\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{86})$/;
export const signedPayload = (bookingId: string, providerId: string, date: string): string => `M1|${bookingId}|${providerId}|${date}`;

export function vouchers(privateKeyPem: string): Vouchers {
  const privateKey: KeyObject = createPrivateKey(privateKeyPem);
  const publicKey = createPublicKey(privateKey);
  return {
    issue(bookingId, providerId, date) {
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
