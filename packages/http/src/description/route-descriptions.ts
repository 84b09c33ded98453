import type { HeraldContainer } from '@herald/core';
import type { RouteDescription } from './RouteDescription.js';

/**
 * Something that wants the app's route descriptions at start-up — and again whenever a test
 * override recompiles the routes — to precompute per-route work (CORS expose lists, the OpenAPI
 * document). A `Plugin` or a `Middleware` (a function with this method attached) can be one.
 *
 * @example
 * ```ts
 * const middleware = Object.assign<Middleware, RoutesListener>((context, next) => next(), {
 *   routesCompiled(routes) { console.log(routes.length, 'routes'); },
 * });
 * ```
 */
export interface RoutesListener {
  routesCompiled(routes: readonly RouteDescription[]): void;
}

// By container: an app is found by `app.container`, and App itself stays as it is.
const byContainer = new WeakMap<HeraldContainer, readonly RouteDescription[]>();

/** @internal Records the routes `createApp` compiled and tells the listeners. */
export function publishRoutes(
  container: HeraldContainer,
  routes: readonly RouteDescription[],
  listeners: readonly unknown[],
): void {
  byContainer.set(container, routes);
  for (const listener of listeners) {
    if (typeof (listener as Partial<RoutesListener>)?.routesCompiled === 'function')
      (listener as RoutesListener).routesCompiled(routes);
  }
}

/**
 * The routes of an app as start-up compiled them: inputs of each route's whole graph, declared
 * headers, options. GET routes are listed once (the HEAD they also answer is not).
 *
 * @example
 * ```ts
 * const app = await createApp({ modules });
 * describeRoutes(app).find((route) => route.label === 'GET /items/:id')?.headers;
 * ```
 */
export function describeRoutes(app: { readonly container: HeraldContainer }): readonly RouteDescription[] {
  return byContainer.get(app.container) ?? [];
}
