import type { HeaderDeclaration } from '@herald/core';
import type { HttpMethod, RouteOptions, Schema } from '../routing/route-metadata.js';

/**
 * A request input the route's graph reads — the handler's or any dependency's, at any depth —
 * in the order the route validates them (sub-dependencies first, the handler last). The same
 * input may appear more than once, declared by several services.
 *
 * @example
 * ```ts
 * const limit: RouteParameter = { in: 'query', name: 'limit', schema: Type.Integer({ default: 10 }), declaredBy: 'Paginator' };
 * ```
 */
export interface RouteParameter {
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  /** Header names are lower case, as matched. */
  readonly name: string;
  /** `undefined`: no schema, the raw string or nothing. */
  readonly schema: Schema | undefined;
  /** The service (or `handler`) that declared it. */
  readonly declaredBy: string;
}

/**
 * A declared response header, with who declared it and where it applies: `every` response of
 * the route for a header of its graph's services (app, controller or route dependencies and
 * what they inject, the controller, a plugin), only the `success` response for a handler's.
 *
 * @example
 * ```ts
 * const header: RouteHeader = { name: 'X-RateLimit-Limit', schema: { type: 'integer' }, declaredBy: 'RateLimiter', on: 'every' };
 * ```
 */
export interface RouteHeader extends HeaderDeclaration {
  readonly declaredBy: string;
  readonly on: 'every' | 'success';
}

/**
 * What start-up knows of one route, for tools that document or configure an app (OpenAPI,
 * CORS): computed once when the routes are compiled, never per request.
 *
 * @example
 * ```ts
 * for (const route of describeRoutes(app)) console.log(route.method, route.path, route.headers.map((h) => h.name));
 * ```
 */
export interface RouteDescription {
  readonly method: HttpMethod;
  /** As find-my-way matches it (`/items/:id`), like `RequestContext.route`. */
  readonly path: string;
  /** `GET /items/:id`. */
  readonly label: string;
  /** The controller class. */
  readonly controller: abstract new (
    ...args: never[]
  ) => unknown;
  /** The handler's method name. */
  readonly handler: string | symbol;
  readonly options: RouteOptions;
  readonly parameters: readonly RouteParameter[];
  /** The JSON body, when the graph reads one: its schema (required) or `undefined` (any JSON, optional). */
  readonly body: { readonly schema: Schema | undefined } | undefined;
  /** Declared response headers (see `RouteHeader.on`); `options.responses` adds per-status ones. */
  readonly headers: readonly RouteHeader[];
}
