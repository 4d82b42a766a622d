/** The public listings' Lambda entry: no keys, so no Secrets Manager code in its bundle. */
import { publicRoutes } from '../../routes/public.js';
import { createLambdaHandler } from '../api.js';

export const handler = createLambdaHandler(publicRoutes);
