import type { Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { envelope } from '../http/errors.js';
import { httpHandler, type HttpEvent, type HttpHandler, type HttpResult } from '../http/adapter.js';
import { telemetry as makeTelemetry, type Telemetry } from '../observability/telemetry.js';
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
  /** Where errors are reported (the Powertools logger by default). */
  log?: (entry: Record<string, unknown>) => void;
  /** Tests may pass their own; on AWS, Powertools Logger and Metrics (EMF). */
  telemetry?: Telemetry;
}

export type LambdaHttpHandler = (event: HttpEvent, context?: Context) => Promise<HttpResult>;

export function createLambdaHandler(routes: readonly Route[], opts: LambdaHandlerOptions = {}): LambdaHttpHandler {
  if (routes.length === 0) throw new Error('a function with no routes');
  const deps = lambdaDeps(opts);
  const clock = opts.clock ?? (() => new Date());
  const telemetry = opts.telemetry ?? makeTelemetry({ service: `mcan-${routes[0]!.group}`, emitMetrics: true });
  const log = opts.log ?? ((entry: Record<string, unknown>) => telemetry.logger.error('unexpected', entry));
  let serve: HttpHandler | null = null;

  return async (event, context) => {
    // Request id and cold start on every line this invocation logs.
    if (context) telemetry.logger.addContext(context);
    try {
      if (!serve) {
        try {
          serve = httpHandler({ routes, deps: await deps(), clock, log, telemetry });
        } catch (e) {
          if (!(e instanceof SecretsNotReadyError)) throw e;
          log({ error: e.name, message: e.message });
          return notReady(event);
        }
      }
      return await serve(event);
    } finally {
      telemetry.flush();
    }
  };
}
