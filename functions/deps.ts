import { catalogCache } from './app/catalog-cache.js';
import type { Deps } from './app/deps.js';
import { config as defaultConfig, type Config } from './config.js';
import { tokenService } from './security/tokens.js';
import type { TableRef } from './store/client.js';
import { createStore } from './store/index.js';
import type { WechatClient } from './wechat/code2session.js';

/** The server's secrets: from Secrets Manager/SSM on AWS, generated and kept on disk in local mode. */
export interface Secrets {
  /** Signs session tokens (HS256). */
  tokenSecret: Uint8Array;
  /** Keys recipient ids (HMAC of device key or openid). */
  idSecret: Uint8Array;
}

/** The one place dependencies are wired; local mode and Lambda differ only in what they pass here. */
export function buildDeps(opts: { table: TableRef; secrets: Secrets; wechat: WechatClient | null; config?: Config }): Deps {
  const config = opts.config ?? defaultConfig;
  const store = createStore(opts.table);
  return {
    config,
    store,
    catalog: catalogCache(store, config),
    tokens: tokenService(opts.secrets.tokenSecret),
    idSecret: opts.secrets.idSecret,
    wechat: opts.wechat,
  };
}
