import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnInsightRule, Dashboard, GraphWidget, MathExpression, Metric, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { businessMetrics, metricNamespace, metricService, type BusinessMetric } from '../functions/observability/telemetry.js';
import type { RaiseAlarm } from './alarms.js';

export interface ObservabilityProps {
  api: HttpApi;
  /** The function whose event lines carry bookings (the recipient group). */
  bookingFunction: NodejsFunction;
  /** Every function, for the duration and error graphs. */
  functions: ReadonlyMap<string, NodejsFunction>;
  /** The stack's alarm maker (alarms.ts): the same topic and missing-data rule as every other alarm. */
  alarm: RaiseAlarm;
  /** Bookings at one provider within one minute that raise the velocity alarm. */
  bookingVelocityPerMinute: number;
  /** Sign-in failures across the API within one minute that raise the burst alarm. */
  signInFailuresPerMinute: number;
}

/**
 * The programme's own view of M餐 on AWS: the business metrics the functions write in EMF
 * (functions/observability/telemetry.ts) on a dashboard, and alarms on what needs a person —
 * a BUSY rate (the server shedding load), a booking-velocity spike at one provider (a script or
 * a provider farming its own meals) and sign-in failure bursts (password guessing).
 */
export class Observability extends Construct {
  readonly dashboard: Dashboard;
  readonly bookingVelocityRule: CfnInsightRule;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const business = (name: BusinessMetric, period = Duration.minutes(5)) =>
      new Metric({ namespace: metricNamespace, metricName: name, dimensionsMap: { service: metricService }, statistic: 'Sum', period });
    const fiveMinutes = Duration.minutes(5);
    const oneMinute = Duration.minutes(1);

    // BUSY answers as a share of requests: a few under a burst are the design working; a steady
    // share means the sign-in pool or the contention retries are too small for the traffic.
    props.alarm(
      'BusyRateAlarm',
      new MathExpression({
        expression: 'IF(requests >= 20, 100 * busy / requests, 0)',
        usingMetrics: { busy: business(businessMetrics.busy), requests: props.api.metricCount({ statistic: 'Sum', period: fiveMinutes }) },
        period: fiveMinutes,
        label: 'BUSY, % of requests',
      }),
      { threshold: 2, periods: 2, description: 'The API answers 503 BUSY to 2% or more of requests, 10 minutes running (load shed: sign-in pool or contention)' },
    );

    props.alarm('SignInFailureBurstAlarm', business(businessMetrics.signInFailures, oneMinute), {
      threshold: props.signInFailuresPerMinute,
      description: `${props.signInFailuresPerMinute}+ refused sign-ins in one minute: password or code guessing`,
    });

    // Per provider without a metric per provider (hundreds of custom metrics): Contributor Insights
    // over the booking event lines, keyed by providerId; the alarm watches the top contributor.
    const ruleName = `${Stack.of(this).stackName}-booking-velocity`;
    this.bookingVelocityRule = new CfnInsightRule(this, 'BookingVelocityRule', {
      ruleName,
      ruleState: 'ENABLED',
      ruleBody: JSON.stringify({
        Schema: { Name: 'CloudWatchLogRule', Version: 1 },
        LogGroupNames: [props.bookingFunction.logGroup.logGroupName],
        LogFormat: 'JSON',
        Contribution: { Keys: ['$.providerId'], Filters: [{ Match: '$.event', In: [businessMetrics.bookings] }] },
        AggregateOn: 'Count',
      }),
    });
    const topProvider = new MathExpression({
      expression: `INSIGHT_RULE_METRIC("${ruleName}", "MaxContributorValue")`,
      usingMetrics: {},
      period: oneMinute,
      label: 'Bookings per minute at the busiest provider',
    });
    const velocityAlarm = props.alarm('BookingVelocityAlarm', topProvider, {
      threshold: props.bookingVelocityPerMinute,
      description: `${props.bookingVelocityPerMinute}+ bookings in one minute at a single provider: a script, or a provider booking its own meals (see the ${ruleName} Contributor Insights rule)`,
    });
    velocityAlarm.node.addDependency(this.bookingVelocityRule);

    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${Stack.of(this).stackName}-programme`, defaultInterval: Duration.hours(6) });
    this.dashboard.addWidgets(
      new TextWidget({ markdown: '## M餐 — meals and refusals\nBusiness metrics from the functions (EMF, namespace `Mcan`). Alarms mail the alarm topic.', width: 24, height: 2 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Meals: bookings, redemptions, no-shows, sold-outs',
        left: [businessMetrics.bookings, businessMetrics.redemptions, businessMetrics.noShowExpiries, businessMetrics.soldOuts].map((m) => business(m)),
        width: 12,
      }),
      new GraphWidget({
        title: 'Refusals by code',
        left: [
          new MathExpression({
            expression: `SEARCH('{${metricNamespace},service,code} MetricName="${businessMetrics.refusals}"', 'Sum', 300)`,
            usingMetrics: {},
            period: fiveMinutes,
            label: '',
          }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'BUSY and sign-in failures', left: [business(businessMetrics.busy), business(businessMetrics.signInFailures)], width: 8 }),
      new GraphWidget({ title: 'Busiest provider, bookings per minute', left: [topProvider], width: 8 }),
      new GraphWidget({ title: 'Points exchanged', left: [business(businessMetrics.exchanges)], width: 8 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API: requests and 5xx',
        left: [props.api.metricCount({ statistic: 'Sum', period: fiveMinutes })],
        right: [props.api.metricServerError({ statistic: 'Sum', period: fiveMinutes })],
        width: 12,
      }),
      new GraphWidget({
        title: 'Function duration p99 (ms)',
        left: [...props.functions].map(([name, fn]) => fn.metricDuration({ statistic: 'p99', period: fiveMinutes, label: name })),
        width: 12,
      }),
    );
  }
}
