import { Duration, type Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, DomainName, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination, type CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { config } from '../functions/config.js';
import type { FunctionGroup, Route } from '../functions/routes.js';
import { pascal } from './names.js';

/** The route fields the stack reads: the method, the path, who may call it and which function serves it. */
export type RouteShape = Pick<Route, 'method' | 'path' | 'auth' | 'group'> & { name: string };

export interface HttpApiOptions {
  routes: readonly RouteShape[];
  /** CORS is on for this origin alone, and off when unset. */
  h5Origin?: string;
  apiDomain?: { name: string; certificateArn: string };
  throttle?: { rateLimit: number; burstLimit: number };
}

/** The HTTP API and its one stage (on the custom domain when given), logging every request. */
export function httpApi(stack: Stack, o: HttpApiOptions): { api: HttpApi; stage: HttpStage; domain: DomainName | undefined } {
  const methods = [...new Set(o.routes.map((r) => r.method))];
  const api = new HttpApi(stack, 'Api', {
    apiName: `${stack.stackName}-api`,
    description: 'M餐 API',
    createDefaultStage: false,
    corsPreflight: o.h5Origin
      ? {
          allowOrigins: [o.h5Origin],
          allowMethods: [...methods.map((m) => CorsHttpMethod[m]), CorsHttpMethod.OPTIONS],
          allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
          exposeHeaders: ['retry-after', 'x-request-id'],
          maxAge: Duration.days(1),
        }
      : undefined,
  });
  const accessLogs = new LogGroup(stack, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH });
  const domain = o.apiDomain
    ? new DomainName(stack, 'ApiDomain', {
        domainName: o.apiDomain.name,
        certificate: Certificate.fromCertificateArn(stack, 'ApiCertificate', o.apiDomain.certificateArn),
      })
    : undefined;
  const stage = new HttpStage(stack, 'DefaultStage', {
    httpApi: api,
    stageName: '$default',
    autoDeploy: true,
    domainMapping: domain ? { domainName: domain } : undefined,
    throttle: o.throttle ?? { rateLimit: 100, burstLimit: 200 },
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
  return { api, stage, domain };
}

/** Every route of the table on the API, to its group's function, throttled by its group's figure. */
export function wireRoutes(stack: Stack, o: { api: HttpApi; stage: HttpStage; routes: readonly RouteShape[]; functions: ReadonlyMap<FunctionGroup, IFunction> }): void {
  const integrations = new Map<FunctionGroup, HttpLambdaIntegration>();
  for (const [group, fn] of o.functions) {
    // One invoke permission per function (API-wide), not one per route: the function's resource
    // policy stays small however many routes the table grows to.
    integrations.set(group, new HttpLambdaIntegration(`${pascal(group)}Integration`, fn, { scopePermissionToRoute: false }));
  }
  // Each route throttled by its group's figure (config.throttles, sized in docs/capacity.md).
  const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
  for (const route of o.routes) {
    const r = new HttpRoute(stack, `Route${pascal(route.name)}`, {
      httpApi: o.api,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: integrations.get(route.group)!,
    });
    const t = config.throttles[route.group];
    routeSettings[`${route.method} ${route.path}`] = { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit };
    // Route settings name routes by key: the routes must exist before the stage refers to them.
    o.stage.node.addDependency(r);
  }
  (o.stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);
}
