import { Logger, LogLevel as LogLevels } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ErrorCode } from '../contract/common.js';

/**
 * What the programme watches, as CloudWatch metrics in EMF (Powertools Metrics) and as log lines
 * (Powertools Logger: JSON with the request id and cold start; never a token, a phone, a name or
 * a device key — only ids M餐 made). The same log lines go to the console in local mode; the
 * metrics are written only on AWS (locally there is no CloudWatch to read them).
 * The stack's dashboard and alarms (infra/observability.ts) read these names.
 */
export const metricNamespace = 'Mcan';
/** Every function writes its metrics under one `service` dimension, so one alarm sees them all. */
export const metricService = 'mcan';

export const businessMetrics = {
  /** Bookings made (app and walk-in claims). */
  bookings: 'Bookings',
  /** Requests refused with a contract error; dimension `code`. */
  refusals: 'Refusals',
  /** Meals handed over at the counter. */
  redemptions: 'Redemptions',
  /** Booking attempts that met an empty slot. */
  soldOuts: 'SoldOuts',
  /** 503 BUSY answers: the server shed load (sign-in work full, contention retries spent). */
  busy: 'Busy',
  /** Bookings expired as no-shows by the expiry job. */
  noShowExpiries: 'NoShowExpiries',
  /** Points exchanged by providers. */
  exchanges: 'Exchanges',
  /** Sign-ins refused (wrong password, unknown account, throttled). */
  signInFailures: 'SignInFailures',
} as const;
export type BusinessMetric = (typeof businessMetrics)[keyof typeof businessMetrics];

export interface Telemetry {
  logger: Logger;
  /** A route answered successfully (`fields` are ids only, e.g. the provider of a booking). */
  succeeded(route: { name: string; group: string }, fields?: Record<string, string>): void;
  /** A route answered with a contract error. */
  refused(route: { name: string; group: string } | null, code: ErrorCode): void;
  count(metric: BusinessMetric, n?: number, dimensions?: Record<string, string>): void;
  /** Writes the buffered metrics (end of each invocation on Lambda). */
  flush(): void;
}

/** Which successful routes count as which business event. */
function successMetric(name: string): BusinessMetric | null {
  if (name === 'createBooking' || name === 'createWalkIn') return businessMetrics.bookings;
  if (name === 'redeem') return businessMetrics.redemptions;
  if (name === 'createExchange') return businessMetrics.exchanges;
  return null;
}

/** Sign-in routes: the signin function group, whatever new session routes it gains. */
const isSignIn = (route: { group: string } | null) => route?.group === 'signin';

/**
 * The log level the environment names (POWERTOOLS_LOG_LEVEL, else LOG_LEVEL; any case), or
 * `fallback` when it names none. A name Powertools does not know is refused rather than ignored.
 */
export function logLevelFrom(env: Record<string, string | undefined>, fallback: LogLevel): LogLevel {
  const named = env.POWERTOOLS_LOG_LEVEL || env.LOG_LEVEL;
  if (!named) return fallback;
  const level = named.toUpperCase();
  if (!Object.hasOwn(LogLevels, level)) throw new Error(`LOG_LEVEL must be one of ${Object.keys(LogLevels).join(', ')}, not "${named}"`);
  return level as LogLevel;
}

/**
 * `logLevel` left out: Powertools' own choice, which on Lambda is the function's log level, else
 * POWERTOOLS_LOG_LEVEL or LOG_LEVEL, else INFO, so every business event line reaches CloudWatch.
 */
export function telemetry(opts: { service: string; emitMetrics: boolean; logLevel?: LogLevel }): Telemetry {
  const logger = new Logger({ serviceName: opts.service, ...(opts.logLevel ? { logLevel: opts.logLevel } : {}) });
  const metrics = new Metrics({ namespace: metricNamespace, serviceName: metricService });
  let buffered = 0;
  const count = (metric: BusinessMetric, n = 1, dimensions?: Record<string, string>) => {
    if (!opts.emitMetrics || n === 0) return;
    if (dimensions) {
      const single = metrics.singleMetric();
      for (const [k, v] of Object.entries(dimensions)) single.addDimension(k, v);
      single.addMetric(metric, MetricUnit.Count, n);
    } else {
      metrics.addMetric(metric, MetricUnit.Count, n);
      buffered++;
    }
  };
  return {
    logger,
    count,
    succeeded(route, fields) {
      const metric = successMetric(route.name);
      if (!metric) return;
      count(metric);
      // One line per business event: the booking-velocity rule (Contributor Insights) keys on providerId.
      logger.info('event', { event: metric, route: route.name, ...fields });
    },
    refused(route, code) {
      count(businessMetrics.refusals, 1, { code });
      if (code === 'BUSY') count(businessMetrics.busy);
      if (code === 'QUOTA_EXHAUSTED' && route && successMetric(route.name) === businessMetrics.bookings) count(businessMetrics.soldOuts);
      if (isSignIn(route) && (code === 'UNAUTHENTICATED' || code === 'RATE_LIMITED')) {
        count(businessMetrics.signInFailures);
        logger.info('event', { event: businessMetrics.signInFailures, route: route!.name, code });
      }
    },
    flush() {
      // Only when something was counted: an empty flush makes Powertools warn on every request.
      if (buffered > 0) metrics.publishStoredMetrics();
      buffered = 0;
    },
  };
}
