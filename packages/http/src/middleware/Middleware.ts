import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { RequestScope, Response } from '@herald/core';
import type { Logger } from 'pino';
import type { OutgoingResponse } from './OutgoingResponse.js';

/**
 * What middleware knows of the request.
 *
 * @example
 * ```ts
 * const logPath: Middleware = (context, next) => { console.log(context.method, context.path); return next(); };
 * ```
 */
export interface RequestContext {
  /** Upper-case method. */
  readonly method: string;
  /** The raw path, without the query string. */
  readonly path: string;
  /** The raw request-target: path and query. */
  readonly url: string;
  /** Node's request headers (lower-case names). */
  readonly headers: IncomingHttpHeaders;
  readonly raw: IncomingMessage;
  /**
   * Node's response, to observe (its `close` event marks the end of the request), not to write:
   * the adapter writes the `OutgoingResponse` the chain returns.
   */
  readonly rawResponse: ServerResponse;
  /**
   * The matched route's path pattern, e.g. `/items/:id`, set by routing before the handler's
   * dependencies are built; `undefined` before routing and when no route matched (404, 405).
   */
  route?: string;
  /**
   * The logger the framework logs this request's failures with: the app's logger, which
   * middleware may replace with a child carrying the request's context (e.g. a request id).
   */
  logger: Logger;
  /** The request scope; middleware runs inside it, so it can resolve request-scoped services. */
  readonly scope: RequestScope;
  /** The request's temporal `Response`. */
  readonly response: Response;
}

/**
 * Runs the rest of the chain; always resolves to a response, errors included.
 *
 * @example
 * ```ts
 * const response = await next();
 * ```
 */
export type Next = () => Promise<OutgoingResponse>;

/**
 * Wraps routing, onion style: code before `next()` sees the request (and may write to the
 * temporal `Response`), code after it sees the response — every response, 404, 422 and 500
 * included — and changes that `OutgoingResponse`: by then the temporal state is merged and the
 * temporal `Response` is sealed (writes throw). Return without calling `next()` to answer directly.
 *
 * @example
 * ```ts
 * const poweredBy: Middleware = async (context, next) => {
 *   const response = await next();
 *   response.headers.set('X-Powered-By', 'Herald');
 *   return response;
 * };
 * ```
 */
export type Middleware = (context: RequestContext, next: Next) => OutgoingResponse | Promise<OutgoingResponse>;
