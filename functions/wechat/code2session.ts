import { DomainError } from '../domain/errors.js';
import type { WechatConfig } from './config.js';
import { miniProgramCodes } from './mini-program-code.js';

/**
 * WeChat's code2Session: trades the code from `wx.login` for the user's openid. The openid is
 * only ever hashed into a recipient id; it and the session_key are never stored or returned.
 */
export interface WechatClient {
  openidFor(code: string): Promise<string>;
  /** The mini-program code (an image, as a data: URL) that opens `path`; null if WeChat will not make one now. */
  miniProgramCode(path: string): Promise<string | null>;
}

// WeChat's documented errcodes for a bad, used or rate-limited code.
const INVALID_CODE = new Set([40029, 40163]);
const RATE_LIMITED = 45011;

export function wechatClient(c: WechatConfig, fetchImpl: typeof fetch = fetch): WechatClient {
  return {
    miniProgramCode: miniProgramCodes(c, fetchImpl),
    async openidFor(code) {
      const url = new URL('/sns/jscode2session', c.baseUrl);
      url.search = new URLSearchParams({ appid: c.appId, secret: c.appSecret, js_code: code, grant_type: 'authorization_code' }).toString();
      let body: { openid?: unknown; errcode?: unknown; errmsg?: unknown };
      try {
        const res = await fetchImpl(url, { signal: AbortSignal.timeout(c.timeoutMs) });
        body = (await res.json()) as typeof body;
      } catch {
        throw new DomainError('BUSY', 'WeChat sign-in is unreachable; try again', undefined, 5);
      }
      if (typeof body.openid === 'string' && body.openid.length > 0 && !body.errcode) return body.openid;
      if (typeof body.errcode === 'number' && INVALID_CODE.has(body.errcode)) {
        throw new DomainError('UNAUTHENTICATED', 'the WeChat login code is invalid or already used; call wx.login again');
      }
      if (body.errcode === RATE_LIMITED) throw new DomainError('RATE_LIMITED', 'WeChat sign-in is busy; try again shortly', undefined, 10);
      throw new DomainError('BUSY', 'WeChat sign-in failed; try again', undefined, 5);
    },
  };
}
