import type { OutgoingHttpHeaders } from 'node:http';

/**
 * A query string's values; arrays repeat the key (`?tag=a&tag=b`).
 *
 * @example
 * ```ts
 * const query: QueryValues = { limit: 10, tag: ['a', 'b'], draft: false };
 * ```
 */
export type QueryValues = Record<string, string | number | boolean | ReadonlyArray<string | number | boolean>>;

/**
 * What to send with a request. `json` is serialized with `content-type: application/json`
 * (unless a content type is given); `body` is sent as is; giving both is an error.
 *
 * @example
 * ```ts
 * await client.post('/items', { json: { name: 'Fleeb', price: 3 }, headers: { authorization: 'Bearer t' } });
 * await client.get('/items', { query: { limit: 5 }, cookies: { session: 'abc' } });
 * ```
 */
export interface RequestOptions {
  /** Request headers; names in any case. */
  headers?: OutgoingHttpHeaders;
  /** Appended to the path's own query string. */
  query?: QueryValues;
  /** A value sent as a JSON body. */
  json?: unknown;
  /** A raw body. */
  body?: string | Uint8Array;
  /** Cookies for this request only, sent with (and winning over) the jar's. */
  cookies?: Record<string, string>;
}

/**
 * A request for `client.request()`: a method and path, plus `RequestOptions`.
 *
 * @example
 * ```ts
 * await client.request({ method: 'PATCH', path: '/items/1', json: { price: 4 } });
 * ```
 */
export interface TestRequest extends RequestOptions {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  /** The path, with an optional query string: `/items?limit=5`. */
  path: string;
}
