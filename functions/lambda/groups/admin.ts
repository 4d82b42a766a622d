/** The admin function's Lambda entry: its own routes only; its keys are read on the first request. */
import { adminRoutes } from '../../routes/admin.js';
import { createLambdaHandler } from '../api.js';
import { secretsManagerReader } from '../secrets-manager.js';

export const handler = createLambdaHandler(adminRoutes, { readSecret: secretsManagerReader() });
