import { job } from '../../jobs/schedule.js';
import { jobHandler } from '../job.js';

const { name, run } = job('roll-up-impact');
export const handler = jobHandler(name, run);
