import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Role } from '../contract/endpoints.js';

/** Who is calling, as proven by a session token. Checked on CPU alone: no table read. */
export type Principal =
  | { role: 'recipient'; id: string }
  /** `sv`: the account's session version when signed in; a disable moves it on (checked in http/adapter.ts). */
  | { role: 'staff'; id: string; providerId: string; sv: number }
  | { role: 'admin'; id: string };

export interface TokenService {
  issue(p: Principal, now: Date, ttlSeconds: number): Promise<string>;
  /** The principal, or null for a missing, forged, malformed or expired token. */
  verify(token: string, now: Date): Promise<Principal | null>;
}

const ISSUER = 'mcan';
const ROLES: ReadonlySet<string> = new Set<Role>(['recipient', 'staff', 'admin']);

export function tokenService(secret: Uint8Array): TokenService {
  return {
    async issue(p, now, ttlSeconds) {
      const iat = Math.floor(now.getTime() / 1000);
      const claims: Record<string, string | number> = { role: p.role };
      if (p.role === 'staff') {
        claims.pid = p.providerId;
        claims.sv = p.sv;
      }
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setSubject(p.id)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(secret);
    },
    async verify(token, now) {
      try {
        const { payload } = await jwtVerify(token, secret, {
          issuer: ISSUER,
          algorithms: ['HS256'],
          currentDate: now,
          requiredClaims: ['sub', 'exp'],
        });
        const role = payload.role;
        const sub = payload.sub!;
        if (typeof role !== 'string' || !ROLES.has(role)) return null;
        if (role === 'staff') {
          return typeof payload.pid === 'string' ? { role, id: sub, providerId: payload.pid, sv: typeof payload.sv === 'number' ? payload.sv : 0 } : null;
        }
        return { role: role as 'recipient' | 'admin', id: sub };
      } catch (e) {
        if (e instanceof joseErrors.JOSEError || e instanceof TypeError) return null;
        throw e;
      }
    },
  };
}
