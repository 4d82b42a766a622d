import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for verification applications' personal data. The record id is bound as
 * associated data, so a ciphertext copied onto another record does not decrypt.
 */
export interface Sealer {
  seal(plain: unknown, recordId: string): string;
  open<T>(sealed: string, recordId: string): T;
  /**
   * A keyed hash of an applicant's phone number (one pending or approved application per phone),
   * under a subkey derived from the personal-data key: only where that key is held, never the number.
   */
  phoneKey(phone: string): string;
}

export function sealer(key: Uint8Array): Sealer {
  if (key.length !== 32) throw new Error('the personal-data key must be 32 bytes');
  const phoneSubkey = Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'mcan verification phone', 32));
  return {
    phoneKey: (phone) => createHmac('sha256', phoneSubkey).update(phone).digest('base64url').slice(0, 32),
    seal(plain, recordId) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from(recordId));
      const body = Buffer.concat([c.update(JSON.stringify(plain), 'utf8'), c.final()]);
      return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open<T>(sealed: string, recordId: string): T {
      const [v, iv, tag, body] = sealed.split('.');
      if (v !== 'v1' || !iv || !tag || !body) throw new Error('not a sealed record');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAAD(Buffer.from(recordId));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return JSON.parse(Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8')) as T;
    },
  };
}
