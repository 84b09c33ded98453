import { randomUUID } from 'node:crypto';

/**
 * What an incoming id may look like to be kept: short, and only characters that are harmless in
 * a header, a log line and a URL — UUIDs, hex and ULIDs pass. Anything else (a list of ids from
 * repeated headers, spaces, quotes, control characters, a 10 kB value) is replaced.
 */
const SANE_ID = /^[\w.:-]{1,128}$/;

/**
 * The request id: the client's or proxy's `X-Request-Id` when it is sane, so one id follows a
 * request across services; a fresh UUID otherwise.
 *
 * @example
 * ```ts
 * requestIdFrom(context.headers['x-request-id']); // 'abc-123', or a new UUID
 * ```
 */
export function requestIdFrom(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
}
