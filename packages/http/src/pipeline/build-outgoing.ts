import type { Response } from '@herald/core';
import { ResponseHeaders } from '@herald/core';
import { FrameworkHTTPException, type HTTPException } from '../errors.js';
import { type OutgoingBody, OutgoingResponse } from '../middleware/OutgoingResponse.js';
import type { HttpResponse } from '../responses/HttpResponse.js';
import { ClassAnswer } from './ClassAnswer.js';
import { httpExceptionHandler } from './default-exception-handlers.js';
import { mergeHeaders } from './merge-headers.js';
import { PlainAnswer } from './PlainAnswer.js';

/*
 * How the request's temporal `Response` reaches what is sent — the one place this rule lives
 * (the package README shows it as a table):
 * - plain data: status temporal > route's > 200; temporal headers replace the defaults;
 * - a returned `HttpResponse`: its own status > temporal > route's > class default; temporal
 *   headers first, then its own, so its own win on the same name;
 * - an `HTTPException`: its status; temporal headers but `content-type` first, then its own;
 * - an exception handler's response: its own status > class default (the temporal status was
 *   meant for a success); temporal headers but `content-type` first, then its own;
 * - any other error: a bare 500 without any temporal header (`internalServerError`).
 * In every case `set-cookie` from all writers is kept and `vary` is merged (`mergeHeaders`).
 * FastAPI drops the temporal headers on returned responses and exceptions (fastapi#5498, #999);
 * Herald keeps them, because a rate limiter's headers matter most on the 404 and the 429.
 * Error bodies keep their own content type: a temporal `Content-Type: text/html` was meant for the
 * success body, and on a `{"detail": "<script>…"}` it would make a reflected-XSS page.
 * Statuses without a body (204, 205, 304) lose body and content-type at write time.
 */

const JSON_TYPE = 'application/json';
/** Temporal headers that describe the success body, so never reach an error body. */
const SUCCESS_BODY_ONLY: ReadonlySet<string> = new Set(['content-type']);

/** A plain return value, already serialized by the route's model. */
export function fromValue(json: string, temporal: Response, routeStatus: number | undefined): OutgoingResponse {
  const outgoing = new OutgoingResponse(plainStatus(temporal, routeStatus), json, jsonHeaders());
  // `headersIfAny`: reading `headers` would make an empty set for a request that wrote none.
  mergeHeaders(outgoing, temporal.headersIfAny);
  return outgoing;
}

/**
 * The status of a plain return: the temporal one, else the route's, else 200. `writePlainAnswer`
 * follows the same rule when it writes without building an `OutgoingResponse`.
 *
 * @example
 * ```ts
 * plainStatus(scope.response, route.status); // 201 for @Post('', { status: 201 }) unless the handler set another
 * ```
 */
export function plainStatus(temporal: Response, routeStatus: number | undefined): number {
  return temporal.status ?? routeStatus ?? 200;
}

/** A response class instance the handler returned, with the body it rendered. */
function fromHttpResponse(
  response: HttpResponse,
  temporal: Response,
  routeStatus: number | undefined,
  body: OutgoingBody,
): OutgoingResponse {
  return withResponseClass(response, classStatus(response, temporal, routeStatus), body, temporal, undefined);
}

/**
 * The status of a returned response class: its own, else the temporal one, else the route's,
 * else the class default.
 *
 * @example
 * ```ts
 * classStatus(new JSONResponse(item), scope.response, route.status); // 201 for @Post('', { status: 201 })
 * ```
 */
function classStatus(response: HttpResponse, temporal: Response, routeStatus: number | undefined): number {
  return response.status ?? temporal.status ?? routeStatus ?? response.fallbackStatus;
}

/**
 * The status of an exception handler's answer: its own, else its class default (a temporal
 * status was meant for a success).
 *
 * @example
 * ```ts
 * handledStatus(new JSONResponse({ detail: 'gone' }, { status: 410 })); // 410
 * ```
 */
function handledStatus(response: HttpResponse): number {
  return response.status ?? response.fallbackStatus;
}

/**
 * The status a `ClassAnswer` is sent with: `handledStatus` for an answer to an error, else
 * `classStatus`; `writeClassAnswer` asks here, `toOutgoing` follows the same rule.
 *
 * @example
 * ```ts
 * res.writeHead(answerStatus(answer, scope.response), fields);
 * ```
 */
export function answerStatus(answer: ClassAnswer, temporal: Response): number {
  const { response } = answer;
  return answer.raisedBy ? handledStatus(response) : classStatus(response, temporal, answer.routeStatus);
}

/**
 * The response an exception handler built for an error, with the body it rendered. Headers set
 * by the `framework` are not recorded as the app's.
 */
function fromHandledError(
  response: HttpResponse,
  temporal: Response,
  body: OutgoingBody,
  ownHeadersSetBy: 'app' | 'framework',
): OutgoingResponse {
  return withResponseClass(response, handledStatus(response), body, temporal, SUCCESS_BODY_ONLY, ownHeadersSetBy);
}

function withResponseClass(
  response: HttpResponse,
  status: number,
  body: OutgoingBody,
  temporal: Response,
  omitTemporal: ReadonlySet<string> | undefined,
  ownHeadersSetBy: 'app' | 'framework' = 'app',
): OutgoingResponse {
  const outgoing = new OutgoingResponse(status, body);
  const contentType = response.contentType;
  if (contentType) outgoing.headers.set('content-type', contentType);
  mergeHeaders(outgoing, temporal.headersIfAny, 'app', omitTemporal);
  if (response.mediaType) {
    outgoing.headers.set('content-type', response.mediaType);
    outgoing.appHeaderNames.add('content-type');
  }
  mergeHeaders(outgoing, response.headers, ownHeadersSetBy);
  return outgoing;
}

/**
 * What an exception handler's response (or, for an `HTTPException` nobody handled, the one the
 * exported `httpExceptionHandler` builds) answers with: a `ClassAnswer` whose merge with the
 * temporal `Response` waits until it is written. Framework exceptions' own headers (`Allow`,
 * `Connection`) are not recorded as the app's.
 *
 * @example
 * ```ts
 * return answerToError(handler(error, context), 'app');
 * ```
 */
export function answerToError(
  response: HttpResponse,
  raisedBy: 'app' | 'framework',
  closeConnection = false,
): ClassAnswer {
  return new ClassAnswer(response, response.render(), undefined, raisedBy, closeConnection);
}

/** An `HTTPException` nobody handled, answered as `httpExceptionHandler` does. */
export function answerToException(exception: HTTPException): ClassAnswer {
  const response = httpExceptionHandler(exception);
  if (!(exception instanceof FrameworkHTTPException)) return answerToError(response, 'app');
  return answerToError(response, 'framework', exception.closeConnection);
}

/**
 * An answer as the `OutgoingResponse` middleware sees and `writeResponse` writes: a plain value,
 * a returned response class or an exception handler's answer, merged with the temporal
 * `Response` now.
 *
 * @example
 * ```ts
 * const outgoing = toOutgoing(answer, scope.response);
 * ```
 */
export function toOutgoing(answer: OutgoingResponse | PlainAnswer | ClassAnswer, temporal: Response): OutgoingResponse {
  if (answer instanceof PlainAnswer) return fromValue(answer.json, temporal, answer.routeStatus);
  if (!(answer instanceof ClassAnswer)) return answer;
  const { response, body, raisedBy } = answer;
  if (!raisedBy) return fromHttpResponse(response, temporal, answer.routeStatus, body);
  const outgoing = fromHandledError(response, temporal, body, raisedBy);
  outgoing.closeConnection = answer.closeConnection;
  return outgoing;
}

/** The answer to an unexpected error: nothing of the request's state, nothing of the error. */
export function internalServerError(): OutgoingResponse {
  return new OutgoingResponse(500, '{"detail":"Internal Server Error"}', jsonHeaders());
}

function jsonHeaders(): ResponseHeaders {
  return new ResponseHeaders().set('content-type', JSON_TYPE);
}
