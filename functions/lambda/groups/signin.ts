/** The signin function's Lambda entry: its own routes only; its keys are read on the first request. */
import { signinRoutes } from '../../routes/signin.js';
import { createLambdaHandler } from '../api.js';
import { secretsManagerReader } from '../secrets-manager.js';

export const handler = createLambdaHandler(signinRoutes, { readSecret: secretsManagerReader() });
