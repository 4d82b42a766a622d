import { createSecretKey } from 'node:crypto';
import { decodeProtectedHeader, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { newTokenKeyPair, tokenService } from '../../functions/security/tokens.js';

const now = new Date('2026-11-28T04:00:00Z');
const pair = newTokenKeyPair();
const signer = tokenService(pair);
const checker = tokenService({ signingKeyPem: null, verifyKeyPem: pair.verifyKeyPem });

describe('session tokens', () => {
  it('are EdDSA, and a function holding only the public half checks them but cannot mint one', async () => {
    const token = await signer.issue({ role: 'staff', id: 's_1', providerId: 'p_1' }, now, 60);
    expect(decodeProtectedHeader(token).alg).toBe('EdDSA');
    expect(await checker.verify(token, now)).toMatchObject({ role: 'staff', id: 's_1', providerId: 'p_1' });
    await expect(checker.issue({ role: 'admin', id: 'a_1' }, now, 60)).rejects.toThrow(/signing key/);
  });

  it('refuses tokens signed with another key, or HS256 with the public key as the secret', async () => {
    const other = tokenService(newTokenKeyPair());
    expect(await checker.verify(await other.issue({ role: 'admin', id: 'a_1' }, now, 60), now)).toBeNull();
    const confused = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('mcan')
      .setSubject('a_1')
      .setExpirationTime(Math.floor(now.getTime() / 1000) + 60)
      .sign(createSecretKey(Buffer.from(pair.verifyKeyPem)));
    expect(await checker.verify(confused, now)).toBeNull();
  });

  it('carry extra claims to the checker, never overriding the reserved ones', async () => {
    const token = await signer.issue({ role: 'staff', id: 's_1', providerId: 'p_1' }, now, 60, { sv: 3 });
    expect((await checker.verify(token, now))?.claims.sv).toBe(3);
    await expect(signer.issue({ role: 'recipient', id: 'r_1' }, now, 60, { role: 'admin' })).rejects.toThrow(/reserved/);
    await expect(signer.issue({ role: 'recipient', id: 'r_1' }, now, 60, { sub: 'a_1' })).rejects.toThrow(/reserved/);
  });

  it('expire', async () => {
    const token = await signer.issue({ role: 'recipient', id: 'r_1' }, now, 60);
    expect(await checker.verify(token, new Date(now.getTime() + 61_000))).toBeNull();
  });
});
