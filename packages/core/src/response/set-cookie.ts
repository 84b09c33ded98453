import { stringifySetCookie } from 'cookie';
import { InvalidCookieError } from '../errors.js';
import { isToken } from './field-validation.js';

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
  /** Absolute expiry date (RFC 6265 §5.2.1). */
  expires?: Date;
  /** Defaults to `/`, as in Starlette. */
  path?: string;
  domain?: string;
  secure?: boolean;
  httpOnly?: boolean;
  /** Defaults to `lax`, as in Starlette. `none` requires `secure`, or browsers drop the cookie. */
  sameSite?: 'lax' | 'strict' | 'none';
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
    if (text !== undefined && !ATTRIBUTE_VALUE.test(text))
      throw new InvalidCookieError(name, `the ${attribute} holds a forbidden character`);
  }
  if (options.maxAge !== undefined && !Number.isInteger(options.maxAge))
    throw new InvalidCookieError(name, 'maxAge must be an integer number of seconds');
  if (options.expires !== undefined && Number.isNaN(options.expires.getTime?.()))
    throw new InvalidCookieError(name, 'expires is not a valid Date');
  const sameSite = options.sameSite ?? 'lax';
  if ((sameSite === 'none' || options.partitioned) && !options.secure) {
    throw new InvalidCookieError(
      name,
      `${options.partitioned ? 'partitioned' : 'SameSite=None'} cookies require secure: true`,
    );
  }
  return stringifySetCookie(name, encoded, {
    encode: (text) => text,
    maxAge: options.maxAge,
    expires: options.expires,
    path: options.path ?? '/',
    domain: options.domain,
    secure: options.secure,
    httpOnly: options.httpOnly,
    sameSite,
    partitioned: options.partitioned,
  });
}
