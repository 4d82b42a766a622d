// Identity, obtained lazily: browsing needs none; the first call that needs a recipient asks the
// server for a session and the token is kept in storage for the next launch.
//   H5:    a random device key kept on the device → POST /v1/sessions/device
//   weapp: wx.login() code → POST /v1/sessions/wechat (the server trades it for a pseudonymous id)
import Taro from '@tarojs/taro';
import { endpoints } from '@contract';
import { go, routes } from '../routes';
import { request, type Failure, type Result } from './request';
import { readString, remove, StorageKey, writeString } from './storage';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Unpadded base64url. */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += BASE64URL[(chunk >> (18 - 6 * j)) & 63];
  }
  return out;
}

/** 32 random bytes → 43 url-safe characters (256 bits: unguessable, so it can stand for a person). */
export function newDeviceKey(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

function deviceKey(): string {
  const held = readString(StorageKey.deviceKey);
  if (held && /^[A-Za-z0-9_-]{32,128}$/.test(held)) return held;
  const key = newDeviceKey();
  writeString(StorageKey.deviceKey, key);
  return key;
}

async function wechatCode(): Promise<Result<string>> {
  try {
    const { code } = await Taro.login();
    if (code) return { ok: true, data: code };
  } catch {
    // falls through
  }
  return { ok: false, code: 'LOGIN_FAILED', message: 'wx.login gave no code', status: 0 };
}

/** Keeps a session the phone page (or any other way) obtained. */
export function keepToken(token: string): void {
  writeString(StorageKey.token, token);
}

async function createSession(): Promise<Result<string>> {
  let answer;
  if (process.env.TARO_ENV === 'weapp') {
    const code = await wechatCode();
    if (!code.ok) return code;
    answer = await request(endpoints.createWechatSession, { body: { code: code.data } });
  } else {
    // Where the server takes no device keys (on AWS), a browser recipient confirms a phone.
    const methods = await request(endpoints.sessionMethods);
    if (methods.ok && !methods.data.device) {
      return { ok: false, code: 'SIGN_IN_NEEDED', message: 'sign in with a phone number', status: 0 };
    }
    answer = await request(endpoints.createDeviceSession, { body: { deviceKey: deviceKey() } });
  }
  if (!answer.ok) return answer;
  keepToken(answer.data.token);
  return { ok: true, data: answer.data.token };
}

// The one session request in flight, so that two calls at start-up do not each create one.
let pending: Promise<Result<string>> | undefined;

/**
 * The held token, or a new session's. Where only a phone can sign someone in, an `interactive`
 * call (the person tapped something that needs them) opens the phone page; a background one
 * (a page asking about limits while being browsed) just learns there is nobody signed in.
 */
export async function ensureToken(interactive = true): Promise<Result<string>> {
  const held = readString(StorageKey.token);
  if (held) return { ok: true, data: held };
  pending ??= createSession().finally(() => {
    pending = undefined;
  });
  const answer = await pending;
  if (!answer.ok && answer.code === 'SIGN_IN_NEEDED' && interactive) go.to(routes.phoneSignIn());
  return answer;
}

/**
 * Runs a call that needs a recipient: gets a session first if none is held and, when the server
 * says the token is no longer good (expired, or minted by another deployment), gets a fresh one
 * and tries once more. request.ts attaches the stored token.
 */
export async function withSession<T>(
  call: () => Promise<Result<T>>,
  interactive = true,
): Promise<Result<T>> {
  const token = await ensureToken(interactive);
  if (!token.ok) return token;
  const first = await call();
  if (first.ok || first.code !== 'UNAUTHENTICATED') return first;
  remove(StorageKey.token);
  const again = await ensureToken(interactive);
  if (!again.ok) return again satisfies Failure;
  return call();
}
