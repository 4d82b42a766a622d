import type { Config } from '../config.js';
import type { Sealer } from '../security/personal-data.js';
import type { SecondFactor } from '../security/totp.js';
import type { TokenService } from '../security/tokens.js';
import type { Vouchers } from '../security/vouchers.js';
import type { SmsSender } from '../sms/sender.js';
import type { WorkGate } from '../security/work-gate.js';
import type { Store } from '../store/index.js';
import type { WechatClient } from '../wechat/code2session.js';
import type { Listing } from '../support/listing.js';
import type { SlotGate } from '../support/slot-gate.js';
import type { AdminSessions, StaffSessions } from '../support/staff-sessions.js';
import type { TtlCache } from '../support/ttl-cache.js';

/** Everything a use case may touch, built once per process (functions/deps.ts). */
export interface Deps {
  config: Config;
  store: Store;
  listing: Listing;
  slotGate: SlotGate;
  /** Public impact figures and latest leaderboards, kept `impact.publicStatsTtlMs`. */
  figuresCache: TtlCache;
  /** Raw day items of the impact figures (today's at province scale: thousands), kept `impact.liveDayTtlMs`. */
  liveDays: TtlCache;
  /** Each provider's rolled month, quarter or year, by the roll-up's mark, kept `impact.rolledTtlMs`. */
  rolledCache: TtlCache;
  tokens: TokenService;
  /** Keys recipient ids (HMAC of device key or openid) and staff and admin devices' credentials (security/sign-in-devices.ts). */
  idSecret: Uint8Array;
  vouchers: Vouchers;
  sealer: Sealer;
  /** Administrators' TOTP secrets (sealed) and recovery codes (keyed hashes). */
  secondFactor: SecondFactor;
  /** null when WeChat's app id and secret are not configured. */
  wechat: WechatClient | null;
  /** null where no SMS provider is configured (AWS today): the phone path answers NOT_CONFIGURED. */
  sms: SmsSender | null;
  /** Caps concurrent sign-in checks, hashing included, with a reserve for known devices (security/work-gate.ts). */
  passwordGate: WorkGate;
  /** Address and username of each unknown-device sign-in being checked in this process (one at a time per pair). */
  signingIn: Set<string>;
  /** Staff tokens' account state, through a short cache (disable bites within seconds). */
  staffSessions: StaffSessions;
  /** Admin tokens' account state (session version by username), through the same short cache. */
  adminSessions: AdminSessions;
}
