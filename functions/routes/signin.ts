import * as phone from '../app/signin/phone.js';
import * as sessions from '../app/signin/sessions.js';
import { routeTable, type Handlers } from './table.js';

/** Every route that makes a session: the only code that signs tokens. */
export const signinHandlers = {
  createDeviceSession: (ctx, { body }) => sessions.createDeviceSession(ctx, body),
  sessionMethods: (ctx) => Promise.resolve(sessions.sessionMethods(ctx)),
  createPhoneChallenge: (ctx, { body }) => phone.createPhoneChallenge(ctx, body),
  createPhoneSession: (ctx, { body }) => phone.createPhoneSession(ctx, body),
  createWechatSession: (ctx, { body }) => sessions.createWechatSession(ctx, body),
  createStaffSession: (ctx, { body }) => sessions.createStaffSession(ctx, body),
  createAdminSession: (ctx, { body }) => sessions.createAdminSession(ctx, body),
} satisfies Handlers;

export const signinRoutes = routeTable('signin', signinHandlers);
