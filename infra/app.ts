/**
 * The CDK app (`npm run synth`, `npx cdk deploy`). Settings come from context, e.g.
 *   npx cdk deploy -c h5Origin=https://m.example.cn -c wechatAppId=wx0123456789abcdef -c alarmEmail=ops@example.cn \
 *     -c apiDomain=api.example.cn -c apiCertificateArn=arn:aws:acm:<region>:<account>:certificate/<id> \
 *     -c appDomain=m.example.cn -c appCertificateArn=arn:aws:acm:us-east-1:<account>:certificate/<id>
 * The H5 app in miniapp/dist/h5 (`npm run build:h5`) is uploaded when it exists (-c h5Dir=… for another).
 * The stack is environment-agnostic: synth needs no AWS account or credentials; deploy goes to
 * the account and region of the credentials in use.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { projectRoot } from './bundling.js';
import { McanStack } from './stack.js';

const app = new App();
// cdk-nag's AwsSolutions pack on every synthesis: an open finding fails it (infra/findings.ts and infra/hosting.ts acknowledge the accepted ones).
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

const appDomainName = context('appDomain');
const appCertificateArn = context('appCertificateArn');
if (Boolean(appDomainName) !== Boolean(appCertificateArn)) throw new Error('set appDomain and appCertificateArn together');
if (appCertificateArn && !appCertificateArn.startsWith('arn:aws:acm:us-east-1:')) throw new Error('CloudFront takes certificates from us-east-1 only');
const requireTotp = context('requireTotp') ?? 'true';
if (requireTotp !== 'true' && requireTotp !== 'false') throw new Error(`requireTotp must be true or false (got ${requireTotp})`);
const h5Dir = context('h5Dir') ?? join(projectRoot, 'miniapp', 'dist', 'h5');
if (context('h5Dir') && !existsSync(join(h5Dir, 'index.html'))) throw new Error(`no built H5 app in ${h5Dir}`);

new McanStack(app, context('stackName') ?? 'Mcan', {
  description: 'M餐 — free meals booked in a tap: API, table, jobs, alarms',
  h5Origin,
  wechatAppId: context('wechatAppId'),
  alarmEmail: context('alarmEmail'),
  // On unless `-c requireTotp=false`.
  requireTotp: requireTotp === 'true',
  apiDomain: apiDomainName && apiCertificateArn ? { name: apiDomainName, certificateArn: apiCertificateArn } : undefined,
  h5: {
    appDir: existsSync(join(h5Dir, 'index.html')) ? h5Dir : undefined,
    domain: appDomainName && appCertificateArn ? { name: appDomainName, certificateArn: appCertificateArn } : undefined,
  },
});
