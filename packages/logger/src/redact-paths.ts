/** Headers that carry credentials: the request's (RFC 9110 §11.6.2, RFC 6265 §5.4) and the response's cookies. */
const SECRET_HEADERS = ['authorization', 'cookie', '["set-cookie"]'];

/**
 * The pino redaction paths every `createLogger` logger starts with: `authorization`, `cookie`
 * and `set-cookie` wherever a `headers` object is logged — at the top of a line or one level
 * down (`req.headers`, `res.headers`, `upstream.headers`...).
 *
 * @example
 * ```ts
 * logger.info({ req: { headers: request.headers } }); // "authorization":"[Redacted]"
 * ```
 */
export const defaultRedactPaths: readonly string[] = Object.freeze(
  ['headers', '*.headers'].flatMap((parent) =>
    SECRET_HEADERS.map((header) => (header.startsWith('[') ? `${parent}${header}` : `${parent}.${header}`)),
  ),
);
