/** The recipient function's Lambda entry: its own routes only; its keys are read on the first request. */
import { recipientRoutes } from '../../routes/recipient.js';
import { createLambdaHandler } from '../api.js';
import { secretsManagerReader } from '../secrets-manager.js';

export const handler = createLambdaHandler(recipientRoutes, { readSecret: secretsManagerReader() });
