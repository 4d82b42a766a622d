import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { knownSignInDevice, newSignInDevice } from '../../functions/security/sign-in-devices.js';
import { SignInDevice } from '../../functions/contract/sessions.js';

const secret = randomBytes(32);
const staff = { id: 's_one', sessionVersion: 0 };

describe('sign-in device credentials', () => {
  it('are known for the account they were given for, as the client keeps them (the contract accepts them)', () => {
    const d = newSignInDevice(secret, staff);
    expect(SignInDevice.safeParse(d.token).success).toBe(true);
    expect(knownSignInDevice(secret, staff, d.token)).toEqual(d);
    // A session version absent on older accounts is 0.
    expect(knownSignInDevice(secret, { id: 's_one' }, d.token)).toEqual(d);
  });

  it('are no credential for another account, after the sessions were ended, under another key, or altered', () => {
    const d = newSignInDevice(secret, staff);
    const [nonce, mac] = d.token.split('.') as [string, string];
    expect(knownSignInDevice(secret, { id: 's_two', sessionVersion: 0 }, d.token)).toBeNull();
    expect(knownSignInDevice(secret, { id: 's_one', sessionVersion: 1 }, d.token)).toBeNull();
    expect(knownSignInDevice(randomBytes(32), staff, d.token)).toBeNull();
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A');
    for (const forged of [`${nonce}.${flipped}`, `${nonce}x.${mac}`, nonce, `${nonce}.${mac}.x`, `.${mac}`, `${nonce}.`, `${nonce}.${mac}=`, '']) {
      expect(knownSignInDevice(secret, staff, forged), forged).toBeNull();
    }
  });
});
