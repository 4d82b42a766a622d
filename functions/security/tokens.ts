import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import type { Role } from '../contract/endpoints.js';

/** Who is calling, as proven by a session token. Checked on CPU alone: no table read. */
export type Principal =
  | { role: 'recipient'; id: string }
  | { role: 'staff'; id: string; providerId: string; name?: string }
  /** `username`: the account whose session version the token is checked against (tokens since issue 8). */
  | { role: 'admin'; id: string; name?: string; username?: string };

/** A verified principal and every claim its token carries (extra claims such as a session version ride along). */
export type Verified = Principal & { claims: Readonly<JWTPayload> };

/** Claims a caller may add to a token beyond the principal; the reserved ones are set here. */
export type ExtraClaims = Record<string, string | number | boolean>;

export interface TokenService {
  /** Signs a token; only where the signing key was given (the sign-in path), else throws. */
  issue(p: Principal, now: Date, ttlSeconds: number, extra?: ExtraClaims): Promise<string>;
  /** The principal, or null for a missing, forged, malformed or expired token. */
  verify(token: string, now: Date): Promise<Verified | null>;
}

const ISSUER = 'mcan';
// EdDSA (Ed25519): the private half signs and lives only where sessions are made; every function
// that checks a session holds only the public half, so it cannot mint a token for anyone.
const ALG = 'EdDSA';
const ROLES: ReadonlySet<string> = new Set<Role>(['recipient', 'staff', 'admin']);
const RESERVED = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'role', 'pid', 'name']);

export interface TokenKeys {
  /** Ed25519 private key, PKCS#8 PEM; null where tokens are only checked. */
  signingKeyPem: string | null;
  /** Ed25519 public key, SPKI PEM. */
  verifyKeyPem: string;
}

export function tokenService(keys: TokenKeys): TokenService {
  const signingKey: KeyObject | null = keys.signingKeyPem ? createPrivateKey(keys.signingKeyPem) : null;
  const verifyKey = createPublicKey(keys.verifyKeyPem);
  if (verifyKey.asymmetricKeyType !== 'ed25519') throw new Error('the token verify key must be Ed25519');
  return {
    async issue(p, now, ttlSeconds, extra = {}) {
      if (!signingKey) throw new Error('this function does not hold the token signing key');
      const iat = Math.floor(now.getTime() / 1000);
      const claims: Record<string, string | number | boolean> = {};
      for (const [k, v] of Object.entries(extra)) {
        if (RESERVED.has(k)) throw new Error(`claim ${k} is reserved`);
        claims[k] = v;
      }
      claims.role = p.role;
      if (p.role === 'staff') claims.pid = p.providerId;
      // The display name rides along for the audit log's actor, so writing an entry needs no read.
      if (p.role !== 'recipient' && p.name) claims.name = p.name;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: ALG })
        .setIssuer(ISSUER)
        .setSubject(p.id)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(signingKey);
    },
    async verify(token, now) {
      try {
        const { payload } = await jwtVerify(token, verifyKey, {
          issuer: ISSUER,
          algorithms: [ALG],
          currentDate: now,
          requiredClaims: ['sub', 'exp'],
        });
        const role = payload.role;
        const sub = payload.sub!;
        if (typeof role !== 'string' || !ROLES.has(role)) return null;
        const name = typeof payload.name === 'string' ? { name: payload.name } : {};
        if (role === 'staff') {
          return typeof payload.pid === 'string' ? { role, id: sub, providerId: payload.pid, ...name, claims: payload } : null;
        }
        const username = typeof payload.u === 'string' ? { username: payload.u } : {};
        return role === 'admin' ? { role, id: sub, ...name, ...username, claims: payload } : { role: 'recipient', id: sub, claims: payload };
      } catch (e) {
        if (e instanceof joseErrors.JOSEError || e instanceof TypeError) return null;
        throw e;
      }
    },
  };
}

/** A fresh Ed25519 key pair for session tokens, as PEM (local mode and infra/put-secrets.ts). */
export function newTokenKeyPair(): { signingKeyPem: string; verifyKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    verifyKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The public half of an Ed25519 private key, as SPKI PEM. */
export const publicKeyPemOf = (privateKeyPem: string): string =>
  createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
