import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { appendOnly, jobAccess, tableAccess, tableStatements, type TableResource, type TableStatement } from '../grants.js';
import { functionGroups, type FunctionGroup } from '../routes/table.js';
import { tableDefinition } from '../store/table.js';

/**
 * The table grants of functions/grants.ts, enforced locally as IAM enforces them on AWS. There each
 * function group and each job runs in its own function with its own role; here one process serves
 * every route and runs every job, so the route or job being served is carried in async context and
 * every command the document client sends meanwhile — reads as well as writes — is authorised
 * against its grant: the same statements the stack deploys (tableStatements), read the way IAM
 * reads them. A read or write a group is not granted then fails a test instead of a deploy.
 * Commands outside any route or job (seeding, test hooks) pass: on AWS the operator runs those.
 */

/** Who is asking: a function group, or the scheduled jobs; and the route or job, for the message. */
export interface Caller {
  group: FunctionGroup | 'jobs';
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
  /** A read's top-level attributes (its ProjectionExpression); null: every attribute. Writes: absent. */
  attributes?: string[] | null;
  /** A PutItem's condition is `attribute_not_exists` on the partition key: it can only create. */
  creates?: boolean;
}

/** A command's input, or a part of one: read field by field, each checked where it is used. */
type Input = Record<string, unknown>;

/** The object at `o[k]`, if there is one. */
const part = (o: Input | undefined, k: string): Input | undefined => {
  const v = o?.[k];
  return v !== null && typeof v === 'object' ? (v as Input) : undefined;
};

/** A key attribute as the document client (a string) or the low-level client ({ S }) spells it. */
function valueOf(item: Input | undefined, attribute: string): string {
  const v = item?.[attribute];
  const s = typeof v === 'string' ? v : (part(item, attribute)?.S as string | undefined);
  if (typeof s !== 'string') throw new Error(`table grants: no string ${attribute} in ${JSON.stringify(item)}`);
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
    if (name === attribute) return valueOf(part(input, 'ExpressionAttributeValues'), m[2]!);
  }
  throw new Error(`table grants: no equality on ${attribute ?? String(input.IndexName)} in the key condition ${JSON.stringify(expression)}`);
}

/** Each table of a batch call (one table here), with its request. */
const batches = (input: Input): [unknown[], Input][] =>
  Object.values((input.RequestItems ?? {}) as Record<string, unknown>).map((v) => (Array.isArray(v) ? [v, {}] : [(v as Input).Keys as unknown[], v as Input]));

/** An expression with its `#name` placeholders resolved. */
const resolved = (expression: unknown, names: Record<string, string> | undefined): string => String(expression ?? '').replace(/#\w+/g, (n) => names?.[n] ?? n);

/** The top-level attributes a read asks for (`a.b, #c[0]` → a, c); null when it asks for all of them. */
function attributesOf(request: Input): string[] | null {
  if (!request.ProjectionExpression) return null;
  return resolved(request.ProjectionExpression, request.ExpressionAttributeNames as Record<string, string> | undefined)
    .split(',')
    .map((p) => p.trim().split(/[.[]/)[0]!);
}

const createsOnly = (request: Input): boolean =>
  resolved(request.ConditionExpression, request.ExpressionAttributeNames as Record<string, string> | undefined).replace(/\s+/g, '') === `attribute_not_exists(${tableDefinition.partitionKey})`;

/** What IAM checks for one command (named as the SDK names it: `PutItemCommand`). */
export function authorisationsOf(commandName: string, input: Input): Authorisation[] {
  const operation = commandName.replace(/Command$/, '');
  const read = (action: string, request: Input): Authorisation => ({ action: `dynamodb:${action}`, resource: 'table', leadingKeys: [partitionOf(part(request, 'Key'))], attributes: attributesOf(request) });
  const write = (action: string, key: Input | undefined): Authorisation => ({ action: `dynamodb:${action}`, resource: 'table', leadingKeys: [partitionOf(key)] });
  const put = (request: Input): Authorisation => ({ ...write('PutItem', part(request, 'Item')), creates: createsOnly(request) });
  const index = typeof input.IndexName === 'string' ? input.IndexName : null;
  switch (operation) {
    case 'GetItem':
      return [read('GetItem', input)];
    case 'UpdateItem':
    case 'DeleteItem':
      return [write(operation, part(input, 'Key'))];
    case 'PutItem':
      return [put(input)];
    case 'Query':
      return [{ action: 'dynamodb:Query', resource: index ? `index/${index}` : 'table', leadingKeys: [queriedPartition(input)], attributes: attributesOf(input) }];
    case 'BatchGetItem':
      return batches(input).map(([keys, request]) => ({ action: 'dynamodb:BatchGetItem', resource: 'table', leadingKeys: keys.map((k) => partitionOf(k as Input)), attributes: attributesOf(request) }));
    case 'BatchWriteItem':
      return [
        {
          action: 'dynamodb:BatchWriteItem',
          resource: 'table',
          leadingKeys: batches(input)
            .flatMap(([requests]) => requests)
            .map((r) => partitionOf(part(part(r as Input, 'PutRequest'), 'Item') ?? part(part(r as Input, 'DeleteRequest'), 'Key'))),
        },
      ];
    // A transaction is authorised item by item, each as the single-item action it performs.
    case 'TransactWriteItems':
      return (input.TransactItems as Input[]).map((t) => {
        const [put_, update, del, check] = [part(t, 'Put'), part(t, 'Update'), part(t, 'Delete'), part(t, 'ConditionCheck')];
        return put_ ? put(put_) : update ? write('UpdateItem', part(update, 'Key')) : del ? write('DeleteItem', part(del, 'Key')) : write('ConditionCheckItem', part(check, 'Key'));
      });
    case 'TransactGetItems':
      return (input.TransactItems as Input[]).map((t) => read('GetItem', part(t, 'Get') ?? {}));
    default:
      // Scan, table operations, PartiQL: no leading key to narrow them by.
      return [{ action: `dynamodb:${operation}`, resource: index ? `index/${index}` : 'table', leadingKeys: [] }];
  }
}

/** IAM's StringLike: `*` any run of characters, `?` any one; case matters. */
export function stringLike(pattern: string, value: string): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

/**
 * Allowed when one statement names the action and resource and meets its conditions: every
 * leading key matches a pattern (ForAllValues), and where it names attributes, the request names
 * its own (SPECIFIC_ATTRIBUTES) and only those.
 */
export const isAllowed = (statements: readonly TableStatement[], a: Authorisation): boolean =>
  statements.some(
    (s) =>
      s.actions.includes(a.action) &&
      s.resources.includes(a.resource) &&
      (s.leadingKeys === null || a.leadingKeys.every((k) => s.leadingKeys!.some((p) => stringLike(p, k)))) &&
      (!s.attributes || (Array.isArray(a.attributes) && a.attributes.every((n) => s.attributes!.includes(n)))),
  );

/** A Put into an append-only partition that could overwrite an item: IAM cannot see the condition, so this server refuses it. */
export const overwritesAppendOnly = (a: Authorisation): boolean =>
  a.action === 'dynamodb:PutItem' && !a.creates && a.leadingKeys.some((k) => appendOnly.some((p) => stringLike(p, k)));

/** Named as AWS names the refusal, so nothing mistakes it for a condition failure or a throttle. */
export class AccessDeniedException extends Error {
  override name = 'AccessDeniedException';
}

export interface GrantEnforcement {
  /** Every refusal so far, as its message: a test app fails its stop() when any happened. */
  refused: string[];
}

const described = (a: Authorisation): string =>
  `${a.action} on ${a.resource}` +
  (a.leadingKeys.length ? ` for partition key ${a.leadingKeys.map((k) => JSON.stringify(k)).join(', ')}` : '') +
  (a.attributes === null ? ' (every attribute)' : a.attributes ? ` (attributes ${a.attributes.join(', ')})` : '');

/** Checks every command `doc` sends while a route or job is served (see asCaller) against its grant. */
export function enforceGrants(doc: DynamoDBDocumentClient): GrantEnforcement {
  const statements: Record<Caller['group'], TableStatement[]> = {
    ...(Object.fromEntries(functionGroups.map((g) => [g, tableStatements(tableAccess[g])])) as Record<FunctionGroup, TableStatement[]>),
    jobs: tableStatements(jobAccess),
  };
  const enforcement: GrantEnforcement = { refused: [] };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const caller = callers.getStore();
      if (caller) {
        const asked = authorisationsOf(context.commandName ?? '', args.input as Input);
        // Every refused item at once: one run names all a transaction lacks.
        const denied = asked.filter((a) => !isAllowed(statements[caller.group], a));
        const overwrites = asked.filter(overwritesAppendOnly);
        if (denied.length || overwrites.length) {
          const who = caller.group === 'jobs' ? `the job ${caller.route}` : `the ${caller.group} group (serving ${caller.route})`;
          const where = caller.group === 'jobs' ? 'jobAccess' : `tableAccess.${caller.group}`;
          const message = [
            ...(denied.length ? [`${who} is not granted ${denied.map(described).join('; ')} — grant it in functions/grants.ts (${where}), or this fails on AWS`] : []),
            ...overwrites.map((a) => `${who} sends ${described(a)} without attribute_not_exists(${tableDefinition.partitionKey}): that partition is append-only (appendOnly in functions/grants.ts)`),
          ].join('; and ');
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
