// The contract shared by the handlers and the mini-program: zod only, no AWS, no Node built-ins.
export * from './common.js';
export * from './sessions.js';
export * from './providers.js';
export * from './admin.js';
export * from './endpoints.js';
export * from './bookings.js';
export * from './staff.js';
export * from './verifications.js';
export * from './audit.js';
export * from './points.js';
export * from './impact.js';
export * from './thanks.js';
export * from './catalog.js';
export * from './integrity.js';
export * from './office.js';
export * from './admin-roles.js';
export * from './approvals.js';
