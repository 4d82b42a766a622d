import { randomUUID } from 'node:crypto';
import { envelope } from '../http/errors.js';
import { httpHandler, type HttpEvent, type HttpHandler, type HttpResult } from '../http/adapter.js';
import type { Route } from '../routes/table.js';
import { lambdaDeps, SecretsNotReadyError, type RuntimeOptions } from './runtime.js';

/**
 * The API on Lambda. The stack deploys one function per function group (functions/lambda/groups/),
 * each built from its own entry that imports only its group's routes, and routes only that group's
 * routes to it; a miswired route answers 404 rather than running with another group's rights.
 */
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

export function createLambdaHandler(routes: readonly Route[], opts: LambdaHandlerOptions = {}): HttpHandler {
  if (routes.length === 0) throw new Error('a function with no routes');
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
