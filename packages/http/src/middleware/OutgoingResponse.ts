import { ResponseHeaders } from '@herald/core';

/**
 * A body the adapter can write: text, bytes, a stream of either, or nothing.
 *
 * @example
 * ```ts
 * const body: OutgoingBody = '{"ok":true}';
 * ```
 */
export type OutgoingBody = string | Uint8Array | AsyncIterable<string | Uint8Array> | null;

/**
 * Whether the body is a stream, written chunk by chunk as its source produces them.
 *
 * @example
 * ```ts
 * if (isStreamBody(outgoing.body)) for await (const chunk of outgoing.body) console.log(chunk.length);
 * ```
 */
export function isStreamBody(body: OutgoingBody): body is AsyncIterable<string | Uint8Array> {
  return typeof body === 'object' && body !== null && !(body instanceof Uint8Array);
}

/**
 * The response the adapter is about to write, after the temporal state has been merged.
 * Middleware receives it from `next()` and may change it, or build one to answer on its own.
 *
 * @example
 * ```ts
 * const gate: Middleware = (context, next) =>
 *   context.headers['x-key'] === key ? next() : new OutgoingResponse(401, '{"detail":"Unauthorized"}');
 * ```
 */
export class OutgoingResponse {
  /**
   * Lower-case names of the headers the app set — on the temporal `Response` or on a response
   * it returned — as opposed to the ones the framework added (`content-type` by default).
   */
  readonly appHeaderNames = new Set<string>();
  /**
   * Close the connection after this response. Framing headers (`Connection`, `Content-Length`,
   * `Transfer-Encoding`, …) cannot be set as headers — the adapter writes them — so this flag is
   * how the framework (shutdown, a 413 whose body was not read) or a middleware asks for
   * `Connection: close` (RFC 9112 §9.6).
   */
  closeConnection = false;

  constructor(
    public status: number,
    public body: OutgoingBody = null,
    readonly headers: ResponseHeaders = new ResponseHeaders(),
  ) {}
}
