/** The verification function's Lambda entry: its own routes only; its keys are read on the first request. */
import { verificationRoutes } from '../../routes/verification.js';
import { createLambdaHandler } from '../api.js';
import { secretsManagerReader } from '../secrets-manager.js';

export const handler = createLambdaHandler(verificationRoutes, { readSecret: secretsManagerReader() });
