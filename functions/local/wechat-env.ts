import type { WechatConfig } from '../wechat/config.js';

/** WeChat sign-in is on only when both the app id and secret are set. */
export function wechatFromEnv(env: NodeJS.ProcessEnv): WechatConfig | null {
  const appId = env.WECHAT_APP_ID;
  const appSecret = env.WECHAT_APP_SECRET;
  if (!appId || !appSecret) return null;
  return { appId, appSecret, baseUrl: env.WECHAT_API_BASE || 'https://api.weixin.qq.com', timeoutMs: 5000 };
}
