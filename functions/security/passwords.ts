import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Config } from '../config.js';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

type Params = Config['passwords'];
const options = (p: Params): ScryptOptions => ({ N: p.scryptN, r: p.scryptR, p: p.scryptP, maxmem: 256 * p.scryptN * p.scryptR });

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking stored hashes. */
export async function hashPassword(password: string, p: Params): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, p.keyLength, options(p));
  return ['scrypt', p.scryptN, p.scryptR, p.scryptP, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string, p: Params): Promise<boolean> {
  const [tag, n, r, par, salt, hash] = stored.split('$');
  if (tag !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const params = { ...p, scryptN: Number(n), scryptR: Number(r), scryptP: Number(par) };
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, options(params));
  return timingSafeEqual(key, expected);
}

/**
 * A hash of nothing in particular, checked when the username is unknown so that a wrong
 * username costs as long as a wrong password and does not reveal which accounts exist.
 */
export const decoyHash = (p: Params): Promise<string> => hashPassword(randomBytes(12).toString('hex'), p);
