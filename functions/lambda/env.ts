import type { FunctionGroup } from '../routes/table.js';

/**
 * The environment variables the CDK stack sets on functions and the Lambda runtime reads.
 * Kept free of runtime imports so the stack can read it without loading the AWS SDK.
 */
export const envNames = {
  tableName: 'TABLE_NAME',
  /** Set only when the stack is given an AppID: WeChat sign-in also needs the wechat secret. */
  wechatAppId: 'WECHAT_APP_ID',
  /** WeChat's API origin; unset on AWS (api.weixin.qq.com), a stand-in server in tests. */
  wechatApiBase: 'WECHAT_API_BASE',
  /** Which function group a function is (public | signin | …): a dimension of its metrics and logs. */
  routeGroup: 'ROUTE_GROUP',
  /** `1`: owners and clerks must turn on two-step sign-in before they act (config.office.requireTotp). */
  requireTotp: 'MCAN_REQUIRE_TOTP',
} as const;

/**
 * The server's keys on AWS, one Secrets Manager secret per purpose. Each secret holds JSON
 * `{"key": "<value>"}`; infra/put-secrets.ts generates the values after the first deploy. A
 * function is given the ARN (in `env`) and the read right of exactly the purposes its group lists
 * in `secretsFor`, and no others.
 */
export const secretPurposes = {
  tokenSigning: { env: 'SECRET_TOKEN_SIGNING_ARN', what: 'Ed25519 private key (PKCS#8 PEM) that signs session tokens' },
  tokenVerify: { env: 'SECRET_TOKEN_VERIFY_ARN', what: 'Ed25519 public key (SPKI PEM) that checks session tokens' },
  recipientIds: { env: 'SECRET_RECIPIENT_IDS_ARN', what: 'HMAC key (base64url, 32+ bytes) that turns device keys and openids into recipient ids' },
  vouchers: { env: 'SECRET_VOUCHERS_ARN', what: 'Ed25519 private key (PKCS#8 PEM) that signs vouchers' },
  voucherVerify: { env: 'SECRET_VOUCHER_VERIFY_ARN', what: 'Ed25519 public key (SPKI PEM) that checks vouchers' },
  personalData: { env: 'SECRET_PERSONAL_DATA_ARN', what: 'AES-256 key (base64url, 32 bytes) for verification applications’ personal data' },
  totp: { env: 'SECRET_TOTP_ARN', what: 'key (base64url, 32 bytes) that seals administrators’ TOTP secrets and hashes their recovery codes' },
  wechat: { env: 'SECRET_WECHAT_ARN', what: 'WeChat mini-program AppSecret (optional: WeChat sign-in stays off without it)' },
} as const;
export type SecretPurpose = keyof typeof secretPurposes;

/** Which keys each function holds. Scheduled jobs hold none: they never sign, seal or open. */
export const secretsFor: Record<FunctionGroup, readonly SecretPurpose[]> = {
  public: [],
  // Sign-in checks administrators' second factor; the admin routes enrol it.
  signin: ['tokenSigning', 'recipientIds', 'wechat', 'totp'],
  recipient: ['tokenVerify', 'vouchers'],
  // The counter checks vouchers; only the booking path signs them.
  staff: ['tokenVerify', 'voucherVerify'],
  admin: ['tokenVerify', 'totp'],
  verification: ['tokenVerify', 'personalData'],
};
