import type { HTTPException, RequestValidationError } from '../errors.js';
import type { RequestContext } from '../middleware/Middleware.js';
import { JSONResponse } from '../responses/response-classes.js';

/**
 * Herald's own answer to an `HTTPException`: `{"detail": …}` with its status and headers (no
 * body for statuses that carry none). A custom handler can log and delegate to it.
 *
 * @example
 * ```ts
 * const handlers: ExceptionHandlerMap = new Map([[HTTPException, (error, context) => {
 *   logger.warn({ status: error.status, path: context.path }, 'HTTP error');
 *   return httpExceptionHandler(error, context);
 * }]]);
 * ```
 */
export function httpExceptionHandler(error: HTTPException, _context?: RequestContext): JSONResponse {
  return new JSONResponse({ detail: error.detail }, { status: error.status, headers: error.headers });
}

/**
 * Herald's own answer to a `RequestValidationError`: 422 with every issue as `{"detail": [...]}`.
 * It is `httpExceptionHandler`, whose detail for this error is the list of issues.
 *
 * @example
 * ```ts
 * const handlers: ExceptionHandlerMap = new Map([[RequestValidationError, (error, context) => {
 *   logger.info({ issues: error.issues }, 'invalid request');
 *   return requestValidationExceptionHandler(error, context);
 * }]]);
 * ```
 */
export const requestValidationExceptionHandler: (
  error: RequestValidationError,
  context?: RequestContext,
) => JSONResponse = httpExceptionHandler;
