import { join } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, TimeZone, Validations, type StackProps } from 'aws-cdk-lib';
import { CfnStage, CorsHttpMethod, DomainName, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, Operation, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, type CfnFunction, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { config } from '../functions/config.js';
import { jobs as defaultJobs, type JobDefinition } from '../functions/jobs/schedule.js';
import { envNames, secretPurposes, secretsFor, type SecretPurpose } from '../functions/lambda/env.js';
import { functionGroups, routes as defaultRoutes, type FunctionGroup, type Route } from '../functions/routes.js';
import { tableDefinition } from '../functions/store/table.js';
import { jobAccess, tableAccess, tableStatements, type TableAccess, type TableResource } from '../functions/grants.js';
import { groupEntry, lambdaBundle, projectRoot } from './bundling.js';
import { H5Hosting } from './hosting.js';
import { Observability } from './observability.js';

/** The route fields the stack reads: the method, the path, who may call it and which function serves it. */
export type RouteShape = Pick<Route, 'method' | 'path' | 'auth' | 'group'> & { name: string };

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

const pascal = (s: string): string => s.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, _sep: string, c: string) => c.toUpperCase());
const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * M餐 on AWS: one DynamoDB table, one Lambda function per auth group behind an HTTP API, one
 * function and schedule per job, the server secret, and alarms. Generated from the route table
 * and the table definition, so nothing here lists a route or a key by hand.
 */
export class McanStack extends Stack {
  readonly table: Table;
  /** One secret per key purpose (functions/lambda/env.ts); each function reads only its own. */
  readonly secrets = new Map<SecretPurpose, Secret>();
  readonly api: HttpApi;
  readonly hosting: H5Hosting;
  readonly stage: HttpStage;
  /** The API function of each function group that has routes. */
  readonly groupFunctions = new Map<FunctionGroup, NodejsFunction>();
  readonly jobFunctions = new Map<string, NodejsFunction>();
  readonly alarmTopic: Topic;
  readonly observability: Observability;

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
        projectionType: ProjectionType[index.projection],
      });
    }

    // One secret per purpose, created without a usable key (CloudFormation fills each with a
    // placeholder): after the first deploy, infra/put-secrets.ts writes the keys. Nothing secret
    // ever passes through the template. Names are fixed so put-secrets finds them by stack name.
    for (const [purpose, { what }] of Object.entries(secretPurposes) as [SecretPurpose, { what: string }][]) {
      this.secrets.set(
        purpose,
        new Secret(this, `${pascal(purpose)}Secret`, {
          secretName: `${this.stackName}/${kebab(purpose)}`,
          description: `M餐 ${what}: fill with infra/put-secrets.ts`,
          generateSecretString: { secretStringTemplate: '{}', generateStringKey: 'placeholder', excludePunctuation: true },
          removalPolicy: RemovalPolicy.RETAIN,
        }),
      );
    }

    // ── Functions ─────────────────────────────────────────────────────────────────────────────
    const baseEnv: Record<string, string> = {
      [envNames.tableName]: this.table.tableName,
      // The SDK's own keep-alive is on by default in v3; this keeps its Node-version notice out of the logs.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const reserved = props.reservedConcurrency === false ? null : { ...reservedConcurrencyDefaults, ...props.reservedConcurrency };

    const makeFunction = (
      id: string,
      o: { entry: string; description: string; env: Record<string, string>; memorySize: number; timeout: Duration; secrets: readonly SecretPurpose[]; reservedConcurrency?: number },
    ) => {
      const fn = new NodejsFunction(this, id, {
        entry: join(projectRoot, o.entry),
        handler: 'handler',
        projectRoot,
        depsLockFilePath: join(projectRoot, 'package-lock.json'),
        // Moves with lambdaBundle.target (infra/bundling.ts).
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: o.memorySize,
        timeout: o.timeout,
        description: o.description,
        environment: {
          ...baseEnv,
          ...o.env,
          ...Object.fromEntries(o.secrets.map((p) => [secretPurposes[p].env, this.secrets.get(p)!.secretArn])),
        },
        reservedConcurrentExecutions: o.reservedConcurrency,
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
      // Each key is readable by exactly the functions whose group lists it (secretsFor).
      for (const p of o.secrets) this.secrets.get(p)!.grantRead(fn);
      return fn;
    };

    const unknown = routes.filter((r) => !functionGroups.includes(r.group));
    if (unknown.length > 0) throw new Error(`routes with a function group the stack does not know: ${unknown.map((r) => r.name).join(', ')}`);
    for (const group of functionGroups) {
      const mine = routes.filter((r) => r.group === group);
      if (mine.length === 0) continue;
      const fn = makeFunction(`${pascal(group)}Function`, {
        entry: groupEntry(group),
        description: `M餐 API, ${group} routes`,
        env: { [envNames.routeGroup]: group, ...(group === 'signin' && props.wechatAppId ? { [envNames.wechatAppId]: props.wechatAppId } : {}) },
        secrets: secretsFor[group],
        reservedConcurrency: reserved?.[group],
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

    const integrations = new Map<FunctionGroup, HttpLambdaIntegration>();
    for (const [group, fn] of this.groupFunctions) {
      // One invoke permission per function (API-wide), not one per route: the function's resource
      // policy stays small however many routes the table grows to.
      integrations.set(group, new HttpLambdaIntegration(`${pascal(group)}Integration`, fn, { scopePermissionToRoute: false }));
    }
    // Each route throttled by its group's figure (config.throttles, sized in docs/capacity.md).
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of routes) {
      const r = new HttpRoute(this, `Route${pascal(route.name)}`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: integrations.get(route.group)!,
      });
      const t = config.throttles[route.group];
      routeSettings[`${route.method} ${route.path}`] = { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit };
      // Route settings name routes by key: the routes must exist before the stage refers to them.
      this.stage.node.addDependency(r);
    }
    (this.stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);

    // ── Scheduled jobs ────────────────────────────────────────────────────────────────────────
    for (const job of jobs) {
      const fn = makeFunction(`Job${pascal(job.name)}Function`, {
        entry: job.entry,
        description: `M餐 job ${job.name}${job.description ? `: ${job.description}` : ''}`,
        env: {},
        memorySize: 512,
        timeout: Duration.minutes(2),
        secrets: [],
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
    this.alarmTopic = new Topic(this, 'Alarms', { displayName: 'M餐 alarms', enforceSSL: true });
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

    this.observability = new Observability(this, 'Observability', {
      api: this.api,
      bookingFunction: this.groupFunctions.get('recipient')!,
      functions: new Map(functions),
      alarm,
      bookingVelocityPerMinute: props.bookingVelocityPerMinute ?? 30,
      signInFailuresPerMinute: props.signInFailuresPerMinute ?? 50,
    });

    this.hosting = new H5Hosting(this, 'H5', { api: this.api, appDir: props.h5?.appDir, domain: props.h5?.domain });

    this.acknowledgeFindings();

    // ── Outputs ───────────────────────────────────────────────────────────────────────────────
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

  /**
   * cdk-nag (AwsSolutions) findings that are accepted by design, each with its reason. Everything
   * else it reports is fixed in the stack; tests/infra/stack.test.ts runs the checks.
   */
  private acknowledgeFindings(): void {
    const here = Validations.of(this);
    here.acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Authorisation is in the function: every non-public route checks an EdDSA session token and its role in the adapter (functions/http/adapter.ts); public routes are public by contract. An API Gateway JWT authorizer needs an OIDC issuer with a JWKS URL, which M餐 does not run.',
    });
    here.acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The AWS-managed basic execution role grants only CloudWatch Logs writes, to the function’s own log group in practice.',
    });
    here.acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'No automatic rotation: recipient ids are derived from the recipient-id key and personal data is sealed with the personal-data key, so those must never change; the token and voucher keys are rotated on purpose with infra/put-secrets.ts (rotating signs everyone out or voids live vouchers).',
    });
    here.acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 (supported into 2027) is the newest major that local mode and CI run the same code on (Node 20 and 22); the bundles target it.',
    });
    for (const fn of this.jobFunctions.values()) {
      const logicalId = this.getLogicalId(fn.node.defaultChild as CfnFunction);
      here.acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        reason: 'EventBridge Scheduler’s role may invoke the job function and its versions (CDK’s LambdaInvoke target grant); nothing else.',
      });
    }
  }

  private grantTable(fn: IFunction, access: TableAccess): void {
    const arn = (r: TableResource): string => (r === 'table' ? this.table.tableArn : `${this.table.tableArn}/${r}`);
    for (const s of tableStatements(access)) {
      const conditions = {
        ...(s.leadingKeys ? { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...s.leadingKeys] } } : {}),
        // Attribute-level reads as IAM documents them: the request names its attributes, and only these.
        ...(s.attributes ? { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...s.attributes] }, StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' } } : {}),
      };
      fn.addToRolePolicy(new PolicyStatement({ actions: [...s.actions], resources: s.resources.map(arn), ...(Object.keys(conditions).length ? { conditions } : {}) }));
    }
  }
}
