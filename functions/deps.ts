import { cachedListing } from './support/listing.js';
import type { Deps } from './app/deps.js';
import { slotGate } from './support/slot-gate.js';
import { adminSessions, staffSessions } from './support/staff-sessions.js';
import { ttlCache } from './support/ttl-cache.js';
import { config as defaultConfig, type Config } from './config.js';
import { sealer, type Sealer } from './security/personal-data.js';
import { secondFactor, type SecondFactor } from './security/totp.js';
import { tokenService, type TokenService } from './security/tokens.js';
import { vouchers, type Vouchers } from './security/vouchers.js';
import { workGate } from './security/work-gate.js';
import { DomainError } from './domain/errors.js';
import type { SmsSender } from './sms/sender.js';
import type { TableRef } from './store/client.js';
import { createStore } from './store/index.js';
import type { WechatClient } from './wechat/code2session.js';

/**
 * The server's keys, one per purpose. Local mode generates and keeps all of them; on AWS each is
 * its own secret and a function holds only those its group lists (`secretsFor`, lambda/env.ts): a key left
 * out here is null, and using it is a programming error, not a silent fallback.
 */
export interface Secrets {
  /** Ed25519 private key (PKCS#8 PEM) that signs session tokens: the sign-in path only. */
  tokenSigningKeyPem: string | null;
  /** Its public half (SPKI PEM): every function that checks a session token. */
  tokenVerifyKeyPem: string | null;
  /** Keys recipient ids (HMAC of device key or openid): the sign-in path. */
  idSecret: Uint8Array | null;
  /** Ed25519 private key (PKCS#8 PEM) that signs vouchers: the booking path only. */
  voucherKeyPem: string | null;
  /** Its public half (SPKI PEM): the counter, which checks vouchers and hands the key to scanners. */
  voucherVerifyKeyPem: string | null;
  /** AES-256-GCM key for verification applications' personal data: where they are sealed or opened. */
  personalDataKey: Uint8Array | null;
  /** Seals administrators' TOTP secrets and keys their recovery codes' hashes: where they enrol (admin) and sign in. */
  totpKey: Uint8Array | null;
}

/** A stand-in for a key this function was not given: any use throws, naming the key. */
function withheld<T extends object>(what: string, shape: T): T {
  return new Proxy(shape, {
    get() {
      throw new Error(`${what} is not given to this function (see secretsFor in functions/lambda/env.ts)`);
    },
  });
}

/** The one place dependencies are wired; local mode and Lambda differ only in what they pass here. */
export function buildDeps(opts: { table: TableRef; secrets: Secrets; wechat: WechatClient | null; sms?: SmsSender | null; config?: Config }): Deps {
  const config = opts.config ?? defaultConfig;
  const store = createStore(opts.table, config);
  const s = opts.secrets;
  return {
    config,
    store,
    listing: cachedListing(store, config),
    slotGate: slotGate(config.contention.perSlotInFlight),
    figuresCache: ttlCache(config.impact.publicStatsTtlMs, config.cache.figuresMaxEntries),
    liveDays: ttlCache(config.impact.liveDayTtlMs, config.cache.figuresMaxEntries),
    rolledCache: ttlCache(config.impact.rolledTtlMs, config.cache.figuresMaxEntries),
    tokens: s.tokenVerifyKeyPem
      ? tokenService({ signingKeyPem: s.tokenSigningKeyPem, verifyKeyPem: s.tokenVerifyKeyPem })
      : withheld<TokenService>('the token key', {} as TokenService),
    idSecret: s.idSecret ?? withheld('the recipient-id key', new Uint8Array(0)),
    vouchers: s.voucherVerifyKeyPem
      ? vouchers({ signingKeyPem: s.voucherKeyPem, verifyKeyPem: s.voucherVerifyKeyPem })
      : withheld<Vouchers>('the voucher key', {} as Vouchers),
    sealer: s.personalDataKey ? sealer(s.personalDataKey) : withheld<Sealer>('the personal-data key', {} as Sealer),
    secondFactor: s.totpKey ? secondFactor(s.totpKey) : withheld<SecondFactor>('the TOTP key', {} as SecondFactor),
    wechat: opts.wechat,
    sms: opts.sms ?? null,
    signingIn: new Set(),
    staffSessions: staffSessions(store, config.cache.sessionTtlMs),
    adminSessions: adminSessions(store, config.cache.sessionTtlMs),
    passwordGate: workGate(
      config.passwords.maxConcurrentHashes,
      config.passwords.maxWaitingHashes,
      () => new DomainError('BUSY', 'sign-in is busy; please retry in a second', undefined, 1),
      { running: config.passwords.knownDeviceHashes, waiting: config.passwords.knownDeviceWaitingHashes },
    ),
  };
}
