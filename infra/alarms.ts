import { Duration, type Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';

export interface AlarmOptions {
  threshold: number;
  /** Periods running that must breach (default 1). */
  periods?: number;
  description: string;
}

/** Raise an alarm on a metric: to the alarm topic, missing data not breaching. */
export type RaiseAlarm = (id: string, metric: IMetric, o: AlarmOptions) => Alarm;

/** The topic every alarm goes to, mailed to `email` when given (SNS asks to confirm once). */
export function alarmTopic(stack: Stack, email: string | undefined): Topic {
  const topic = new Topic(stack, 'Alarms', { displayName: 'M餐 alarms', enforceSSL: true });
  if (email) topic.addSubscription(new EmailSubscription(email));
  return topic;
}

/** The one way alarms are made, so every alarm lands on `topic` and a quiet metric is not an alarm. */
export function alarmsTo(stack: Stack, topic: Topic): RaiseAlarm {
  return (id, metric, o) => {
    const a = new Alarm(stack, id, {
      metric,
      threshold: o.threshold,
      evaluationPeriods: o.periods ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: o.description,
    });
    a.addAlarmAction(new SnsAction(topic));
    return a;
  };
}

/**
 * The service's health: the API's 5xx rate, every function's errors and throttles, and the table's
 * throttles and transaction conflicts (the programme's own alarms are in observability.ts).
 */
export function healthAlarms(
  alarm: RaiseAlarm,
  o: { api: HttpApi; functions: ReadonlyMap<string, IFunction>; table: Table; transactionConflictThreshold: number },
): void {
  const fiveMinutes = Duration.minutes(5);
  alarm(
    'Api5xxRateAlarm',
    new MathExpression({
      // Quiet periods (under 20 requests) do not count: two failures out of five are noise.
      expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
      usingMetrics: {
        errors: o.api.metricServerError({ statistic: 'Sum', period: fiveMinutes }),
        requests: o.api.metricCount({ statistic: 'Sum', period: fiveMinutes }),
      },
      period: fiveMinutes,
      label: 'API 5xx, % of requests',
    }),
    { threshold: 5, periods: 2, description: 'API answers 5xx to 5% or more of requests, 10 minutes running' },
  );
  for (const [name, fn] of o.functions) {
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
    o.table.metricThrottledRequestsForOperations({
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
      dimensionsMap: { TableName: o.table.tableName },
      statistic: 'Sum',
      period: fiveMinutes,
    }),
    {
      threshold: o.transactionConflictThreshold,
      periods: 2,
      description: 'Transactions conflicting on the same items (a popular slot under contention), 10 minutes running',
    },
  );
}
