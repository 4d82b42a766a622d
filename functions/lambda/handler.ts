/**
 * The Lambda entry behind the HTTP API (see api.ts). Settings, clients and routes are set up at
 * init, once per execution environment; the secret is read on the first request.
 */
import { createLambdaHandler } from './api.js';

export const handler = createLambdaHandler();
