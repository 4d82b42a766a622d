import type { Deps } from '../app/deps.js';
import { expireBookings } from '../jobs/expire-bookings.js';
import type { Clock } from './clock.js';

/**
 * Local mode runs the scheduled jobs on timers, reading the same (possibly test) clock as the
 * handlers. A run never overlaps the previous one of the same job.
 */
export function localJobs(deps: Deps, clock: Clock, timers: boolean) {
  const list = [{ name: 'expire-bookings', everyMs: 30_000, run: () => expireBookings(deps, clock.now()) }];
  const handles: NodeJS.Timeout[] = [];
  if (timers) {
    for (const job of list) {
      let running = false;
      const tick = async () => {
        if (running) return;
        running = true;
        try {
          await job.run();
        } catch (e) {
          console.error(JSON.stringify({ level: 'error', job: job.name, error: e instanceof Error ? e.message : String(e) }));
        } finally {
          running = false;
        }
      };
      const h = setInterval(tick, job.everyMs);
      h.unref();
      handles.push(h);
    }
  }
  return { list, stop: () => handles.forEach(clearInterval) };
}
