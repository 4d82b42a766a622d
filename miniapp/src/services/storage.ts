import Taro from '@tarojs/taro';

/** Every key this app keeps on the device, spelled once. */
export const StorageKey = {
  token: 'mcan.token',
  deviceKey: 'mcan.deviceKey',
  lang: 'mcan.lang',
  district: 'mcan.district',
  staffToken: 'mcan.staffToken',
  staffName: 'mcan.staffName',
  /** The admin desk's session (H5 only), kept apart from the recipient's and the staff's. */
  adminToken: 'mcan.adminToken',
  /** Who signed in (JSON: the sign-in's `admin`): the header's name and the role the desk hides buttons by. */
  adminIdentity: 'mcan.adminIdentity',
  /** The desk's unsaved form drafts when its session ran out (JSON by form; admin/drafts.ts). */
  adminDrafts: 'mcan.adminDrafts',
  /** The desk page to return to after signing in again, and whose session ran out (JSON). */
  adminReturn: 'mcan.adminReturn',
  /** Staff and admin sign-ins' device credentials by username (JSON; services/sign-in-devices.ts), kept across sign-outs. */
  signInDevices: 'mcan.signInDevices',
  /** The thank-you notes this phone sent, by booking (JSON), shown again after a reload. */
  thanksNotes: 'mcan.thanksNotes',
  /** The last vouchers seen, so a voucher still shows offline (JSON: Booking[]). */
  vouchers: 'mcan.vouchers',
  introSeen: 'mcan.introSeen',
  /** The last staff sign-in's username, filled in when that session has run out. */
  staffUsername: 'mcan.staffUsername',
  /** Until when typed codes are paused at this counter (ms since the epoch; RATE_LIMITED's Retry-After). */
  staffPausedUntil: 'mcan.staffPausedUntil',
  /** Digits staff had typed when their session ran out, restored after they sign in again. */
  staffPendingCode: 'mcan.staffPendingCode',
  /** A limit the server reported (DAILY_LIMIT_REACHED's day or month), with the date it applies to (JSON). */
  spentLimit: 'mcan.spentLimit',
} as const;
export type StorageKey = (typeof StorageKey)[keyof typeof StorageKey];

/**
 * Storage can fail (private browsing, quota, a full mini-program cache): a failed read is "nothing
 * stored" and a failed write is ignored — the app still works, it just forgets across launches.
 */
export function readString(key: StorageKey): string | undefined {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeString(key: StorageKey, value: string): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // see above
  }
}

export function remove(key: StorageKey): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // see above
  }
}

/** A JSON value kept under a key; undefined when missing or unreadable. */
export function readJson<T>(key: StorageKey): T | undefined {
  const text = readString(key);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export function writeJson(key: StorageKey, value: unknown): void {
  writeString(key, JSON.stringify(value));
}
