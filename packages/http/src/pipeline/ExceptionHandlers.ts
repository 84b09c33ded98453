import type { FinalStatus } from '@herald/core';
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

// `never[]` rather than `any[]`: every constructor is assignable, whatever its parameters.
type ErrorClass<E> = abstract new (...args: never[]) => E;

/**
 * Error classes or statuses, each with its handler. Written as a `Map` literal, each handler is
 * checked against its own key: `new Map([[HTTPException, f], [RequestValidationError, g]])`
 * compiles, an inline `(error) => …` receives its key's error type, and a handler keyed by an
 * error class it does not accept fails to compile. A status key (a `FinalStatus`) receives the
 * `HTTPException`. Read back from the map, a handler takes `never`: the map cannot say which error
 * each entry was written for.
 *
 * @example
 * ```ts
 * const handlers: ExceptionHandlerMap = new Map([
 *   [CardDeclined, (error) => new JSONResponse({ detail: error.reason }, { status: 402 })],
 *   [404, () => new PlainTextResponse('gone', { status: 404 })],
 * ]);
 * ```
 */
export type ExceptionHandlerMap = Map<ErrorClass<unknown> | FinalStatus, ExceptionHandler<never>>;

/**
 * What a `Map` literal of handlers becomes when one handler does not accept its key's error, so
 * that using it as an `ExceptionHandlerMap` fails to compile instead of typing the error `any`.
 *
 * @example
 * ```ts
 * const onInvalid = (error: RequestValidationError) => new JSONResponse(error.issues, { status: 422 });
 * // @ts-expect-error a NotFoundError is not a RequestValidationError
 * const handlers: ExceptionHandlerMap = new Map([[NotFoundError, onInvalid]]);
 * ```
 */
export interface MismatchedExceptionHandlers {
  readonly 'a handler does not accept the error class it is keyed by': never;
}

// TypeScript infers one key and one value type for a whole `new Map([...])`, so a literal
// pairing two error classes with two handlers does not compile, and annotating the map makes
// every handler's error `any`. These overloads type each entry on its own (a tuple mapped
// element by element) and only apply to entries keyed by error classes or statuses.
declare global {
  interface MapConstructor {
    new <const Errors extends readonly unknown[]>(
      entries: {
        readonly [I in keyof Errors]: readonly [ErrorClass<Errors[I]> | FinalStatus, ExceptionHandler<Errors[I]>];
      },
    ): ExceptionHandlerMap;
    new (entries: readonly (readonly [ErrorClass<Error>, ExceptionHandler<never>])[]): MismatchedExceptionHandlers;
  }
}

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
      // The Map literal's overloads checked, entry by entry, that this handler takes this class.
      const handler = this.#handlers.get(type as never) as ExceptionHandler | undefined;
      if (handler) return handler;
    }
    return error instanceof HTTPException
      ? (this.#handlers.get(error.status) as ExceptionHandler | undefined)
      : undefined;
  }
}
