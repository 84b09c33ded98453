/**
 * Every error `@herald/core` throws, each with a stable `code` (`HERALD_ERR_*`) that callers can
 * match on without parsing messages. Messages name what went wrong (a header, a binding chain)
 * but never echo a value, which could be a secret.
 */

/**
 * Base class of Herald's errors.
 *
 * @example
 * ```ts
 * try { response.headers.set('bad name', 'x') }
 * catch (error) { if (error instanceof HeraldError) console.log(error.code) }
 * ```
 */
export class HeraldError extends Error {
  /** Stable machine-readable code, e.g. `HERALD_ERR_INVALID_HEADER_NAME`. */
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A header name that is not an RFC 9110 token (§5.1). */
export class InvalidHeaderNameError extends HeraldError {
  constructor(name: string) {
    super('HERALD_ERR_INVALID_HEADER_NAME', `Invalid header name ${JSON.stringify(name)}: not an RFC 9110 token`);
  }
}

/** A header value with CR, LF, NUL or another character RFC 9110 §5.5 forbids. */
export class InvalidHeaderValueError extends HeraldError {
  constructor(name: string) {
    super(
      'HERALD_ERR_INVALID_HEADER_VALUE',
      `Invalid value for header "${name}": it contains CR, LF, NUL or another forbidden character`,
    );
  }
}

/** A cookie name, value or attribute that RFC 6265 forbids. */
export class InvalidCookieError extends HeraldError {
  constructor(cookieName: string, what: string) {
    super('HERALD_ERR_INVALID_COOKIE', `Invalid cookie ${JSON.stringify(cookieName)}: ${what}`);
  }
}

/**
 * A status that cannot be a response's final status: anything but an integer from 200 to 599.
 * 1xx are interim responses (RFC 9110 §15.2): sent as final, the client would take the next
 * response on the connection — another request's — as the answer to this one.
 */
export class InvalidStatusError extends HeraldError {
  constructor(status: unknown) {
    super(
      'HERALD_ERR_INVALID_STATUS',
      `Invalid status code ${String(status)}: a final status is an integer from 200 to 599 (1xx are interim)`,
    );
  }
}

/**
 * A header that frames the message on the wire (`content-length`, `transfer-encoding`,
 * `connection`, `keep-alive`, `upgrade`, `trailer`): the adapter computes those from the body it
 * writes, so an app value could only contradict it (RFC 9112 §6.1, §6.3; RFC 9110 §7.6.1).
 */
export class FramingHeaderError extends HeraldError {
  constructor(name: string) {
    super(
      'HERALD_ERR_FRAMING_HEADER',
      `Header "${name}" frames the message and belongs to the framework: it is computed when the response is written`,
    );
  }
}

/** A write to a temporal `Response` after its response went out (fastapi#661 loses it silently). */
export class ResponseAlreadySentError extends HeraldError {
  constructor(operation: string) {
    super(
      'HERALD_ERR_RESPONSE_ALREADY_SENT',
      `Cannot ${operation}: the response was already sent. Write headers, cookies and the status before the handler returns.`,
    );
  }
}

/** A request-scoped service resolved where no request scope is open. */
export class OutsideRequestScopeError extends HeraldError {
  constructor(service: string) {
    super(
      'HERALD_ERR_OUTSIDE_REQUEST_SCOPE',
      `${service} is request-scoped and was resolved outside a request scope (open one with container.openScope())`,
    );
  }
}

/** A value provided to the scope was asked for but never provided. */
export class ScopedValueMissingError extends HeraldError {
  constructor(service: string) {
    super('HERALD_ERR_SCOPED_VALUE_MISSING', `No value was provided for ${service} in this request scope`);
  }
}

/** A singleton depends on a request-scoped service: it would keep the first request's instance. */
export class CaptiveDependencyError extends HeraldError {
  /** The services from the singleton to the request-scoped one, e.g. `['A', 'B', 'Response']`. */
  readonly chain: readonly string[];

  constructor(chain: readonly string[]) {
    super(
      'HERALD_ERR_CAPTIVE_DEPENDENCY',
      `Captive dependency: Singleton ${chain.join(' -> ')}. A singleton would keep the first request's ` +
        `${chain.at(-1)} forever; make ${chain[0]} request-scoped or transient, or inject a factory.`,
    );
    this.chain = chain;
  }
}

/** A `ContainerModule` threw (or rejected) while loading. */
export class ModuleLoadError extends HeraldError {
  constructor(module: string, cause: unknown) {
    super('HERALD_ERR_MODULE_LOAD', `Failed to load ${module}: ${describe(cause)}`, { cause });
  }
}

/** A cleanup registered in a request scope failed or is registered too late. */
export class CleanupError extends HeraldError {
  /** The errors of every failing cleanup, in the order they ran. */
  readonly errors: readonly unknown[];

  constructor(errors: readonly unknown[]) {
    super(
      'HERALD_ERR_CLEANUP',
      `${errors.length} request-scope cleanup(s) failed: ${errors.map(describe).join('; ')}`,
      { cause: errors[0] },
    );
    this.errors = errors;
  }
}

/** A cleanup added to a scope that has already closed. */
export class ScopeClosedError extends HeraldError {
  constructor() {
    super('HERALD_ERR_SCOPE_CLOSED', 'Cannot add a cleanup: the request scope has already closed');
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
