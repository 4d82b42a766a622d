import { job } from '../../jobs/schedule.js';
import { jobHandler } from '../job.js';

const { name, run } = job('expire-bookings');
export const handler = jobHandler(name, run, { metrics: (r) => ({ NoShowExpiries: (r as { expired: number }).expired }) });
