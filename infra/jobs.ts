import { Duration, TimeZone, type Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { config } from '../functions/config.js';
import { jobAccess } from '../functions/grants.js';
import type { JobDefinition } from '../functions/jobs/schedule.js';
import type { MakeFunction } from './functions.js';
import { pascal } from './names.js';
import { grantTable } from './table.js';

/** One function and one EventBridge schedule per job of the job list; the jobs read no secret. */
export function scheduledJobs(stack: Stack, makeFunction: MakeFunction, table: Table, jobs: readonly JobDefinition[]): Map<string, NodejsFunction> {
  const functions = new Map<string, NodejsFunction>();
  for (const job of jobs) {
    const fn = makeFunction(`Job${pascal(job.name)}Function`, {
      entry: job.entry,
      description: `M餐 job ${job.name}${job.description ? `: ${job.description}` : ''}`,
      env: {},
      memorySize: 512,
      timeout: Duration.minutes(2),
      secrets: [],
    });
    grantTable(table, fn, jobAccess);
    functions.set(job.name, fn);
    const s = job.schedule;
    new Schedule(stack, `Job${pascal(job.name)}Schedule`, {
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
  return functions;
}
