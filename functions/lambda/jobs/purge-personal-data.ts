import { job } from '../../jobs/schedule.js';
import { jobHandler } from '../job.js';

const { name, run } = job('purge-personal-data');
export const handler = jobHandler(name, run);
