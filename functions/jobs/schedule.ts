import type { Deps } from '../app/deps.js';
import { expireBookings } from './expire-bookings.js';
import { purgePersonalData } from './purge-personal-data.js';
import { reviewIntegrity } from './review-integrity.js';
import { rollUpImpact } from './roll-up-impact.js';

/**
 * The scheduled jobs: one list read by the CDK stack (an EventBridge Scheduler schedule and a
 * Lambda function per job) and by local mode (timers). A job slots in by adding an element here.
 */
export interface JobDefinition {
  /** Short, stable, PascalCase-free id: names the function and the schedule (`expire-bookings`). */
  name: string;
  /**
   * The job's Lambda entry, relative to the project root; it exports `handler(event: JobEvent)`,
   * usually `export const handler = jobHandler('<name>', run)` (functions/lambda/job.ts).
   */
  entry: string;
  /** When it runs: a fixed rate, or a cron expression in `timeZone` (the service's, by default). */
  schedule: JobSchedule;
  description?: string;
  /** The work itself; Lambda runs it through `entry`, local mode on a timer. */
  run: (deps: Deps, now: Date) => Promise<unknown>;
}

export type JobSchedule =
  | { everyMinutes: number }
  /** EventBridge Scheduler's six-field cron, e.g. `0 3 * * ? *` (03:00 daily). */
  | { cron: string; timeZone?: string };

/** What a job's handler receives: the scheduler passes the job name and its own scheduled time. */
export interface JobEvent {
  job: string;
  /** ISO time the run was scheduled for (`<aws.scheduler.scheduled-time>`); absent when run by hand. */
  scheduledTime?: string;
}

export const jobs: readonly JobDefinition[] = [
  {
    name: 'expire-bookings',
    entry: 'functions/lambda/jobs/expire-bookings.ts',
    schedule: { everyMinutes: 1 },
    description: 'No-shows: expire bookings 15 minutes after their window, give the meal back, count the no-show',
    run: expireBookings,
  },
  {
    name: 'purge-personal-data',
    entry: 'functions/lambda/jobs/purge-personal-data.ts',
    schedule: { cron: '30 3 * * ? *' },
    description: 'Delete verification applications’ personal data 180 days after the decision, and applications left pending 30 days',
    run: purgePersonalData,
  },
  {
    name: 'roll-up-impact',
    entry: 'functions/lambda/jobs/roll-up-impact.ts',
    // Hourly: the first run after 00:15 rolls yesterday up; the others find nothing to do (one read).
    schedule: { cron: '20 * * * ? *' },
    description: 'Roll closed days’ impact figures up by month, quarter, year and sub-district, so long spans read few items',
    run: rollUpImpact,
  },
  {
    name: 'review-integrity',
    entry: 'functions/lambda/jobs/review-integrity.ts',
    // Daily, after the night's roll-up: it judges closed days only, so any hour gives the same answer.
    schedule: { cron: '40 0 * * ? *' },
    description: 'Judge each provider’s last 30 closed days against its sub-district; a flag holds its points until an admin clears it',
    run: reviewIntegrity,
  },
];

export function job(name: string): JobDefinition {
  const found = jobs.find((j) => j.name === name);
  if (!found) throw new Error(`no job named ${name}`);
  return found;
}
