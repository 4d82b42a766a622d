import * as verifications from '../app/verifications.js';
import { routeTable, type Handlers } from './table.js';

/** Verification applications, submitted by recipients and reviewed by admins: where personal data is sealed and opened. */
export const verificationHandlers = {
  submitVerification: (ctx, { body }) => verifications.submitVerification(ctx, body),
  listVerifications: (ctx, { query }) => verifications.listVerifications(ctx, query),
  approveVerification: (ctx, { params }) => verifications.approveVerification(ctx, params),
  rejectVerification: (ctx, { params }) => verifications.rejectVerification(ctx, params),
} satisfies Handlers;

export const verificationRoutes = routeTable('verification', verificationHandlers);
