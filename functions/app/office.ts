import type { AdminAccount } from '../contract/office.js';
import type { AdminAccountRecord } from '../store/records.js';

/** An account as the office sees it: never its password hash or second-factor secrets. */
export const accountView = (a: AdminAccountRecord): AdminAccount => ({
  id: a.id,
  username: a.username,
  name: a.name,
  role: a.adminRole ?? 'owner',
  districts: a.districts ?? [],
  disabled: a.disabled === true,
  totp: a.totpOn === true,
  mustChangePassword: a.mustChangePassword === true,
  version: a.version ?? 1,
});
