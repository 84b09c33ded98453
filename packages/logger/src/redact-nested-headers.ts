import { SECRET_HEADERS } from './redact-paths.js';

/** What pino writes in place of a redacted value. */
const CENSOR = '[Redacted]';

/**
 * A pino `formatters.log`: the line with `authorization`, `cookie` and `set-cookie` redacted in
 * every `headers` object one level down (`req.headers`, `res.headers`, `upstream.headers`...).
 * A line without such secrets is returned as it is, with no copy; otherwise the parents on the
 * way are copied — with their prototype and every own property, so an `Error` keeps its message
 * and stack — and the caller's object is never changed.
 *
 * @example
 * ```ts
 * pino({ formatters: { log: redactNestedHeaders } });
 * ```
 */
export function redactNestedHeaders(line: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key in line) {
    const parent = line[key];
    if (typeof parent !== 'object' || parent === null || !Object.hasOwn(line, key)) continue;
    const headers = censored((parent as { headers?: unknown }).headers);
    if (headers === undefined) continue;
    const properties = Object.getOwnPropertyDescriptors(parent);
    properties.headers = { value: headers, enumerable: true, writable: true, configurable: true };
    copy ??= { ...line };
    copy[key] = Object.create(Object.getPrototypeOf(parent), properties);
  }
  return copy ?? line;
}

/** A copy of `headers` with its secrets replaced, or `undefined` when it holds none. */
function censored(headers: unknown): Record<string, unknown> | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  let copy: Record<string, unknown> | undefined;
  for (const name of SECRET_HEADERS) {
    if (!Object.hasOwn(headers, name)) continue;
    copy ??= { ...headers };
    copy[name] = CENSOR;
  }
  return copy;
}
