import { randomUUID } from 'node:crypto';
import { envelope } from '../http/errors.js';
import { httpHandler, type HttpEvent, type HttpHandler, type HttpResult } from '../http/adapter.js';
import { routes as allRoutes, type Route } from '../routes.js';
import { envNames, lambdaDeps, SecretsNotReadyError, type RuntimeOptions } from './runtime.js';

/**
 * The API on Lambda (entry: handler.ts). The stack deploys it once per auth group
 * (public, recipient, staff, admin) with ROUTE_GROUP set, and routes only that group's routes to
 * it; the function serves only those, so a miswired route answers 404 rather than running with
 * another group's table permissions.
 */
export function routesFor(group: string | undefined, routes: readonly Route[] = allRoutes): readonly Route[] {
  if (!group) return routes;
  const mine = routes.filter((r) => r.auth === group);
  if (mine.length === 0) throw new Error(`${envNames.routeGroup}=${group} names no route group`);
  return mine;
}

function notReady(event: HttpEvent): HttpResult {
  const requestId = event.requestContext?.requestId || randomUUID();
  return {
    statusCode: 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-request-id': requestId, 'retry-after': '30' },
    body: JSON.stringify(envelope('NOT_CONFIGURED', `the server's secrets are not set up yet (request ${requestId})`)),
  };
}

export interface LambdaHandlerOptions extends RuntimeOptions {
  clock?: () => Date;
  /** Where errors are reported (CloudWatch Logs via stderr by default). */
  log?: (entry: Record<string, unknown>) => void;
}

export function createLambdaHandler(opts: LambdaHandlerOptions = {}): HttpHandler {
  const env = opts.env ?? process.env;
  const routes = routesFor(env[envNames.routeGroup], allRoutes);
  const deps = lambdaDeps(opts);
  const clock = opts.clock ?? (() => new Date());
  const log = opts.log ?? ((entry: Record<string, unknown>) => console.error(JSON.stringify(entry)));
  let serve: HttpHandler | null = null;

  return async (event) => {
    if (!serve) {
      try {
        serve = httpHandler({ routes, deps: await deps(), clock, log });
      } catch (e) {
        if (!(e instanceof SecretsNotReadyError)) throw e;
        log({ level: 'error', error: e.name, message: e.message });
        return notReady(event);
      }
    }
    return serve(event);
  };
}

