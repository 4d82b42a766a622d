import type { Deps } from '../app/deps.js';
import { jobs, type JobSchedule } from '../jobs/schedule.js';
import type { Clock } from './clock.js';

/** How often local mode runs a job: rate schedules as given; cron ones (daily work) hourly is plenty locally. */
const intervalMs = (s: JobSchedule): number => ('everyMinutes' in s ? s.everyMinutes * 60_000 : 3_600_000);

/**
 * Local mode runs the same scheduled jobs as AWS (functions/jobs/schedule.ts) on timers, reading
 * the same (possibly test) clock as the handlers. A run never overlaps the previous one of the same
 * job. `within` wraps each run, as the adapter's does each route (the local table grants).
 */
export function localJobs(deps: Deps, clock: Clock, timers: boolean, within: <T>(job: string, run: () => Promise<T>) => Promise<T> = (_, run) => run()) {
  const list = jobs.map((j) => ({ name: j.name, everyMs: intervalMs(j.schedule), run: () => within(j.name, () => j.run(deps, clock.now())) }));
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
      const h = setInterval(() => void tick(), job.everyMs);
      h.unref();
      handles.push(h);
    }
  }
  return { list, stop: () => handles.forEach(clearInterval) };
}
