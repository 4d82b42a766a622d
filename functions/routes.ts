import type { EndpointName, Endpoints } from './contract/endpoints.js';
import { adminHandlers, adminRoutes } from './routes/admin.js';
import { publicHandlers, publicRoutes } from './routes/public.js';
import { recipientHandlers, recipientRoutes } from './routes/recipient.js';
import { signinHandlers, signinRoutes } from './routes/signin.js';
import { staffHandlers, staffRoutes } from './routes/staff.js';
import type { FunctionGroup, Handler, Route } from './routes/table.js';
import { verificationHandlers, verificationRoutes } from './routes/verification.js';

export type { FunctionGroup, Handler, Route, RouteInput } from './routes/table.js';
export { functionGroups } from './routes/table.js';

/**
 * Every endpoint of the contract has exactly one use case, in exactly one function group's table
 * (functions/routes/<group>.ts): a missing one is a type error here, one in two groups an error at load.
 */
const all: { [K in EndpointName]: Handler<Endpoints[K]> } = {
  ...publicHandlers,
  ...signinHandlers,
  ...recipientHandlers,
  ...staffHandlers,
  ...adminHandlers,
  ...verificationHandlers,
};
void all;

/** Each function group's routes; a group's Lambda entry imports only its own module. */
export const routesByGroup: Record<FunctionGroup, readonly Route[]> = {
  public: publicRoutes,
  signin: signinRoutes,
  recipient: recipientRoutes,
  staff: staffRoutes,
  admin: adminRoutes,
  verification: verificationRoutes,
};

/**
 * The route table: every endpoint of the contract with its use case. The local server and the
 * CDK stack both read this list, so a route cannot exist in one and not the other.
 */
export const routes: readonly Route[] = Object.values(routesByGroup).flat();

const seen = new Set<string>();
for (const r of routes) {
  if (seen.has(r.name)) throw new Error(`endpoint ${r.name} is in two function groups`);
  seen.add(r.name);
}
