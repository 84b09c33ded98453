import { stringifySetCookie } from 'cookie';
import { InvalidCookieError } from '../errors.js';
import { isToken } from './field-validation.js';
import type { ResponseHeaders } from './ResponseHeaders.js';

/**
 * Attributes of a `Set-Cookie`, Starlette's `set_cookie` options in camel case.
 *
 * @example
 * ```ts
 * response.setCookie('session', id, { httpOnly: true, maxAge: 3600 });
 * ```
 */
export interface CookieOptions {
  /** Seconds until the cookie expires (RFC 6265 §5.2.2); `0` expires it at once. */
  maxAge?: number;
  /** Expiry (RFC 6265 §5.2.1): a `Date`, or seconds from now as Starlette's integer `expires`. */
  expires?: Date | number;
  /** Defaults to `/`, as in Starlette; `null` sends no `Path` (Starlette's `path=None`). */
  path?: string | null;
  domain?: string;
  secure?: boolean;
  httpOnly?: boolean;
  /**
   * Defaults to `lax`, as in Starlette; `null` sends no `SameSite` (Starlette's `samesite=None`).
   * `none` requires `secure`, or browsers drop the cookie.
   */
  sameSite?: 'lax' | 'strict' | 'none' | null;
  /** CHIPS partitioned cookie; requires `secure`. */
  partitioned?: boolean;
  /**
   * Encodes the value before it is checked against RFC 6265's cookie-octets. Defaults to
   * `encodeURIComponent`, which `cookie.parse` (and so `@Cookie()` parameters) decodes again.
   */
  encode?: (value: string) => string;
}

/**
 * The attributes `deleteCookie` takes: those that must match the cookie being removed.
 *
 * @example
 * ```ts
 * response.deleteCookie('session', { path: '/app' });
 * ```
 */
export type DeleteCookieOptions = Pick<
  CookieOptions,
  'path' | 'domain' | 'secure' | 'httpOnly' | 'sameSite' | 'partitioned'
>;

// RFC 6265 §4.1.1: cookie-value = *cookie-octet / ( DQUOTE *cookie-octet DQUOTE ).
const COOKIE_VALUE = /^("?)[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*\1$/;
// path-value and domain-value: any CHAR except CTLs and ";" (RFC 6265 §4.1.1).
const ATTRIBUTE_VALUE = /^[\x20-\x3a\x3c-\x7e]*$/;

/**
 * Builds one `Set-Cookie` field value, refusing anything RFC 6265 forbids. Errors name the cookie
 * and the faulty part, never the value: cookie values are often secrets.
 *
 * @example
 * ```ts
 * serializeSetCookie('session', 'abc', { httpOnly: true }); // 'session=abc; Path=/; HttpOnly; SameSite=Lax'
 * ```
 */
export function serializeSetCookie(name: string, value: string, options: CookieOptions = {}): string {
  if (typeof name !== 'string' || !isToken(name))
    throw new InvalidCookieError(String(name), 'the name is not an RFC 6265 token');
  const encoded = (options.encode ?? encodeURIComponent)(String(value));
  if (!COOKIE_VALUE.test(encoded)) throw new InvalidCookieError(name, 'the value holds characters RFC 6265 forbids');
  for (const attribute of ['path', 'domain'] as const) {
    const text = options[attribute];
    if (text != null && (typeof text !== 'string' || !ATTRIBUTE_VALUE.test(text)))
      throw new InvalidCookieError(name, `the ${attribute} holds a forbidden character`);
  }
  if (options.maxAge !== undefined && !Number.isInteger(options.maxAge))
    throw new InvalidCookieError(name, 'maxAge must be an integer number of seconds');
  const expires = expiryOf(name, options.expires);
  // Case-insensitive as in Starlette and RFC 6265bis §5.6.7; JavaScript callers may pass 'Lax'.
  const given: unknown = options.sameSite === undefined ? 'lax' : options.sameSite;
  const sameSite = typeof given === 'string' ? (given.toLowerCase() as 'lax' | 'strict' | 'none') : given;
  if (sameSite !== null && !SAME_SITE.has(sameSite as string))
    throw new InvalidCookieError(name, 'sameSite must be "lax", "strict", "none" or null');
  if ((sameSite === 'none' || options.partitioned) && !options.secure) {
    throw new InvalidCookieError(
      name,
      `${options.partitioned ? 'partitioned' : 'SameSite=None'} cookies require secure: true`,
    );
  }
  const path = options.path === undefined ? '/' : options.path;
  const attributes = {
    encode: (text: string) => text,
    maxAge: options.maxAge,
    expires,
    path: path ?? undefined,
    domain: options.domain,
    secure: options.secure,
    httpOnly: options.httpOnly,
    sameSite: (sameSite as 'lax' | 'strict' | 'none' | null) ?? undefined,
    partitioned: options.partitioned,
  };
  try {
    return stringifySetCookie(name, encoded, attributes);
  } catch (error) {
    // Everything the library checks is checked above; should it still refuse something, the
    // caller gets Herald's coded error, not the library's message.
    throw new InvalidCookieError(name, 'an attribute is invalid', { cause: error });
  }
}

const SAME_SITE = new Set(['lax', 'strict', 'none']);

function expiryOf(name: string, expires: CookieOptions['expires']): Date | undefined {
  if (expires === undefined) return undefined;
  if (typeof expires === 'number') {
    if (!Number.isInteger(expires))
      throw new InvalidCookieError(name, 'expires must be a Date or an integer of seconds');
    return new Date(Date.now() + expires * 1000);
  }
  if (!(expires instanceof Date) || Number.isNaN(expires.getTime()))
    throw new InvalidCookieError(name, 'expires is not a valid Date');
  return expires;
}

/**
 * Appends one `Set-Cookie` to `headers`: what the temporal `Response` and `@herald/http`'s
 * response classes both call their `setCookie`.
 *
 * @example
 * ```ts
 * appendSetCookie(response.headers, 'session', token, { httpOnly: true });
 * ```
 */
export function appendSetCookie(headers: ResponseHeaders, name: string, value: string, options?: CookieOptions): void {
  headers.append('set-cookie', serializeSetCookie(name, value, options));
}

/**
 * Appends a `Set-Cookie` that makes the browser drop the cookie: empty value, `Max-Age=0` and an
 * `Expires` in the past. Pass the `path` and `domain` the cookie was set with.
 *
 * @example
 * ```ts
 * appendDeleteCookie(response.headers, 'session', { path: '/app' });
 * ```
 */
export function appendDeleteCookie(headers: ResponseHeaders, name: string, options?: DeleteCookieOptions): void {
  appendSetCookie(headers, name, '', { ...options, maxAge: 0, expires: new Date(0) });
}
