import { job } from '../../jobs/schedule.js';
import { jobHandler } from '../job.js';

const { name, run } = job('review-integrity');
export const handler = jobHandler(name, run);
