import { createHmac } from 'node:crypto';

/**
 * A recipient's id is a keyed hash of what identifies their device or WeChat account, so the
 * same person always gets the same id while the table never holds the device key or openid.
 */
export type IdentitySource = 'device' | 'wechat';

export function recipientId(secret: Uint8Array, source: IdentitySource, subject: string): string {
  return 'r_' + createHmac('sha256', secret).update(`${source}:${subject}`).digest('base64url').slice(0, 32);
}
