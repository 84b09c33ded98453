import { CapturedResponseError, ResponseAlreadySentError } from '../errors.js';
import { RequestScope } from '../scope/RequestScope.js';
import type { FinalStatus } from './FinalStatus.js';
import { assertStatus } from './field-validation.js';
import { ResponseHeaders } from './ResponseHeaders.js';
import { appendDeleteCookie, appendSetCookie, type CookieOptions, type DeleteCookieOptions } from './set-cookie.js';

/**
 * The request's temporal response: headers, cookies and a status that the handler and any
 * dependency write to while the handler still returns plain data. The class is its own
 * injection token; every resolution inside one request scope gets the same instance. The
 * adapter merges it into the response it sends, then seals it: later writes throw.
 *
 * @example
 * ```ts
 * class RateLimiter {
 *   constructor(@inject(Response) response: Response) {
 *     response.headers.set('X-RateLimit-Limit', '100');
 *   }
 * }
 * ```
 */
export class Response {
  // Made on first use: a scope is opened per request, and not every request writes a header.
  #headers: ResponseHeaders | undefined;
  #status: FinalStatus | undefined;
  #sent = false;

  /** Headers to add to the outgoing response (merge rules: `@herald/http`'s docs). */
  get headers(): ResponseHeaders {
    this.#headers ??= new ResponseHeaders((operation, name) => this.#assertWritable(operation, name));
    return this.#headers;
  }

  /**
   * The headers if anything ever asked for them, else `undefined` — for an adapter reading them
   * without making an empty set per request.
   *
   * @example
   * ```ts
   * for (const [name, value] of response.headersIfAny ?? []) console.log(name, value);
   * ```
   */
  get headersIfAny(): ResponseHeaders | undefined {
    return this.#headers;
  }

  /**
   * The status to send; `undefined` until set. Only final statuses, integers from 200 to 599, are
   * accepted: `response.status = 4040` does not compile, and a computed one is checked here.
   */
  get status(): FinalStatus | undefined {
    return this.#status;
  }

  set status(status: FinalStatus) {
    this.#assertWritable('set the status');
    assertStatus(status);
    this.#status = status;
  }

  /** Whether the adapter has sent the response; from then on every write throws. */
  get sent(): boolean {
    return this.#sent;
  }

  /**
   * Adds one `Set-Cookie` header. `path` defaults to `/` and `sameSite` to `lax`, as in Starlette;
   * `null` omits either.
   *
   * @example
   * ```ts
   * response.setCookie('session', token, { httpOnly: true, maxAge: 3600 });
   * ```
   */
  setCookie(name: string, value: string, options?: CookieOptions): this {
    appendSetCookie(this.headers, name, value, options);
    return this;
  }

  /**
   * Adds a `Set-Cookie` that makes the browser drop the cookie: empty value, `Max-Age=0` and an
   * `Expires` in the past. Pass the `path` and `domain` the cookie was set with.
   *
   * @example
   * ```ts
   * response.deleteCookie('session', { httpOnly: true });
   * ```
   */
  deleteCookie(name: string, options?: DeleteCookieOptions): this {
    appendDeleteCookie(this.headers, name, options);
    return this;
  }

  /** Marks the response as sent. Called by the adapter once the response went out. */
  seal(): void {
    this.#sent = true;
  }

  #assertWritable(action: string, header?: string): void {
    if (!this.#sent) return;
    // Described only here, on the failing path: a header write names its header.
    const operation = header === undefined ? action : `${action} header "${header}"`;
    // Only on the failing path: a sealed Response written to from inside another live request was
    // captured across requests, which "already sent" would misdescribe.
    const current = RequestScope.current();
    if (current !== undefined && current.response !== this) throw new CapturedResponseError(operation);
    throw new ResponseAlreadySentError(operation);
  }
}
