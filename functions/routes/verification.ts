import * as review from '../app/admin/verifications.js';
import * as application from '../app/recipient/verification.js';
import { routeTable, type Handlers } from './table.js';

/** Verification applications, submitted by recipients and reviewed by admins: where personal data is sealed and opened. */
export const verificationHandlers = {
  submitVerification: (ctx, { body }) => application.submitVerification(ctx, body),
  listVerifications: (ctx, { query }) => review.listVerifications(ctx, query),
  approveVerification: (ctx, { params }) => review.approveVerification(ctx, params),
  rejectVerification: (ctx, { params, body }) => review.rejectVerification(ctx, params, body),
  revokeVerification: (ctx, { params, body }) => review.revokeVerification(ctx, params, body),
  revealVerificationPhone: (ctx, { params }) => review.revealPhone(ctx, params),
} satisfies Handlers;

export const verificationRoutes = routeTable('verification', verificationHandlers);
