/** The staff function's Lambda entry: its own routes only; its keys are read on the first request. */
import { staffRoutes } from '../../routes/staff.js';
import { createLambdaHandler } from '../api.js';
import { secretsManagerReader } from '../secrets-manager.js';

export const handler = createLambdaHandler(staffRoutes, { readSecret: secretsManagerReader() });
