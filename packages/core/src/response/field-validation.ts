import { FramingHeaderError, InvalidHeaderNameError, InvalidHeaderValueError, InvalidStatusError } from '../errors.js';
import type { FinalStatus } from './FinalStatus.js';

// RFC 9110 §5.1: field-name = token; token = 1*tchar.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// RFC 9110 §5.5: field-value is VCHAR, obs-text, SP and HTAB — so no CR, LF, NUL or other CTLs.
// This is exactly what node:http rejects at write time; checking it here moves the failure to
// the line that set the header instead of a crash while sending.
const FORBIDDEN_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * Returns `true` when `name` is an RFC 9110 token, the grammar of header and cookie names.
 *
 * @example
 * ```ts
 * isToken('X-Request-Id'); // true
 * isToken('bad name');     // false
 * ```
 */
export function isToken(name: string): boolean {
  return TOKEN.test(name);
}

/**
 * Throws `InvalidHeaderNameError` unless `name` is an RFC 9110 token.
 *
 * @example
 * ```ts
 * assertHeaderName('X-Cat-Dog'); // ok
 * ```
 */
export function assertHeaderName(name: string): void {
  if (typeof name !== 'string' || !TOKEN.test(name)) throw new InvalidHeaderNameError(String(name));
}

/**
 * Throws `InvalidHeaderValueError` when `value` holds a character RFC 9110 forbids.
 *
 * @example
 * ```ts
 * assertHeaderValue('X-Trace', 'a\r\nb'); // throws HERALD_ERR_INVALID_HEADER_VALUE
 * ```
 */
export function assertHeaderValue(name: string, value: string): void {
  if (typeof value !== 'string' || FORBIDDEN_VALUE_CHAR.test(value)) throw new InvalidHeaderValueError(name);
}

// Fields that say where the message ends or what happens to the connection (RFC 9112 §6, §9;
// RFC 9110 §7.6). A second, app-set `Transfer-Encoding` beside the computed `Content-Length` is
// the shape of request smuggling's response side; `Connection` can also strip other headers at
// a proxy. Only the adapter writes them.
const FRAMING_HEADERS: ReadonlySet<string> = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'trailer',
]);

// An app writes the same few names on every request ('X-RateLimit-Remaining', 'Vary'…): each is
// checked and lowered once, then looked up. Bounded in count and length, so names built from
// request data cannot grow it; past the bound a name is simply checked every time.
const known = new Map<string, string>();
const MAX_KNOWN = 512;
const MAX_KNOWN_LENGTH = 64;

/**
 * The lower-case key an app-set header is stored under (RFC 9110 §5.1: names are
 * case-insensitive), after checking that `name` is a token (`InvalidHeaderNameError`) and not a
 * framing header (`FramingHeaderError`).
 *
 * @example
 * ```ts
 * headerKey('X-Cat-Dog');         // 'x-cat-dog'
 * headerKey('Transfer-Encoding'); // throws HERALD_ERR_FRAMING_HEADER
 * ```
 */
export function headerKey(name: string): string {
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  assertHeaderName(name);
  const key = name.toLowerCase();
  if (FRAMING_HEADERS.has(key)) throw new FramingHeaderError(name);
  if (known.size < MAX_KNOWN && name.length <= MAX_KNOWN_LENGTH) known.set(name, key);
  return key;
}

/**
 * Checks a header an app sets: a token name (`InvalidHeaderNameError`), not a framing header
 * (`FramingHeaderError`), and a value without forbidden characters (`InvalidHeaderValueError`).
 * Every app-facing header write goes through it, so the stack points at the line that set it.
 *
 * @example
 * ```ts
 * assertHeaderField('X-Trace', 'abc');            // ok
 * assertHeaderField('Transfer-Encoding', 'gzip'); // throws HERALD_ERR_FRAMING_HEADER
 * ```
 */
export function assertHeaderField(name: string, value: string): void {
  headerKey(name);
  assertHeaderValue(name, value);
}

/**
 * Throws `InvalidStatusError` unless `status` can be a final status: an integer from 200 to 599.
 * It narrows a computed `number` to `FinalStatus`, so the types and the run-time check agree.
 *
 * @example
 * ```ts
 * assertStatus(204); // ok
 * assertStatus(103); // throws HERALD_ERR_INVALID_STATUS
 * const status: number = upstream.status;
 * assertStatus(status);
 * throw new HTTPException(status); // `status` is a FinalStatus here
 * ```
 */
export function assertStatus(status: number): asserts status is FinalStatus {
  if (!Number.isInteger(status) || status < 200 || status > 599) throw new InvalidStatusError(status);
}
