/** Where and as whom the server calls WeChat's API: the one shape both WeChat clients take. */
export interface WechatConfig {
  appId: string;
  appSecret: string;
  /** https://api.weixin.qq.com in production; a local stand-in in tests. */
  baseUrl: string;
  timeoutMs: number;
}
