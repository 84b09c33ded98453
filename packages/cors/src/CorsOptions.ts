/**
 * Options of `cors()`, Starlette's `CORSMiddleware` options in camel case.
 *
 * @example
 * ```ts
 * const options: CorsOptions = {
 *   allowOrigins: ['https://app.example'],
 *   allowCredentials: true,
 *   exposeHeaders: ['X-Cat-Dog', 'auto'],
 * };
 * ```
 */
export interface CorsOptions {
  /** Allowed origins (`https://app.example`, no path), or `['*']` for any. Default: none. */
  allowOrigins?: readonly string[];
  /** Origins allowed by a pattern; it must match the whole origin. */
  allowOriginRegex?: string | RegExp;
  /**
   * Methods a preflight may ask for; `'*'` (or a list containing it) is every standard method.
   * Default `['GET']`.
   */
  allowMethods?: readonly string[] | '*';
  /**
   * Request headers a preflight may ask for, on top of the CORS-safelisted ones, answered spelled
   * as written here; `'*'` (or a list containing it) allows any and echoes the requested names.
   */
  allowHeaders?: readonly string[] | '*';
  /** Let browsers send cookies and read credentialed responses; the origin is then always echoed. */
  allowCredentials?: boolean;
  /**
   * Response headers scripts may read. `'auto'` — alone or as an item of the list — also exposes
   * every header the app set on that response (temporal `Response` or returned response),
   * except the CORS-safelisted ones and `Set-Cookie`. `'declared'` — alone or in the list —
   * exposes, on each route's responses, the headers its graph declares (`@SetsHeader`, the route's
   * `responses`, plugins' `headers`): computed once per route at start-up, nothing per response.
   */
  exposeHeaders?: readonly string[] | 'auto' | 'declared';
  /** Seconds a browser may cache a preflight answer. Default 600. */
  maxAge?: number;
  /** Answer Private Network Access preflights (`Access-Control-Request-Private-Network`). */
  allowPrivateNetwork?: boolean;
}
