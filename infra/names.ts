/**
 * Construct ids and resource names made from the project's own names. The template's logical ids
 * come from these ids: changing how they are made replaces the resources on the next deploy.
 */

/** `signin` → `Signin`, `expire-bookings` → `ExpireBookings`, `listDistricts` → `ListDistricts`. */
export const pascal = (s: string): string => s.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, _sep: string, c: string) => c.toUpperCase());

/** `tokenSigning` → `token-signing`: the secret names infra/put-secrets.ts looks up. */
export const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
