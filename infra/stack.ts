import { join } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, TimeZone, type StackProps } from 'aws-cdk-lib';
import { CorsHttpMethod, DomainName, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, Operation, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { config } from '../functions/config.js';
import type { Auth } from '../functions/contract/endpoints.js';
import { jobs as defaultJobs, type JobDefinition } from '../functions/jobs/schedule.js';
import { envNames } from '../functions/lambda/env.js';
import { routes as defaultRoutes, type Route } from '../functions/routes.js';
import { tableDefinition } from '../functions/store/table.js';
import { jobAccess, readActions, tableAccess, writeActions, type TableAccess } from './access.js';
import { apiEntry, lambdaBundle, projectRoot } from './bundling.js';

/** The route fields the stack reads: the method, the path and who may call it. */
export type RouteShape = Pick<Route, 'method' | 'path' | 'auth'> & { name: string };

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
  /** Default-stage throttling, requests per second and burst. */
  throttle?: { rateLimit: number; burstLimit: number };
  /** Transaction conflicts per 5 minutes, two periods running, that raise the alarm. */
  transactionConflictThreshold?: number;
}

const pascal = (s: string): string => s.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, _sep: string, c: string) => c.toUpperCase());

/** The order groups are created in; groups without routes get no function. */
const authGroups: readonly Auth[] = ['public', 'recipient', 'staff', 'admin'];

/**
 * M餐 on AWS: one DynamoDB table, one Lambda function per auth group behind an HTTP API, one
 * function and schedule per job, the server secret, and alarms. Generated from the route table
 * and the table definition, so nothing here lists a route or a key by hand.
 */
export class McanStack extends Stack {
  readonly table: Table;
  readonly secret: Secret;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The API function of each auth group that has routes. */
  readonly groupFunctions = new Map<Auth, NodejsFunction>();
  readonly jobFunctions = new Map<string, NodejsFunction>();
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: McanStackProps = {}) {
    super(scope, id, props);
    const routes = props.routes ?? defaultRoutes;
    const jobs = props.jobs ?? defaultJobs;

    // ── State: the table and the secret (both kept if the stack is deleted) ───────────────────
    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableDefinition.ttlAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }

    // Created without usable keys (CloudFormation fills it with a random placeholder): after the
    // first deploy, infra/put-secrets.ts writes the server keys (SecretJson in
    // functions/lambda/runtime.ts). Nothing secret ever passes through the template.
    this.secret = new Secret(this, 'ServerSecret', {
      description: 'M餐 server keys (tokenSecret, idSecret, personalDataKey, voucherKeyPem, wechatAppSecret?): fill with infra/put-secrets.ts',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // ── Functions ─────────────────────────────────────────────────────────────────────────────
    const baseEnv: Record<string, string> = {
      [envNames.tableName]: this.table.tableName,
      [envNames.secretId]: this.secret.secretArn,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...(props.wechatAppId ? { [envNames.wechatAppId]: props.wechatAppId } : {}),
    };

    const makeFunction = (id: string, o: { entry: string; description: string; env: Record<string, string>; memorySize: number; timeout: Duration }) => {
      const fn = new NodejsFunction(this, id, {
        entry: join(projectRoot, o.entry),
        handler: 'handler',
        projectRoot,
        depsLockFilePath: join(projectRoot, 'package-lock.json'),
        // Deprecated by AWS (no new functions from 2027-02-01): move with lambdaBundle.target.
        runtime: Runtime.NODEJS_20_X,
        architecture: Architecture.ARM_64,
        memorySize: o.memorySize,
        timeout: o.timeout,
        description: o.description,
        environment: { ...baseEnv, ...o.env },
        logGroup: new LogGroup(this, `${id}Logs`, { retention: RetentionDays.ONE_MONTH }),
        bundling: {
          target: lambdaBundle.target,
          format: OutputFormat.ESM,
          minify: lambdaBundle.minify,
          sourceMap: lambdaBundle.sourceMap,
          mainFields: [...lambdaBundle.mainFields],
          banner: lambdaBundle.banner,
          externalModules: [...lambdaBundle.externalModules],
        },
      });
      this.secret.grantRead(fn);
      return fn;
    };

    const unknown = routes.filter((r) => !authGroups.includes(r.auth));
    if (unknown.length > 0) throw new Error(`routes with an auth group the stack does not know: ${unknown.map((r) => r.name).join(', ')}`);
    for (const group of authGroups) {
      const mine = routes.filter((r) => r.auth === group);
      if (mine.length === 0) continue;
      const fn = makeFunction(`${pascal(group)}Function`, {
        entry: apiEntry,
        description: `M餐 API, ${group} routes`,
        env: { [envNames.routeGroup]: group },
        // CPU scales with memory: at 1 GB a cold start and an scrypt sign-in take about half as long
        // as at 512 MB, for about the same price per request.
        memorySize: 1024,
        timeout: Duration.seconds(10),
      });
      this.grantTable(fn, tableAccess[group]);
      this.groupFunctions.set(group, fn);
    }

    // ── The HTTP API: every route of the table, to its group's function ───────────────────────
    const methods = [...new Set(routes.map((r) => r.method))];
    this.api = new HttpApi(this, 'Api', {
      apiName: `${this.stackName}-api`,
      description: 'M餐 API',
      createDefaultStage: false,
      corsPreflight: props.h5Origin
        ? {
            allowOrigins: [props.h5Origin],
            allowMethods: [...methods.map((m) => CorsHttpMethod[m]), CorsHttpMethod.OPTIONS],
            allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
            exposeHeaders: ['retry-after', 'x-request-id'],
            maxAge: Duration.days(1),
          }
        : undefined,
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH });
    const domain = props.apiDomain
      ? new DomainName(this, 'ApiDomain', {
          domainName: props.apiDomain.name,
          certificate: Certificate.fromCertificateArn(this, 'ApiCertificate', props.apiDomain.certificateArn),
        })
      : undefined;
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      domainMapping: domain ? { domainName: domain } : undefined,
      throttle: props.throttle ?? { rateLimit: 100, burstLimit: 200 },
      // No source IPs, no tokens: when, which route, how it went.
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    const integrations = new Map<Auth, HttpLambdaIntegration>();
    for (const [group, fn] of this.groupFunctions) {
      // One invoke permission per function (API-wide), not one per route: the function's resource
      // policy stays small however many routes the table grows to.
      integrations.set(group, new HttpLambdaIntegration(`${pascal(group)}Integration`, fn, { scopePermissionToRoute: false }));
    }
    for (const route of routes) {
      new HttpRoute(this, `Route${pascal(route.name)}`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: integrations.get(route.auth)!,
      });
    }

    // ── Scheduled jobs ────────────────────────────────────────────────────────────────────────
    for (const job of jobs) {
      const fn = makeFunction(`Job${pascal(job.name)}Function`, {
        entry: job.entry,
        description: `M餐 job ${job.name}${job.description ? `: ${job.description}` : ''}`,
        env: {},
        memorySize: 512,
        timeout: Duration.minutes(2),
      });
      this.grantTable(fn, jobAccess);
      this.jobFunctions.set(job.name, fn);
      const s = job.schedule;
      new Schedule(this, `Job${pascal(job.name)}Schedule`, {
        description: `M餐 job ${job.name}`,
        schedule:
          'everyMinutes' in s
            ? ScheduleExpression.rate(Duration.minutes(s.everyMinutes))
            : ScheduleExpression.expression(`cron(${s.cron})`, TimeZone.of(s.timeZone ?? config.timeZone)),
        target: new LambdaInvoke(fn, {
          input: ScheduleTargetInput.fromObject({ job: job.name, scheduledTime: ContextAttribute.scheduledTime }),
          retryAttempts: 2,
          maxEventAge: Duration.minutes(30),
        }),
      });
    }

    // ── Alarms ────────────────────────────────────────────────────────────────────────────────
    this.alarmTopic = new Topic(this, 'Alarms', { displayName: 'M餐 alarms' });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    const alarm = (id: string, metric: IMetric, o: { threshold: number; periods?: number; description: string }) => {
      const a = new Alarm(this, id, {
        metric,
        threshold: o.threshold,
        evaluationPeriods: o.periods ?? 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: o.description,
      });
      a.addAlarmAction(new SnsAction(this.alarmTopic));
      return a;
    };
    const fiveMinutes = Duration.minutes(5);

    alarm(
      'Api5xxRateAlarm',
      new MathExpression({
        // Quiet periods (under 20 requests) do not count: two failures out of five are noise.
        expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
        usingMetrics: {
          errors: this.api.metricServerError({ statistic: 'Sum', period: fiveMinutes }),
          requests: this.api.metricCount({ statistic: 'Sum', period: fiveMinutes }),
        },
        period: fiveMinutes,
        label: 'API 5xx, % of requests',
      }),
      { threshold: 5, periods: 2, description: 'API answers 5xx to 5% or more of requests, 10 minutes running' },
    );
    const functions = [...[...this.groupFunctions].map(([g, fn]) => [pascal(g), fn] as const), ...[...this.jobFunctions].map(([n, fn]) => [`Job${pascal(n)}`, fn] as const)];
    for (const [name, fn] of functions) {
      alarm(`${name}ErrorsAlarm`, fn.metricErrors({ statistic: 'Sum', period: fiveMinutes }), {
        threshold: 1,
        description: `${name} function: unhandled errors or timeouts (request errors are answered, not counted)`,
      });
      alarm(`${name}ThrottlesAlarm`, fn.metricThrottles({ statistic: 'Sum', period: fiveMinutes }), {
        threshold: 1,
        description: `${name} function: invocations throttled (account concurrency reached)`,
      });
    }
    alarm(
      'TableThrottlesAlarm',
      this.table.metricThrottledRequestsForOperations({
        operations: [
          Operation.GET_ITEM,
          Operation.BATCH_GET_ITEM,
          Operation.QUERY,
          Operation.PUT_ITEM,
          Operation.UPDATE_ITEM,
          Operation.DELETE_ITEM,
          Operation.BATCH_WRITE_ITEM,
          Operation.TRANSACT_WRITE_ITEMS,
          Operation.TRANSACT_GET_ITEMS,
        ],
        period: fiveMinutes,
      }),
      { threshold: 1, description: 'DynamoDB throttled requests on the table (a hot partition or an on-demand ceiling)' },
    );
    alarm(
      'TableTransactionConflictsAlarm',
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName: 'TransactionConflict',
        dimensionsMap: { TableName: this.table.tableName },
        statistic: 'Sum',
        period: fiveMinutes,
      }),
      {
        threshold: props.transactionConflictThreshold ?? 50,
        periods: 2,
        description: 'Transactions conflicting on the same items (a popular slot under contention), 10 minutes running',
      },
    );

    // ── Outputs ───────────────────────────────────────────────────────────────────────────────
    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the API (TARO_APP_API without a custom domain)' });
    if (domain) {
      new CfnOutput(this, 'ApiDomainUrl', { value: `https://${props.apiDomain!.name}`, description: 'TARO_APP_API for the mini-program' });
      new CfnOutput(this, 'ApiDomainTarget', { value: domain.regionalDomainName, description: `CNAME ${props.apiDomain!.name} to this` });
    }
    new CfnOutput(this, 'SecretArn', { value: this.secret.secretArn, description: 'Put the server keys here after the first deploy' });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }

  private grantTable(fn: IFunction, access: TableAccess): void {
    const resources = [this.table.tableArn, `${this.table.tableArn}/index/*`];
    if (access.read) fn.addToRolePolicy(new PolicyStatement({ actions: [...readActions], resources }));
    if (access.write === 'all') {
      fn.addToRolePolicy(new PolicyStatement({ actions: [...writeActions], resources: [this.table.tableArn] }));
    } else if (access.write !== 'none') {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: [...access.write.actions],
          resources: [this.table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...access.write.partitionKeys] } },
        }),
      );
    }
  }
}
