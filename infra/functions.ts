import { join } from 'node:path';
import { Duration, type Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { tableAccess } from '../functions/grants.js';
import { envNames, secretPurposes, secretsFor, type SecretPurpose } from '../functions/lambda/env.js';
import { functionGroups, type FunctionGroup } from '../functions/routes.js';
import type { RouteShape } from './api.js';
import { groupEntry, lambdaBundle, projectRoot } from './bundling.js';
import { pascal } from './names.js';
import { grantTable } from './table.js';

/** What differs between M餐's functions; everything else is built one way (functionMaker). */
export interface FunctionSpec {
  entry: string;
  description: string;
  env: Record<string, string>;
  memorySize: number;
  timeout: Duration;
  secrets: readonly SecretPurpose[];
  reservedConcurrency?: number;
}

export type MakeFunction = (id: string, spec: FunctionSpec) => NodejsFunction;

/**
 * How every function of the stack is made: bundled from its entry by the local esbuild, given the
 * table's name and the ARNs of the secrets it lists, and allowed to read those secrets alone.
 */
export function functionMaker(stack: Stack, table: Table, secrets: ReadonlyMap<SecretPurpose, Secret>): MakeFunction {
  const baseEnv: Record<string, string> = {
    [envNames.tableName]: table.tableName,
    // The SDK's own keep-alive is on by default in v3; this keeps its Node-version notice out of the logs.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  return (id, o) => {
    const fn = new NodejsFunction(stack, id, {
      entry: join(projectRoot, o.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      // Moves with lambdaBundle.target (infra/bundling.ts).
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: o.memorySize,
      timeout: o.timeout,
      description: o.description,
      environment: {
        ...baseEnv,
        ...o.env,
        ...Object.fromEntries(o.secrets.map((p) => [secretPurposes[p].env, secrets.get(p)!.secretArn])),
      },
      reservedConcurrentExecutions: o.reservedConcurrency,
      logGroup: new LogGroup(stack, `${id}Logs`, { retention: RetentionDays.ONE_MONTH }),
      bundling: {
        target: lambdaBundle.target,
        format: OutputFormat.ESM,
        minify: lambdaBundle.minify,
        sourceMap: lambdaBundle.sourceMap,
        mainFields: [...lambdaBundle.mainFields],
        banner: lambdaBundle.banner,
        externalModules: [...lambdaBundle.externalModules],
      },
    });
    // Each key is readable by exactly the functions whose group lists it (secretsFor).
    for (const p of o.secrets) secrets.get(p)!.grantRead(fn);
    return fn;
  };
}

/**
 * The API's functions: one per function group that has routes, each with its group's secrets,
 * table grants and reserved concurrency (none reserved when `reserved` is null).
 */
export function apiFunctions(
  makeFunction: MakeFunction,
  table: Table,
  routes: readonly RouteShape[],
  o: { reserved: Partial<Record<FunctionGroup, number>> | null; wechatAppId?: string; requireTotp: boolean },
): Map<FunctionGroup, NodejsFunction> {
  const unknown = routes.filter((r) => !functionGroups.includes(r.group));
  if (unknown.length > 0) throw new Error(`routes with a function group the stack does not know: ${unknown.map((r) => r.name).join(', ')}`);
  const functions = new Map<FunctionGroup, NodejsFunction>();
  for (const group of functionGroups) {
    const mine = routes.filter((r) => r.group === group);
    if (mine.length === 0) continue;
    const fn = makeFunction(`${pascal(group)}Function`, {
      entry: groupEntry(group),
      description: `M餐 API, ${group} routes`,
      env: {
        [envNames.routeGroup]: group,
        ...(group === 'signin' && o.wechatAppId ? { [envNames.wechatAppId]: o.wechatAppId } : {}),
        // Every function that checks admin tokens enforces it; set on all, so none is missed.
        ...(o.requireTotp ? { [envNames.requireTotp]: '1' } : {}),
      },
      secrets: secretsFor[group],
      reservedConcurrency: o.reserved?.[group],
      // CPU scales with memory: at 1 GB a cold start and an scrypt sign-in take about half as long
      // as at 512 MB, for about the same price per request.
      memorySize: 1024,
      timeout: Duration.seconds(10),
    });
    grantTable(table, fn, tableAccess[group]);
    functions.set(group, fn);
  }
  return functions;
}
