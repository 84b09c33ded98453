/** Headers that carry credentials: the request's (RFC 9110 §11.6.2, RFC 6265 §5.4) and the response's cookies. */
export const SECRET_HEADERS: readonly string[] = Object.freeze(['authorization', 'cookie', 'set-cookie']);

/**
 * The pino redaction paths every `createLogger` logger starts with: `authorization`, `cookie`
 * and `set-cookie` of a `headers` object at the top of a line or of a child logger's bindings.
 * One level down (`req.headers`, `res.headers`, `upstream.headers`...) is `redactNestedHeaders`'
 * work: as a pino path it would be `*.headers…`, and pino runs a path that starts with a
 * wildcard on every property of every line — 15 µs a line, measured, more than the line itself.
 *
 * @example
 * ```ts
 * logger.info({ headers: request.headers }); // "authorization":"[Redacted]"
 * ```
 */
export const defaultRedactPaths: readonly string[] = Object.freeze(
  SECRET_HEADERS.map((header) => (header.includes('-') ? `headers["${header}"]` : `headers.${header}`)),
);
