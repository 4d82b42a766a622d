/**
 * The environment variables the CDK stack sets on every function and the Lambda runtime reads.
 * Kept free of imports so the stack can read it without loading the AWS SDK.
 */
export const envNames = {
  tableName: 'TABLE_NAME',
  /** ARN of the one Secrets Manager secret: JSON {tokenSecret, idSecret, wechatAppSecret?}. */
  secretId: 'SECRETS_ARN',
  wechatAppId: 'WECHAT_APP_ID',
  wechatApiBase: 'WECHAT_API_BASE',
  /** Which auth group's routes a function serves (public | recipient | staff | admin). */
  routeGroup: 'ROUTE_GROUP',
} as const;
