import { HTTPException } from '../errors.js';
import type { RequestContext } from '../middleware/Middleware.js';
import type { HttpResponse } from '../responses/HttpResponse.js';

/**
 * Turns an error into a response; it runs in the request's scope.
 *
 * @example
 * ```ts
 * const onDeclined: ExceptionHandler<CardDeclined> = (error) => new JSONResponse({ detail: error.message }, { status: 402 });
 * ```
 */
export type ExceptionHandler<E = unknown> = (error: E, context: RequestContext) => HttpResponse | Promise<HttpResponse>;

/**
 * Error classes or statuses, each with its handler.
 *
 * @example
 * ```ts
 * const handlers: ExceptionHandlerMap = new Map([[CardDeclined, onDeclined], [404, () => new PlainTextResponse('gone', { status: 404 })]]);
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: handlers are keyed by any error class.
export type ExceptionHandlerMap = Map<(abstract new (...args: any[]) => unknown) | number, ExceptionHandler<any>>;

/**
 * Finds the handler for an error, FastAPI style: the nearest registered class in the error's
 * prototype chain first, then — for an `HTTPException` — its status.
 */
export class ExceptionHandlers {
  readonly #handlers: ExceptionHandlerMap;

  constructor(handlers: ExceptionHandlerMap = new Map()) {
    this.#handlers = handlers;
  }

  find(error: unknown): ExceptionHandler | undefined {
    if (this.#handlers.size === 0 || typeof error !== 'object' || error === null) return undefined;
    for (let type = error.constructor; type && type !== Object; type = Object.getPrototypeOf(type)) {
      const handler = this.#handlers.get(type as never);
      if (handler) return handler;
    }
    return error instanceof HTTPException ? this.#handlers.get(error.status) : undefined;
  }
}
