import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { DomainName, HttpApi, HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { jobs as defaultJobs, type JobDefinition } from '../functions/jobs/schedule.js';
import type { SecretPurpose } from '../functions/lambda/env.js';
import { routes as defaultRoutes, type FunctionGroup } from '../functions/routes.js';
import { alarmsTo, alarmTopic, healthAlarms } from './alarms.js';
import { httpApi, wireRoutes, type RouteShape } from './api.js';
import { acknowledgeFindings } from './findings.js';
import { apiFunctions, functionMaker } from './functions.js';
import { H5Hosting } from './hosting.js';
import { scheduledJobs } from './jobs.js';
import { pascal } from './names.js';
import { Observability } from './observability.js';
import { keySecrets } from './secrets.js';
import { mcanTable } from './table.js';

export type { RouteShape } from './api.js';

export interface McanStackProps extends StackProps {
  /** The route table; every route becomes `METHOD /path` on the API. Tests may pass another list. */
  routes?: readonly RouteShape[];
  /** The scheduled jobs; each gets a function and a schedule. Tests may pass another list. */
  jobs?: readonly JobDefinition[];
  /** The H5 app's origin (`https://m.example.cn`); CORS is on for it alone, and off when unset. */
  h5Origin?: string;
  /** The mini-program's AppID (not secret). Its AppSecret goes in the secret, never here. */
  wechatAppId?: string;
  /** Alarm notifications go to this address (SNS email subscription; confirm the mail once). */
  alarmEmail?: string;
  /**
   * A custom domain for the API (WeChat only calls ICP-filed HTTPS domains on its allow-list): the
   * name and an ACM certificate for it, issued in the stack's region. Point a CNAME at the
   * ApiDomainTarget output.
   */
  apiDomain?: { name: string; certificateArn: string };
  /**
   * The H5 app on S3 + CloudFront, the API beside it under /v1: `appDir` (the built
   * miniapp/dist/h5) is uploaded when given; `domain` needs an ACM certificate in us-east-1.
   */
  h5?: { appDir?: string; domain?: { name: string; certificateArn: string } };
  /** Default-stage throttling, requests per second and burst. */
  throttle?: { rateLimit: number; burstLimit: number };
  /** Transaction conflicts per 5 minutes, two periods running, that raise the alarm. */
  transactionConflictThreshold?: number;
  /**
   * Concurrency reserved for (and capping) each function group, so a flood on one group cannot
   * starve another; `false` leaves them unreserved (accounts whose limit is below the sum plus the
   * 100 Lambda keeps unreserved). Defaults: reservedConcurrencyDefaults.
   */
  reservedConcurrency?: Partial<Record<FunctionGroup, number>> | false;
  /** Bookings in one minute at a single provider that raise the velocity alarm (default 30). */
  bookingVelocityPerMinute?: number;
  /** Refused sign-ins in one minute that raise the burst alarm (default 50). */
  signInFailuresPerMinute?: number;
  /**
   * Owners and clerks must turn on two-step sign-in (TOTP) before they can act (default true;
   * `MCAN_REQUIRE_TOTP` on the API's functions, read as config.office.requireTotp).
   */
  requireTotp?: boolean;
}

/**
 * Reserved concurrency per function group (sum 430 of the usual 1,000-per-region account limit).
 * Sized in docs/capacity.md: the public listings are cheap and cached at the edge, bookings take the
 * lunch peak, sign-in is bounded by scrypt work, and staff and admin keep room whatever the public does.
 */
export const reservedConcurrencyDefaults: Record<FunctionGroup, number> = {
  public: 100,
  signin: 60,
  recipient: 200,
  staff: 40,
  admin: 10,
  verification: 20,
};

/**
 * M餐 on AWS: one DynamoDB table, one Lambda function per auth group behind an HTTP API, one
 * function and schedule per job, the key secrets, and alarms. Generated from the route table
 * and the table definition, so nothing here lists a route or a key by hand. Every step but the
 * Observability and H5Hosting constructs makes its resources directly in the stack, so their
 * logical ids do not depend on which file builds them.
 */
export class McanStack extends Stack {
  readonly table: Table;
  /** One secret per key purpose (functions/lambda/env.ts); each function reads only its own. */
  readonly secrets: Map<SecretPurpose, Secret>;
  readonly api: HttpApi;
  readonly hosting: H5Hosting;
  readonly stage: HttpStage;
  /** The API function of each function group that has routes. */
  readonly groupFunctions: Map<FunctionGroup, NodejsFunction>;
  readonly jobFunctions: Map<string, NodejsFunction>;
  readonly alarmTopic: Topic;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: McanStackProps = {}) {
    super(scope, id, props);
    const routes = props.routes ?? defaultRoutes;

    this.table = mcanTable(this);
    this.secrets = keySecrets(this);

    const makeFunction = functionMaker(this, this.table, this.secrets);
    this.groupFunctions = apiFunctions(makeFunction, this.table, routes, {
      reserved: props.reservedConcurrency === false ? null : { ...reservedConcurrencyDefaults, ...props.reservedConcurrency },
      wechatAppId: props.wechatAppId,
      requireTotp: props.requireTotp ?? true,
    });

    const { api, stage, domain } = httpApi(this, { routes, h5Origin: props.h5Origin, apiDomain: props.apiDomain, throttle: props.throttle });
    this.api = api;
    this.stage = stage;
    wireRoutes(this, { api, stage, routes, functions: this.groupFunctions });

    this.jobFunctions = scheduledJobs(this, makeFunction, this.table, props.jobs ?? defaultJobs);

    this.alarmTopic = alarmTopic(this, props.alarmEmail);
    const alarm = alarmsTo(this, this.alarmTopic);
    const functions = namedFunctions(this.groupFunctions, this.jobFunctions);
    healthAlarms(alarm, { api, functions, table: this.table, transactionConflictThreshold: props.transactionConflictThreshold ?? 50 });
    this.observability = new Observability(this, 'Observability', {
      api,
      bookingFunction: this.groupFunctions.get('recipient')!,
      functions,
      alarm,
      bookingVelocityPerMinute: props.bookingVelocityPerMinute ?? 30,
      signInFailuresPerMinute: props.signInFailuresPerMinute ?? 50,
    });

    this.hosting = new H5Hosting(this, 'H5', { api, appDir: props.h5?.appDir, domain: props.h5?.domain });

    acknowledgeFindings(this, this.jobFunctions.values());
    this.addOutputs(props, domain);
  }

  private addOutputs(props: McanStackProps, domain: DomainName | undefined): void {
    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the API (TARO_APP_API without a custom domain)' });
    if (domain) {
      new CfnOutput(this, 'ApiDomainUrl', { value: `https://${props.apiDomain!.name}`, description: 'TARO_APP_API for the mini-program' });
      new CfnOutput(this, 'ApiDomainTarget', { value: domain.regionalDomainName, description: `CNAME ${props.apiDomain!.name} to this` });
    }
    new CfnOutput(this, 'SecretsPrefix', { value: `${this.stackName}/`, description: 'The keys live in secrets named <this>…: fill them with infra/put-secrets.ts --stack <stack name>' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'AppUrl', {
      value: props.h5?.domain ? `https://${props.h5.domain.name}` : `https://${this.hosting.distribution.distributionDomainName}`,
      description: 'The H5 app, with the API under /v1 on the same origin',
    });
  }
}

/** Every function by the name its alarms and graphs carry: the API's by group, then the jobs'. */
function namedFunctions(groups: ReadonlyMap<FunctionGroup, NodejsFunction>, jobs: ReadonlyMap<string, NodejsFunction>): Map<string, NodejsFunction> {
  return new Map([...[...groups].map(([g, fn]) => [pascal(g), fn] as const), ...[...jobs].map(([n, fn]) => [`Job${pascal(n)}`, fn] as const)]);
}
