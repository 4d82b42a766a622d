import { createHmac } from 'node:crypto';

/**
 * A recipient's id is a keyed hash of what identifies their device or WeChat account, so the
 * same person always gets the same id while the table never holds the device key, openid or
 * phone number. One phone number is one recipient: its id is derived from the number.
 */
export type IdentitySource = 'device' | 'wechat' | 'phone';

export function recipientId(secret: Uint8Array, source: IdentitySource, subject: string): string {
  return 'r_' + createHmac('sha256', secret).update(`${source}:${subject}`).digest('base64url').slice(0, 32);
}
