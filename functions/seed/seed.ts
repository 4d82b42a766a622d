import type { Config } from '../config.js';
import { hashPassword, verifyPassword } from '../security/passwords.js';
import type { Store } from '../store/index.js';
import { demoCatalog, demoOffice, demoProviders, demoStaffPassword } from './demo.js';
import { futianDistricts } from './futian.js';

export const ADMIN_USERNAME = 'admin';

/**
 * The admin account always exists, an owner; its password is reset to the one given at every
 * start. A new password ends every session of the old one (the session version moves on); the
 * same password keeps them.
 */
export async function ensureAdmin(store: Store, config: Config, password: string): Promise<void> {
  const old = await store.accounts.get(ADMIN_USERNAME);
  const before = old?.role === 'admin' ? (old.sessionVersion ?? 0) : 0;
  const same = old?.role === 'admin' && (await verifyPassword(password, old.passwordHash, config.passwords));
  const kept = old?.role === 'admin' ? old : null;
  // Everything else the office set on it (name, second factor) stays; it is always an enabled owner,
  // the way back in when nobody else can sign in.
  await store.accounts.upsert({
    ...kept,
    role: 'admin',
    id: kept?.id ?? 'a_admin',
    username: ADMIN_USERNAME,
    name: kept?.name ?? '管理员',
    adminRole: 'owner',
    disabled: false,
    passwordHash: same ? old.passwordHash : await hashPassword(password, config.passwords),
    mustChangePassword: same ? kept?.mustChangePassword : false,
    sessionVersion: same || !old ? before : before + 1,
    version: (kept?.version ?? 0) + 1,
  });
}

/** Sub-districts are reference data, loaded on every start (idempotent puts). */
export async function seedDistricts(store: Store): Promise<void> {
  await Promise.all(futianDistricts.map((d, position) => store.districts.put({ ...d, position })));
}

/**
 * Demo providers, offerings and staff. Skipped when already there (a --data folder from an earlier
 * run). `joinedAt`: when they joined (the demo history's start), else now.
 */
export async function seedDemo(store: Store, config: Config, now: Date, joinedAt?: string): Promise<{ seeded: boolean }> {
  if (await store.accounts.get(demoProviders[0]!.staff.username)) return { seeded: false };
  const at = joinedAt ?? now.toISOString();
  const passwordHash = await hashPassword(demoStaffPassword, config.passwords);
  for (const p of demoProviders) {
    await store.providers.create({ ...p.input, id: p.id, status: 'ACTIVE', createdAt: at, updatedAt: at, offerings: {} });
    for (const o of p.offerings) await store.providers.putOffering({ ...o.contract, id: o.id, providerId: p.id, updatedAt: at });
    await store.accounts.create({ role: 'staff', id: `s-${p.id}`, providerId: p.id, ...p.staff, passwordHash });
  }
  for (const a of demoOffice) await store.accounts.create({ role: 'admin', ...a, passwordHash, sessionVersion: 0, version: 1 });
  for (const item of demoCatalog) await store.catalogItems.create({ ...item, updatedAt: at, version: 1 });
  return { seeded: true };
}
