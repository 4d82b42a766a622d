import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableAccess, tableStatements, type TableResource, type TableStatement } from '../../infra/access.js';
import { functionGroups, type FunctionGroup } from '../routes/table.js';
import { tableDefinition } from '../store/table.js';

/**
 * The table grants of infra/access.ts, enforced locally as IAM enforces them on AWS. There each
 * function group runs in its own function with its own role; here one process serves every route,
 * so the route being served is carried in async context and every command the document client
 * sends while it is served is authorised against that route's group — the same statements the
 * stack deploys (tableStatements), read the way IAM reads them. A write a group is not granted then
 * fails a test instead of a deploy. Commands outside any route (seeding, jobs, test hooks) pass:
 * jobs hold the whole table on AWS too.
 */

/** Who is asking: the function group of the route being served, and the route for the message. */
export interface Caller {
  group: FunctionGroup;
  route: string;
}

const callers = new AsyncLocalStorage<Caller>();

/** Runs `run` (and everything it starts) as `caller`. */
export const asCaller = <T>(caller: Caller, run: () => Promise<T>): Promise<T> => callers.run(caller, run);

/** One authorisation IAM makes for a call: an action on a resource for these partition key values. */
export interface Authorisation {
  action: string;
  resource: TableResource;
  leadingKeys: string[];
}

type Input = Record<string, any>;

/** A key attribute as the document client (a string) or the low-level client ({ S }) spells it. */
function valueOf(item: Input | undefined, attribute: string): string {
  const v = item?.[attribute];
  const s = typeof v === 'string' ? v : typeof v?.S === 'string' ? (v.S as string) : undefined;
  if (s === undefined) throw new Error(`table grants: no string ${attribute} in ${JSON.stringify(item)}`);
  return s;
}

const partitionOf = (item: Input | undefined): string => valueOf(item, tableDefinition.partitionKey);

/** The partition key value a Query names in its key condition (`PK = :pk`, names resolved). */
function queriedPartition(input: Input): string {
  const attribute = input.IndexName ? tableDefinition.indexes.find((i) => i.name === input.IndexName)?.partitionKey : tableDefinition.partitionKey;
  const expression = String(input.KeyConditionExpression ?? '');
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  for (const m of expression.matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    const name = m[1]!.startsWith('#') ? names[m[1]!] : m[1];
    if (name === attribute) return valueOf(input.ExpressionAttributeValues, m[2]!);
  }
  throw new Error(`table grants: no equality on ${attribute ?? input.IndexName} in the key condition ${JSON.stringify(expression)}`);
}

/** Each table of a batch call (one table here). */
const batches = (input: Input): unknown[][] => Object.values((input.RequestItems ?? {}) as Record<string, unknown>).map((v) => (Array.isArray(v) ? v : ((v as Input).Keys as unknown[])));

/** What IAM checks for one command (named as the SDK names it: `PutItemCommand`). */
export function authorisationsOf(commandName: string, input: Input): Authorisation[] {
  const operation = commandName.replace(/Command$/, '');
  const one = (action: string, key: Input | undefined): Authorisation => ({ action: `dynamodb:${action}`, resource: 'table', leadingKeys: [partitionOf(key)] });
  switch (operation) {
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return [one(operation, input.Key)];
    case 'PutItem':
      return [one(operation, input.Item)];
    case 'Query':
      return [{ action: 'dynamodb:Query', resource: input.IndexName ? `index/${input.IndexName}` : 'table', leadingKeys: [queriedPartition(input)] }];
    case 'BatchGetItem':
      return [{ action: 'dynamodb:BatchGetItem', resource: 'table', leadingKeys: batches(input).flat().map((k) => partitionOf(k as Input)) }];
    case 'BatchWriteItem':
      return [
        {
          action: 'dynamodb:BatchWriteItem',
          resource: 'table',
          leadingKeys: batches(input)
            .flat()
            .map((r) => partitionOf((r as Input).PutRequest?.Item ?? (r as Input).DeleteRequest?.Key)),
        },
      ];
    // A transaction is authorised item by item, each as the single-item action it performs.
    case 'TransactWriteItems':
      return (input.TransactItems as Input[]).map((t) =>
        t.Put ? one('PutItem', t.Put.Item) : t.Update ? one('UpdateItem', t.Update.Key) : t.Delete ? one('DeleteItem', t.Delete.Key) : one('ConditionCheckItem', t.ConditionCheck?.Key),
      );
    case 'TransactGetItems':
      return (input.TransactItems as Input[]).map((t) => one('GetItem', t.Get?.Key));
    default:
      // Scan, table operations, PartiQL: granted to no API group, so refused whatever they touch.
      return [{ action: `dynamodb:${operation}`, resource: input.IndexName ? `index/${input.IndexName}` : 'table', leadingKeys: [] }];
  }
}

/** IAM's StringLike: `*` any run of characters, `?` any one; case matters. */
function stringLike(pattern: string, value: string): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

/** Allowed when one statement names the action and resource and, with a condition, every leading key matches a pattern (ForAllValues). */
export const isAllowed = (statements: readonly TableStatement[], a: Authorisation): boolean =>
  statements.some(
    (s) => s.actions.includes(a.action) && s.resources.includes(a.resource) && (s.leadingKeys === null || a.leadingKeys.every((k) => s.leadingKeys!.some((p) => stringLike(p, k)))),
  );

/** Named as AWS names the refusal, so nothing mistakes it for a condition failure or a throttle. */
export class AccessDeniedException extends Error {
  override name = 'AccessDeniedException';
}

export interface GrantEnforcement {
  /** Every refusal so far, as its message: a test app fails its stop() when any happened. */
  refused: string[];
}

/** Checks every command `doc` sends while a route is served (see asCaller) against its group's grant. */
export function enforceGrants(doc: DynamoDBDocumentClient): GrantEnforcement {
  const indexNames = tableDefinition.indexes.map((i) => i.name);
  const statements = Object.fromEntries(functionGroups.map((g) => [g, tableStatements(tableAccess[g], indexNames)])) as Record<FunctionGroup, TableStatement[]>;
  const enforcement: GrantEnforcement = { refused: [] };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const caller = callers.getStore();
      if (caller) {
        // Every refused item at once: one run names all a transaction lacks.
        const denied = authorisationsOf(context.commandName ?? '', args.input as Input).filter((a) => !isAllowed(statements[caller.group], a));
        if (denied.length) {
          const what = denied.map((a) => `${a.action} on ${a.resource}` + (a.leadingKeys.length ? ` for partition key ${a.leadingKeys.map((k) => JSON.stringify(k)).join(', ')}` : ''));
          const message = `the ${caller.group} group (serving ${caller.route}) is not granted ${what.join('; ')} — grant it in infra/access.ts (tableAccess.${caller.group}), or this fails on AWS`;
          enforcement.refused.push(message);
          throw new AccessDeniedException(message);
        }
      }
      return next(args);
    },
    { step: 'initialize', priority: 'high', name: 'enforceTableGrants' },
  );
  return enforcement;
}
