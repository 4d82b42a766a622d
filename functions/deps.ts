import { catalogCache } from './app/catalog-cache.js';
import type { Deps } from './app/deps.js';
import { slotGate } from './app/slot-gate.js';
import { staffSessions } from './app/staff-sessions.js';
import { config as defaultConfig, type Config } from './config.js';
import { sealer } from './security/personal-data.js';
import { tokenService } from './security/tokens.js';
import { workGate } from './security/work-gate.js';
import { DomainError } from './domain/errors.js';
import { vouchers } from './security/vouchers.js';
import type { SmsSender } from './sms/sender.js';
import type { TableRef } from './store/client.js';
import { createStore } from './store/index.js';
import type { WechatClient } from './wechat/code2session.js';

/** The server's secrets: from Secrets Manager/SSM on AWS, generated and kept on disk in local mode. */
export interface Secrets {
  /** Signs session tokens (HS256). */
  tokenSecret: Uint8Array;
  /** Keys recipient ids (HMAC of device key or openid). */
  idSecret: Uint8Array;
  /** Ed25519 private key (PKCS#8 PEM) that signs vouchers. */
  voucherKeyPem: string;
  /** AES-256-GCM key for verification applications' personal data. */
  personalDataKey: Uint8Array;
}

/** The one place dependencies are wired; local mode and Lambda differ only in what they pass here. */
export function buildDeps(opts: { table: TableRef; secrets: Secrets; wechat: WechatClient | null; sms?: SmsSender | null; config?: Config }): Deps {
  const config = opts.config ?? defaultConfig;
  const store = createStore(opts.table, config);
  return {
    config,
    store,
    catalog: catalogCache(store, config),
    slotGate: slotGate(config.contention.perSlotInFlight),
    tokens: tokenService(opts.secrets.tokenSecret),
    idSecret: opts.secrets.idSecret,
    vouchers: vouchers(opts.secrets.voucherKeyPem),
    sealer: sealer(opts.secrets.personalDataKey),
    wechat: opts.wechat,
    sms: opts.sms ?? null,
    signingIn: new Set(),
    staffSessions: staffSessions(store, config.cache.sessionTtlMs),
    passwordGate: workGate(config.passwords.maxConcurrentHashes, config.passwords.maxWaitingHashes, () => new DomainError('BUSY', 'sign-in is busy; please retry in a second', undefined, 1)),
  };
}
