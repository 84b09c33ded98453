import { STATUS_CODES } from 'node:http';
import { assertHeaderField, assertStatus, type FinalStatus, HeraldError } from '@herald/core';

/**
 * Every error `@herald/http` throws or answers with, each with a stable `code`. Client errors
 * are `HTTPException`s, so they flow through the same exception handlers as the app's own.
 */

/**
 * One failure in FastAPI's validation-error shape, in pydantic v2's words.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = {
 *   type: 'greater_than_equal',
 *   loc: ['query', 'limit'],
 *   msg: 'Input should be greater than or equal to 1',
 *   input: '0',
 *   ctx: { ge: 1 },
 * };
 * ```
 */
export interface ValidationIssue {
  /** pydantic's error type: `missing`, `int_parsing`, `string_too_long`, … */
  type: string;
  /** Where: `['query', 'limit']`, `['body', 'items', 0, 'price']`. */
  loc: (string | number)[];
  msg: string;
  /** What the client sent (a parameter's string; `null` for a missing parameter; the object a field is missing from). */
  input?: unknown;
  /** The limit the value broke, as pydantic names it: `{ ge: 1 }`, `{ max_length: 64 }`. */
  ctx?: Record<string, unknown>;
}

/**
 * Raise it from a handler or dependency to answer with `status` and `{"detail": detail}`; the
 * detail defaults to the status's reason phrase. Headers set on the request's temporal
 * `Response` are kept (its `Content-Type` aside: it was meant for the success body); the
 * exception's own win on conflict. The status is a `FinalStatus` (200–599): `4040` does not
 * compile, and a computed one is checked here with the headers, so a bad one throws where the
 * exception is raised. It records no stack trace: it is an answer, not a fault (raise an `Error`
 * for a fault, which is logged with its stack and answered 500).
 *
 * @example
 * ```ts
 * throw new HTTPException(404, 'Item not found', { 'X-Error': 'item-missing' });
 * // @ts-expect-error 4040 is not a status
 * throw new HTTPException(4040);
 * ```
 */
/**
 * `HeraldError` as far as `instanceof` (`HeraldError`, `Error`), `name`, `code` and `message` go,
 * made without `Error`'s constructor. An `HTTPException` is an answer, not a fault: nothing reads
 * its stack trace, and even told to record no frames, V8's `Error` walks the stack and installs
 * one — 0.3 µs at a module's top level, 0.7 µs inside a request, 8% of a request that raises a
 * 404 from a dependency (CPU profile of the bench's error scenario). fastify makes its errors
 * (`@fastify/error`) the same way. `message` is not enumerable, as on an `Error`.
 */
function StacklessError(this: HeraldError, code: string, message: string): void {
  Object.defineProperty(this, 'message', { value: message, writable: true, configurable: true });
  (this as { name: string }).name = new.target.name;
  (this as { code: string }).code = code;
}
StacklessError.prototype = HeraldError.prototype;

export class HTTPException extends (StacklessError as unknown as typeof HeraldError) {
  readonly status: FinalStatus;
  readonly detail: unknown;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: FinalStatus, detail?: unknown, headers: Record<string, string> = {}, code = 'HERALD_ERR_HTTP') {
    // An answer, not a fault: no stack trace, not even the empty one `Error` would make (see
    // `StacklessError`); the exception handlers answer it and the logs never print it.
    super(code, typeof detail === 'string' ? detail : `HTTP ${status}`);
    // Checked here, where the exception is raised, rather than when the response is written.
    assertStatus(status);
    for (const [name, value] of Object.entries(headers)) assertHeaderField(name, value);
    this.status = status;
    this.detail = detail ?? STATUS_CODES[status] ?? 'Error';
    this.headers = headers;
  }

  /** What a trace without frames says, as `Error`'s would: `HTTPException: Item not found`. */
  override get stack(): string {
    return `${this.name}: ${this.message}`;
  }

  /** A tool that rewrites traces (a test runner, say) may still set one. */
  override set stack(stack: string) {
    Object.defineProperty(this, 'stack', { value: stack, writable: true, configurable: true });
  }
}

/**
 * A client error Herald raises itself (404, 405, 400, 413, 415, 422). Its headers (`Allow`) are
 * the framework's, so they stay out of `OutgoingResponse.appHeaderNames`.
 */
export abstract class FrameworkHTTPException extends HTTPException {
  /** Whether the connection must close after the answer, sent as `Connection: close` by the adapter. */
  readonly closeConnection: boolean = false;
}

/** 422: parameters or body failed their schemas; every failure of the request is listed. */
export class RequestValidationError extends FrameworkHTTPException {
  constructor(readonly issues: ValidationIssue[]) {
    super(422, issues, {}, 'HERALD_ERR_REQUEST_VALIDATION');
  }
}

/**
 * 400: the path has a `%` not followed by two hex digits, or escapes that decode to no UTF-8
 * (RFC 3986 §2.1): it names no resource, so it is a malformed request (RFC 9110 §15.5.1), not a 404.
 */
export class MalformedUrlError extends FrameworkHTTPException {
  constructor() {
    super(400, 'Malformed URL: invalid percent-encoding', {}, 'HERALD_ERR_MALFORMED_URL');
  }
}

/** 400: the body claims to be JSON but does not parse, or is not valid UTF-8 (RFC 8259 §8.1). */
export class MalformedBodyError extends FrameworkHTTPException {
  constructor() {
    super(400, 'Malformed JSON body', {}, 'HERALD_ERR_MALFORMED_BODY');
  }
}

/**
 * The client closed the connection, or node timed it out (408), before the body was complete.
 * Nobody is left to answer: Herald logs it at info level, not as a server error.
 */
export class ClientAbortedError extends FrameworkHTTPException {
  override readonly closeConnection = true;

  constructor() {
    super(400, 'The request body was not received completely', {}, 'HERALD_ERR_CLIENT_ABORTED');
  }
}

/**
 * 400: the JSON body nests arrays or objects deeper than 1,000 levels (`MAX_JSON_DEPTH`).
 *
 * @example
 * ```ts
 * new BodyTooDeepError(1000).code; // 'HERALD_ERR_BODY_TOO_DEEP'
 * ```
 */
export class BodyTooDeepError extends FrameworkHTTPException {
  constructor(limit: number) {
    super(400, `JSON body is nested deeper than ${limit} levels`, {}, 'HERALD_ERR_BODY_TOO_DEEP');
  }
}

/** 413: the body is larger than the app's `bodyLimit` (RFC 9110 §15.5.14). */
export class BodyTooLargeError extends FrameworkHTTPException {
  // The rest of the body is never read, so the connection cannot be reused (RFC 9112 §9.6).
  override readonly closeConnection = true;

  constructor(limit: number) {
    super(413, `Request body is larger than ${limit} bytes`, {}, 'HERALD_ERR_BODY_TOO_LARGE');
  }
}

/** 415: a body arrived in a media type the route does not accept (RFC 9110 §15.5.16). */
export class UnsupportedMediaTypeError extends FrameworkHTTPException {
  constructor() {
    super(415, 'Unsupported Media Type: send application/json', {}, 'HERALD_ERR_UNSUPPORTED_MEDIA_TYPE');
  }
}

/**
 * 415: a body in a content coding Herald does not decode (`Content-Encoding: gzip`, RFC 9110
 * §8.4.1); `Accept-Encoding` says what is accepted (§12.5.3). Read as it is, a gzip'd JSON body
 * would be answered "Malformed JSON body", which sends the client looking in the wrong place.
 */
export class UnsupportedContentEncodingError extends FrameworkHTTPException {
  constructor() {
    super(
      415,
      'Unsupported Content-Encoding: send the body without one',
      { 'Accept-Encoding': 'identity' },
      'HERALD_ERR_UNSUPPORTED_CONTENT_ENCODING',
    );
  }
}

/** 404, as FastAPI answers it. */
export class NotFoundError extends FrameworkHTTPException {
  constructor() {
    super(404, 'Not Found', {}, 'HERALD_ERR_NOT_FOUND');
  }
}

/** 405 with the `Allow` header RFC 9110 §15.5.6 requires. */
export class MethodNotAllowedError extends FrameworkHTTPException {
  constructor(allowed: readonly string[]) {
    super(405, 'Method Not Allowed', { allow: allowed.join(', ') }, 'HERALD_ERR_METHOD_NOT_ALLOWED');
  }
}

/** A handler's return value does not match its route's response model: a server bug, sent as 500. */
export class ResponseValidationError extends HeraldError {
  constructor(
    readonly route: string,
    readonly issues: ValidationIssue[],
  ) {
    super('HERALD_ERR_RESPONSE_VALIDATION', `Response of ${route} does not match its response model`);
  }
}

/** A controller or route declared wrongly; thrown by `createApp` so the app never starts half-built. */
export class RouteDefinitionError extends HeraldError {
  constructor(message: string) {
    super('HERALD_ERR_ROUTE_DEFINITION', message);
  }
}

/** A `limits` option of `createApp` is not a usable number; thrown by `createApp`. */
export class InvalidServerLimitError extends HeraldError {
  constructor(name: string, value: unknown, expected: string) {
    super('HERALD_ERR_INVALID_LIMIT', `limits.${name} must be ${expected}, got ${String(value)}`);
  }
}

/**
 * Something a route needs cannot be built: a service in its graph (controller, handler
 * `@Inject`, route/controller/app dependency, or anything they depend on) has no binding, several
 * bindings where one is injected, or depends on itself. Thrown by `createApp`.
 */
export class DependencyGraphError extends HeraldError {
  constructor(
    /** `GET /items/:id` */
    readonly route: string,
    /** From the route's root service to the one at fault, e.g. `['ItemsController', 'ItemStore']`. */
    readonly chain: readonly string[],
    readonly reason: string,
  ) {
    super('HERALD_ERR_DEPENDENCY_GRAPH', `${route} -> ${chain.join(' -> ')}: ${reason}`);
  }
}

/** `app.url` was read before `app.listen()` resolved, or after `app.close()`. */
export class AppNotListeningError extends HeraldError {
  constructor() {
    super('HERALD_ERR_NOT_LISTENING', 'The app is not listening: await app.listen() first');
  }
}

/**
 * With `strictHeaders: 'error'`, a response carried a header that no part of its route's graph
 * declared (`@SetsHeader`, `declareHeaders`, the route's `responses`, a plugin's `headers`).
 * Thrown after the route answered, so the request gets a 500 and the error is logged with the route.
 *
 * @example
 * ```ts
 * const app = await createApp({ modules, strictHeaders: 'error' }); // in tests
 * ```
 */
export class UndeclaredHeaderError extends HeraldError {
  constructor(
    readonly route: string,
    readonly header: string,
  ) {
    super(
      'HERALD_ERR_UNDECLARED_HEADER',
      `${route} set the header "${header}", which no part of its graph declares (@SetsHeader, declareHeaders, responses)`,
    );
  }
}

/**
 * With `strictHeaders` on, a declared header was set with a value its schema refuses: in
 * `'error'` mode this is thrown (a 500), in `'warn'` mode the header is dropped and logged once.
 *
 * @example
 * ```ts
 * // @SetsHeader('X-RateLimit-Remaining', Type.Integer({ minimum: 0 })) then headers.set('X-RateLimit-Remaining', '-1')
 * ```
 */
export class HeaderSchemaError extends HeraldError {
  constructor(
    readonly route: string,
    readonly header: string,
    problem: string,
  ) {
    super('HERALD_ERR_HEADER_SCHEMA', `${route} set the header "${header}" to a value its schema refuses: ${problem}`);
  }
}
