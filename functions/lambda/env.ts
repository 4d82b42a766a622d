/**
 * The environment variables the Lambda runtime reads and the CDK stack sets (infra/stack.ts).
 * Kept free of imports so the stack can read it without loading the AWS SDK.
 */
export const envNames = {
  tableName: 'TABLE_NAME',
  /** ARN of the one Secrets Manager secret; its JSON fields are SecretJson in runtime.ts. */
  secretId: 'SECRETS_ARN',
  /** Set only when the stack is given an AppID: WeChat sign-in needs it and the secret's wechatAppSecret. */
  wechatAppId: 'WECHAT_APP_ID',
  /** WeChat's API origin; unset on AWS (api.weixin.qq.com), a stand-in server in tests. */
  wechatApiBase: 'WECHAT_API_BASE',
  /** Which auth group's routes an API function serves (public | recipient | staff | admin); unset on job functions. */
  routeGroup: 'ROUTE_GROUP',
} as const;
