import { type Middleware, type RouteDescription, type RoutesListener, scopeFree } from '@herald/http';
import type { CorsOptions } from './CorsOptions.js';
import { compileCorsPolicy } from './compile-cors-policy.js';
import { compileDeclaredExpose, type ExposeByRoute } from './declared-expose.js';
import { decorateResponse } from './decorate-response.js';
import { answerPreflight } from './preflight.js';

/**
 * CORS as a Herald middleware: Starlette's `CORSMiddleware` semantics, with CORS headers on every
 * response of an allowed origin and, with `exposeHeaders: 'auto'`, every header the app set
 * exposed to scripts — or with `'declared'`, the headers each route declares. Options are checked
 * and compiled once, here; per-route expose lists once the app's routes are compiled.
 *
 * @example
 * ```ts
 * const app = await createApp({
 *   modules,
 *   middleware: [cors({ allowOrigins: ['https://app.example'], exposeHeaders: 'declared' })],
 * });
 * ```
 */
export function cors(options: CorsOptions = {}): Middleware & RoutesListener {
  const policy = compileCorsPolicy(options);
  let declared: ExposeByRoute = new Map();
  const middleware: Middleware = async (context, next) => {
    const origin = context.headers.origin;
    // Same-origin and non-browser requests carry no Origin: nothing to do.
    if (origin === undefined) return next();
    if (context.method === 'OPTIONS' && context.headers['access-control-request-method'] !== undefined) {
      return answerPreflight(policy, origin, context.headers);
    }
    const outgoing = await next();
    // No route (404, 405) or not 'declared': the listed names.
    const exposeValue =
      policy.declaredExpose && context.route !== undefined
        ? declared.get(context.route)?.get(context.method)
        : undefined;
    return decorateResponse(policy, origin, outgoing, exposeValue);
  };
  // It reads only its context and the response it is given: no AsyncLocalStorage for its sake.
  return Object.assign(scopeFree(middleware), {
    routesCompiled(routes: readonly RouteDescription[]) {
      if (policy.declaredExpose) declared = compileDeclaredExpose(policy, routes);
    },
  });
}
