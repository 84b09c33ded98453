import { assertStatus, ResponseHeaders } from '@herald/core';
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
   * Status to send, 200–599 (checked here: `InvalidStatusError`); without it the temporal
   * `Response`, then the route, then the class decide.
   */
  status?: number;
  /**
   * Headers of this response; they win over the temporal `Response`'s on the same name. Framing
   * headers (`Content-Length`, `Transfer-Encoding`, `Connection`, …) are refused, as everywhere.
   */
  headers?: Record<string, string> | Iterable<[string, string]>;
  /** The `Content-Type`; each class has its own default. */
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
  readonly status: number | undefined;
  /** Headers passed to the constructor (validated). */
  readonly headers = new ResponseHeaders();
  readonly mediaType: string | undefined;

  protected abstract readonly defaultStatus: number;
  protected abstract readonly defaultMediaType: string | undefined;

  constructor(init: ResponseInit = {}) {
    // Checked where the response is built, not when it is written: the stack names the handler.
    if (init.status !== undefined) assertStatus(init.status);
    this.status = init.status;
    this.mediaType = init.mediaType;
    const headers = init.headers ?? {};
    for (const [name, value] of Symbol.iterator in headers ? headers : Object.entries(headers)) {
      this.headers.append(name, value);
    }
  }

  /** The status this response falls back to when nobody chose one (200, 307 for redirects). */
  get fallbackStatus(): number {
    return this.defaultStatus;
  }

  /** The `Content-Type` to send: the given media type, else the class default. */
  get contentType(): string | undefined {
    return this.mediaType ?? this.defaultMediaType;
  }

  /** The body, ready to write. */
  abstract render(): OutgoingBody;
}
