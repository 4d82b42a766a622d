/**
 * The CDK app (`npm run synth`, `npx cdk deploy`). Settings come from context, e.g.
 *   npx cdk deploy -c h5Origin=https://m.example.cn -c wechatAppId=wx0123456789abcdef -c alarmEmail=ops@example.cn \
 *     -c apiDomain=api.example.cn -c apiCertificateArn=arn:aws:acm:<region>:<account>:certificate/<id>
 * The stack is environment-agnostic: synth needs no AWS account or credentials; deploy goes to
 * the account and region of the credentials in use.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { McanStack } from './stack.js';

const app = new App();
// cdk-nag's AwsSolutions pack on every synthesis: an open finding fails it (infra/stack.ts acknowledges the accepted ones).
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const context = (key: string): string | undefined => {
  const v: unknown = app.node.tryGetContext(key);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new Error(`context ${key} must be a string`);
  return v;
};

const h5Origin = context('h5Origin');
if (h5Origin && !/^https:\/\/[^/]+$/.test(h5Origin)) throw new Error(`h5Origin must be an https origin without a path, e.g. https://m.example.cn (got ${h5Origin})`);

const apiDomainName = context('apiDomain');
const apiCertificateArn = context('apiCertificateArn');
if (Boolean(apiDomainName) !== Boolean(apiCertificateArn)) throw new Error('set apiDomain and apiCertificateArn together');

new McanStack(app, context('stackName') ?? 'Mcan', {
  description: 'M餐 — free meals booked in a tap: API, table, jobs, alarms',
  h5Origin,
  wechatAppId: context('wechatAppId'),
  alarmEmail: context('alarmEmail'),
  apiDomain: apiDomainName && apiCertificateArn ? { name: apiDomainName, certificateArn: apiCertificateArn } : undefined,
});
