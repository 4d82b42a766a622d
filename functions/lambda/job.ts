import type { Deps } from '../app/deps.js';
import type { JobEvent } from '../jobs/schedule.js';
import { lambdaDeps, type RuntimeOptions } from './runtime.js';

/**
 * A scheduled job's Lambda entry, in one line:
 *   export const handler = jobHandler('expire-bookings', expireBookings);
 * Deps are built once per execution environment, as for the API. A failure is thrown, so the
 * scheduler retries it and the function's error alarm sees it.
 */
export function jobHandler<R>(name: string, run: (deps: Deps, now: Date) => Promise<R>, opts: RuntimeOptions & { clock?: () => Date } = {}) {
  const deps = lambdaDeps(opts);
  const clock = opts.clock ?? (() => new Date());
  return async (event: Partial<JobEvent> = {}): Promise<R> => {
    const started = performance.now();
    const result = await run(await deps(), clock());
    console.log(JSON.stringify({ level: 'info', job: name, scheduledTime: event.scheduledTime, ms: Math.round(performance.now() - started), result }));
    return result;
  };
}
