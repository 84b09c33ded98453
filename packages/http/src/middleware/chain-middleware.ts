import type { Middleware, Next, RequestContext } from './Middleware.js';
import type { OutgoingResponse } from './OutgoingResponse.js';

/** What answers a request at the end of the chain, or the whole chain seen from outside. */
export type Endpoint = (context: RequestContext) => Promise<OutgoingResponse>;

/**
 * Composes `middleware` around `endpoint` once, at start-up: the first one is outermost, and
 * each gets a `next` that runs the rest. Per request only the `next` closures are made.
 *
 * A layer may answer synchronously or throw: it is called inside a try and its result passed to
 * `Promise.resolve`, which hands a promise it returned back as it is. An `async` wrapper would
 * do the same with a suspended function, its promise and a thenable job more per layer, all
 * alive until the request's microtasks run — and a chunk of pipelined requests runs its
 * microtasks only after the whole chunk is parsed.
 *
 * @example
 * ```ts
 * const run = chainMiddleware([cors(options), requestLogging], dispatcher.dispatch);
 * const outgoing = await run(context);
 * ```
 */
export function chainMiddleware(middleware: readonly Middleware[], endpoint: Endpoint): Endpoint {
  return middleware.reduceRight<Endpoint>((next, layer) => chained(layer, next), endpoint);
}

function chained(layer: Middleware, next: Endpoint): Endpoint {
  return (context) => {
    try {
      const rest: Next = () => next(context);
      return Promise.resolve(layer(context, rest));
    } catch (error) {
      return Promise.reject(error);
    }
  };
}
