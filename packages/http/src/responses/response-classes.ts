import type { FinalStatus } from '@herald/core';
import type { OutgoingBody } from '../middleware/OutgoingResponse.js';
import { HttpResponse, type ResponseInit } from './HttpResponse.js';

/**
 * Sends `content` as it is — text, bytes or nothing — with the media type you give and none by
 * default: Starlette's plain `Response(content, media_type=...)`.
 *
 * @example
 * ```ts
 * return new ContentResponse('<item id="1"/>', { mediaType: 'application/xml' });
 * ```
 */
export class ContentResponse extends HttpResponse {
  protected readonly defaultStatus = 200;
  protected readonly defaultMediaType = undefined;

  constructor(
    readonly content: string | Uint8Array | null = null,
    init?: ResponseInit,
  ) {
    super(init);
  }

  render(): OutgoingBody {
    return this.content;
  }
}

/**
 * Sends `content` as JSON (`JSON.stringify`; `undefined` becomes `null`).
 *
 * @example
 * ```ts
 * return new JSONResponse({ message: 'Hello World' }, { headers: { 'X-Cat-Dog': 'alone in the world' } });
 * ```
 */
export class JSONResponse extends HttpResponse {
  protected readonly defaultStatus = 200;
  protected readonly defaultMediaType = 'application/json';

  constructor(
    readonly content: unknown,
    init?: ResponseInit,
  ) {
    super(init);
  }

  render(): OutgoingBody {
    return JSON.stringify(this.content ?? null);
  }
}

/**
 * Sends text as `text/plain; charset=utf-8`.
 *
 * @example
 * ```ts
 * return new PlainTextResponse('pong');
 * ```
 */
export class PlainTextResponse extends HttpResponse {
  protected readonly defaultStatus: FinalStatus = 200;
  protected readonly defaultMediaType: string = 'text/plain; charset=utf-8';

  constructor(
    readonly content: string,
    init?: ResponseInit,
  ) {
    super(init);
  }

  render(): OutgoingBody {
    return this.content;
  }
}

/**
 * Sends HTML as `text/html; charset=utf-8`.
 *
 * @example
 * ```ts
 * return new HTMLResponse('<h1>Hello</h1>');
 * ```
 */
export class HTMLResponse extends PlainTextResponse {
  protected override readonly defaultMediaType = 'text/html; charset=utf-8';
}

/**
 * Redirects to `url` with 307 by default (method and body are kept, RFC 9110 §15.4.8).
 *
 * @example
 * ```ts
 * return new RedirectResponse('/items/1', { status: 303 });
 * ```
 */
export class RedirectResponse extends HttpResponse {
  protected readonly defaultStatus = 307;
  protected readonly defaultMediaType = undefined;

  constructor(url: string, init?: ResponseInit) {
    super(init);
    this.headers.set('location', encodeLocation(url));
  }

  render(): OutgoingBody {
    return null;
  }
}

/**
 * Streams an async iterable of strings or bytes, chunk by chunk, with backpressure.
 *
 * @example
 * ```ts
 * async function* lines() { yield 'a\n'; yield 'b\n'; }
 * return new StreamingResponse(lines(), { mediaType: 'text/plain' });
 * ```
 */
export class StreamingResponse extends HttpResponse {
  protected readonly defaultStatus = 200;
  protected readonly defaultMediaType = 'application/octet-stream';

  constructor(
    readonly content: AsyncIterable<string | Uint8Array>,
    init?: ResponseInit,
  ) {
    super(init);
  }

  render(): OutgoingBody {
    return this.content;
  }
}

/**
 * Percent-encodes what a `Location` field cannot carry (spaces, non-ASCII, controls), keeping
 * URL syntax and escapes already present: `/a b?q=é` → `/a%20b?q=%C3%A9`, `%20` stays `%20`.
 */
function encodeLocation(url: string): string {
  return url.replace(/%(?![0-9a-f]{2})|[^\x21-\x7e]/giu, (character) => encodeURIComponent(character));
}
