import type { Deps } from '../app/deps.js';
import type { JobEvent } from '../jobs/schedule.js';
import { telemetry as makeTelemetry, type BusinessMetric } from '../observability/telemetry.js';
import { lambdaDeps, type RuntimeOptions } from './runtime.js';

/**
 * A scheduled job's Lambda entry, in one line:
 *   export const handler = jobHandler('expire-bookings', expireBookings);
 * Deps are built once per execution environment, as for the API. A failure is thrown, so the
 * scheduler retries it and the function's error alarm sees it.
 */
export function jobHandler<R>(
  name: string,
  run: (deps: Deps, now: Date) => Promise<R>,
  opts: RuntimeOptions & { clock?: () => Date; emitMetrics?: boolean; metrics?: (result: R) => Partial<Record<BusinessMetric, number>> } = {},
) {
  const deps = lambdaDeps(opts);
  const clock = opts.clock ?? (() => new Date());
  const t = makeTelemetry({ service: `mcan-job-${name}`, emitMetrics: opts.emitMetrics ?? true });
  return async (event: Partial<JobEvent> = {}): Promise<R> => {
    const started = performance.now();
    const result = await run(await deps(), clock());
    t.logger.info('job done', { job: name, scheduledTime: event.scheduledTime, ms: Math.round(performance.now() - started), result: result as Record<string, unknown> });
    for (const [metric, n] of Object.entries(opts.metrics?.(result) ?? {}) as [BusinessMetric, number][]) t.count(metric, n);
    t.flush();
    return result;
  };
}
