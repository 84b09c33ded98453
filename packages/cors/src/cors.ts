import type { Middleware } from '@herald/http';
import type { CorsOptions } from './CorsOptions.js';
import { compileCorsPolicy } from './compile-cors-policy.js';
import { decorateResponse } from './decorate-response.js';
import { answerPreflight } from './preflight.js';

/**
 * CORS as a Herald middleware: Starlette's `CORSMiddleware` semantics, with CORS headers on every
 * response of an allowed origin and, with `exposeHeaders: 'auto'`, every header the app set
 * exposed to scripts. Options are checked and compiled once, here.
 *
 * @example
 * ```ts
 * const app = await createApp({
 *   modules,
 *   middleware: [cors({ allowOrigins: ['https://app.example'], exposeHeaders: 'auto' })],
 * });
 * ```
 */
export function cors(options: CorsOptions = {}): Middleware {
  const policy = compileCorsPolicy(options);
  return async (context, next) => {
    const origin = context.headers.origin;
    // Same-origin and non-browser requests carry no Origin: nothing to do.
    if (origin === undefined) return next();
    if (context.method === 'OPTIONS' && context.headers['access-control-request-method'] !== undefined) {
      return answerPreflight(policy, origin, context.headers);
    }
    return decorateResponse(policy, origin, await next());
  };
}
