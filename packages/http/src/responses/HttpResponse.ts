import {
  appendDeleteCookie,
  appendSetCookie,
  assertHeaderValue,
  assertStatus,
  type CookieOptions,
  type DeleteCookieOptions,
  type FinalStatus,
  ResponseHeaders,
} from '@herald/core';
import type { OutgoingBody } from '../middleware/OutgoingResponse.js';

/**
 * Options every response class takes.
 *
 * @example
 * ```ts
 * new PlainTextResponse('created', { status: 201, headers: { Location: '/items/2' }, mediaType: 'text/plain' });
 * ```
 */
export interface ResponseInit {
  /**
   * Status to send, a `FinalStatus` (200–599; a computed one is checked here:
   * `InvalidStatusError`); without it the temporal `Response`, then the route, then the class decide.
   */
  status?: FinalStatus;
  /**
   * Headers of this response; they win over the temporal `Response`'s on the same name. Framing
   * headers (`Content-Length`, `Transfer-Encoding`, `Connection`, …) are refused, as everywhere.
   */
  headers?: Record<string, string> | Iterable<[string, string]>;
  /** The `Content-Type`; each class has its own default. `text/*` gets `; charset=utf-8` unless it names one. */
  mediaType?: string;
}

/**
 * A response returned directly from a handler, Starlette style: it skips the response model.
 * Subclasses say how their content becomes bytes.
 *
 * @example
 * ```ts
 * return new JSONResponse({ message: 'Hello World' }, { headers: { 'Content-Language': 'en-US' } });
 * ```
 */
export abstract class HttpResponse {
  /** The status passed to the constructor, if any. */
  readonly status: FinalStatus | undefined;
  /** Headers passed to the constructor (validated). */
  readonly headers = new ResponseHeaders();
  readonly mediaType: string | undefined;

  protected abstract readonly defaultStatus: FinalStatus;
  protected abstract readonly defaultMediaType: string | undefined;

  constructor(init: ResponseInit = {}) {
    // Checked where the response is built, not when it is written: the stack names the handler.
    if (init.status !== undefined) assertStatus(init.status);
    this.status = init.status;
    if (init.mediaType !== undefined) assertHeaderValue('content-type', init.mediaType);
    this.mediaType = init.mediaType === undefined ? undefined : withCharset(init.mediaType);
    const { headers } = init;
    if (headers === undefined) return;
    if (Symbol.iterator in headers) for (const [name, value] of headers) this.headers.append(name, value);
    // A record's own enumerable names, as `Object.entries` gives them, without a pair per header.
    else for (const name of Object.keys(headers)) this.headers.append(name, headers[name] as string);
  }

  /** The status this response falls back to when nobody chose one (200, 307 for redirects). */
  get fallbackStatus(): FinalStatus {
    return this.defaultStatus;
  }

  /** The `Content-Type` to send: the given media type, else the class default. */
  get contentType(): string | undefined {
    return this.mediaType ?? this.defaultMediaType;
  }

  /**
   * Adds one `Set-Cookie` to this response, with the temporal `Response`'s options and checks
   * (Starlette's `Response.set_cookie`).
   *
   * @example
   * ```ts
   * return new JSONResponse({ ok: true }).setCookie('session', token, { httpOnly: true, maxAge: 3600 });
   * ```
   */
  setCookie(name: string, value: string, options?: CookieOptions): this {
    appendSetCookie(this.headers, name, value, options);
    return this;
  }

  /**
   * Adds a `Set-Cookie` that makes the browser drop the cookie; pass its `path` and `domain`.
   *
   * @example
   * ```ts
   * return new RedirectResponse('/login').deleteCookie('session');
   * ```
   */
  deleteCookie(name: string, options?: DeleteCookieOptions): this {
    appendDeleteCookie(this.headers, name, options);
    return this;
  }

  /** The body, ready to write. */
  abstract render(): OutgoingBody;
}

/**
 * Text without a declared charset is read as US-ASCII or guessed (RFC 6838 §4.2.1); Herald writes
 * UTF-8, so it says so, as Starlette does for every `text/*` media type.
 */
function withCharset(mediaType: string): string {
  return mediaType.toLowerCase().startsWith('text/') && !/;\s*charset=/i.test(mediaType)
    ? `${mediaType}; charset=utf-8`
    : mediaType;
}
