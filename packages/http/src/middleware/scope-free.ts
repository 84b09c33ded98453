import type { Middleware } from './Middleware.js';

const marked = new WeakSet<Middleware>();

/**
 * Marks a middleware that reaches its request only through `context` (`context.scope`,
 * `context.response`, `context.logger`), never through `RequestScope.current()` — nor a
 * request-scoped service resolved without `context.scope` — in code that runs after an `await`.
 *
 * Middleware may continue after `await next()`, so an app with middleware runs each request in
 * AsyncLocalStorage, whose hooks on Node 20 then run for every async resource of the process
 * (each socket write, timer and log write). When every middleware of an app is marked, the app
 * enters the storage only for the routes that need it, as an app without middleware does
 * (docs/scopes.md). `requestLogging()`, `cors()`, `openapi()` and the strict header check are marked.
 *
 * @example
 * ```ts
 * const poweredBy = scopeFree(async (context, next) => {
 *   const response = await next();
 *   response.headers.set('X-Powered-By', 'Herald');
 *   return response;
 * });
 * const app = await createApp({ modules, middleware: [poweredBy] });
 * ```
 */
export function scopeFree<M extends Middleware>(middleware: M): M {
  marked.add(middleware);
  return middleware;
}

/** Whether `middleware` was marked with `scopeFree`. */
export function isScopeFree(middleware: Middleware): boolean {
  return marked.has(middleware);
}
