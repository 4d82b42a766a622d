import type { z } from 'zod';
import type { AdminCtx, Ctx, RecipientCtx, StaffCtx } from '../app/context.js';
import type { Accepted, PreparedJson } from '../app/prepared.js';
import { endpoints, type Auth, type Endpoint, type EndpointName, type Endpoints } from '../contract/endpoints.js';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type CtxFor<A extends Auth> = A extends 'recipient' ? RecipientCtx : A extends 'staff' ? StaffCtx : A extends 'admin' ? AdminCtx : Ctx;

export interface RouteInput<E extends Endpoint> {
  body: Parsed<E['body']>;
  query: Parsed<E['query']>;
  params: Parsed<E['params']>;
}

/** The roles a route lets in: its own and any it also serves. */
type RolesOf<E extends Endpoint> = E['auth'] | (E extends { alsoFor: readonly (infer R extends Auth)[] } ? R : never);

type AcceptedOf<E extends Endpoint> = E extends { accepted: infer A extends z.ZodType } ? Accepted<z.input<A>> : never;

export type Handler<E extends Endpoint> = (ctx: CtxFor<RolesOf<E>>, input: RouteInput<E>) => Promise<z.input<E['response']> | PreparedJson | AcceptedOf<E>>;

/** Use cases for some endpoints of the contract, typed by the endpoint each serves. */
export type Handlers = { [K in EndpointName]?: Handler<Endpoints[K]> };

/**
 * The functions the API is deployed as on AWS. Each holds its own routes' code and nothing else
 * (its own bundle), only the keys and table rights those routes need, and its own concurrency:
 *   public        listings: no key at all, the hottest reads
 *   signin        every session-making route: the only holder of the token signing key
 *   recipient     bookings and walk-ins: checks tokens, signs vouchers
 *   staff         the counter: checks tokens and vouchers
 *   admin         setup: checks tokens
 *   verification  applications (submit and review): the only holder of the personal-data key
 */
export const functionGroups = ['public', 'signin', 'recipient', 'staff', 'admin', 'verification'] as const;
export type FunctionGroup = (typeof functionGroups)[number];

export interface Route extends Endpoint {
  name: EndpointName;
  /** The function that serves it on AWS (locally one process serves all). */
  group: FunctionGroup;
  // The adapter has validated input against the endpoint's schemas and checked the role.
  handler: (ctx: Ctx, input: { body: unknown; query: unknown; params: unknown }) => Promise<unknown>;
}

/** One function group's routes: its endpoints from the contract, each with its use case. */
export function routeTable(group: FunctionGroup, handlers: Handlers): readonly Route[] {
  return (Object.keys(handlers) as EndpointName[]).map((name) => ({
    ...(endpoints[name] as Endpoint),
    name,
    group,
    handler: handlers[name] as Route['handler'],
  }));
}
