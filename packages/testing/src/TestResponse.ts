import { Cookie } from 'tough-cookie';

/**
 * A response answered in process: the status, the headers with lower-case names (fetch's
 * `Headers`, so `headers.getSetCookie()` lists every `Set-Cookie`), the raw body bytes, and
 * readers for the body as text or JSON.
 *
 * @example
 * ```ts
 * const response = await client.get('/items/1');
 * expect(response.status).toBe(200);
 * expect(response.headers.get('x-ratelimit-limit')).toBe('100');
 * const item = response.json<Item>();
 * ```
 */
export class TestResponse {
  /** The status code. */
  readonly status: number;
  /** The headers as sent, names lower-case; repeated fields are joined as fetch joins them. */
  readonly headers: Headers;
  /** The body, every chunk of a stream included. */
  readonly body: Buffer;

  constructor(status: number, headers: Headers, body: Buffer) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /**
   * The cookies this response sets, name to value as the app will read it back (percent-decoded,
   * as Herald's cookie parameters are); a deletion sets an empty value.
   *
   * @example
   * ```ts
   * expect(response.cookies.session).toMatch(/^[0-9a-f-]{36}$/);
   * ```
   */
  get cookies(): Record<string, string> {
    const cookies: Record<string, string> = {};
    for (const line of this.headers.getSetCookie()) {
      const cookie = Cookie.parse(line);
      if (cookie) cookies[cookie.key] = decode(cookie.value);
    }
    return cookies;
  }

  /**
   * The body decoded as UTF-8.
   *
   * @example
   * ```ts
   * expect(response.text()).toBe('pong');
   * ```
   */
  text(): string {
    return this.body.toString('utf8');
  }

  /**
   * The body parsed as JSON, typed as the caller says (nothing checks the shape).
   *
   * @example
   * ```ts
   * const { detail } = response.json<{ detail: Array<{ loc: string[] }> }>();
   * ```
   */
  json<T = unknown>(): T {
    return JSON.parse(this.text()) as T;
  }
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // Not percent-encoding after all (a lone `%`): the server would keep it as is too.
    return value;
  }
}
