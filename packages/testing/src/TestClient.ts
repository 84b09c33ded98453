import type { IncomingHttpHeaders } from 'node:http';
import type { Override } from '@herald/core';
import type { App } from '@herald/http';
import type { ServiceIdentifier } from 'inversify';
import inject from 'light-my-request';
import { CookieJar } from 'tough-cookie';
import { InvalidTestRequestError } from './errors.js';
import { likeAServerResponse } from './like-a-server-response.js';
import type { QueryValues, RequestOptions, TestRequest } from './RequestOptions.js';
import { TestResponse } from './TestResponse.js';

/**
 * Options of a `TestClient`.
 *
 * @example
 * ```ts
 * const browser = new TestClient(app, { cookies: true });
 * ```
 */
export interface TestClientOptions {
  /** Keep the cookies responses set and send them back, like a browser session. Default off. */
  cookies?: boolean;
}

// The jar needs an origin; localhost counts as a secure context, so `Secure` cookies are kept.
const ORIGIN = 'http://localhost';

/**
 * Sends requests to an app in process, without a socket: each goes through the same
 * `app.handle` a listening server calls — middleware, routing, validation, the temporal merge —
 * and resolves once the request's cleanups have run. The app need not (and should not) listen.
 *
 * `override` replaces any injectable token for the following requests (FastAPI's
 * `dependency_overrides`); `restore` puts the originals back. Overrides belong to the app, so
 * restore them after each test.
 *
 * @example
 * ```ts
 * const app = await createApp({ modules: [itemsModule] });
 * const client = new TestClient(app);
 * afterEach(() => client.restore());
 *
 * it('reads an item', async () => {
 *   client.override(ItemStore, { useValue: new ItemStore([{ id: 1, name: 'Plumbus' }]) });
 *   const response = await client.get('/items/1');
 *   expect(response.json<Item>().name).toBe('Plumbus');
 * });
 * ```
 */
export class TestClient {
  readonly app: App;
  readonly #jar: CookieJar | undefined;

  constructor(app: App, options: TestClientOptions = {}) {
    this.app = app;
    this.#jar = options.cookies ? new CookieJar() : undefined;
  }

  /** Sends a GET. @example `await client.get('/items', { query: { limit: 5 } })` */
  get(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request({ ...options, method: 'GET', path });
  }

  /** Sends a HEAD. @example `await client.head('/items/1')` */
  head(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request({ ...options, method: 'HEAD', path });
  }

  /** Sends a POST. @example `await client.post('/items', { json: { name: 'Fleeb' } })` */
  post(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request({ ...options, method: 'POST', path });
  }

  /** Sends a PUT. @example `await client.put('/items/1', { json: item })` */
  put(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request({ ...options, method: 'PUT', path });
  }

  /** Sends a PATCH. @example `await client.patch('/items/1', { json: { price: 4 } })` */
  patch(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request({ ...options, method: 'PATCH', path });
  }

  /** Sends a DELETE. @example `await client.delete('/session')` */
  delete(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request({ ...options, method: 'DELETE', path });
  }

  /** Sends an OPTIONS. @example `await client.options('/items', { headers: { origin } })` */
  options(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request({ ...options, method: 'OPTIONS', path });
  }

  /**
   * Sends any request and answers once the app has finished with it, cleanups included. Rejects
   * when the app cuts the connection (a stream failing midway), as `fetch` would.
   *
   * @example
   * ```ts
   * const response = await client.request({ method: 'POST', path: '/items', json: { name: 'Fleeb', price: 3 } });
   * ```
   */
  async request(request: TestRequest): Promise<TestResponse> {
    const { method, path, json, body } = request;
    if (!path.startsWith('/')) throw new InvalidTestRequestError(`The path must start with "/", got "${path}"`);
    if (json !== undefined && body !== undefined) {
      throw new InvalidTestRequestError('Give either `json` or `body`, not both');
    }
    const url = withQuery(path, request.query);
    const headers = this.#headers(request, url);
    let handled: Promise<void> = Promise.resolve();
    const sending = inject(
      (req, res) => {
        likeAServerResponse(res);
        handled = this.app.handle(req, res);
      },
      {
        method,
        url,
        headers,
        payload: json !== undefined ? JSON.stringify(json) : body === undefined ? undefined : Buffer.from(body),
      },
    );
    // Settles the request first, cleanups included, whether the response came out or was cut off.
    const sent = await sending.finally(() => handled);
    const response = new TestResponse(sent.statusCode, toHeaders(sent.headers), sent.rawPayload);
    // A browser ignores a cookie it cannot store; so does the jar.
    for (const line of response.headers.getSetCookie()) {
      this.#jar?.setCookieSync(line, ORIGIN + url, { ignoreError: true });
    }
    return response;
  }

  /**
   * Replaces `token` — a service, a request-scoped service (still one per request), a controller,
   * a scoped value — for the following requests, until `restore`. Throws if the overridden graph
   * fails the app's start-up checks (a singleton capturing a request-scoped service).
   *
   * @example
   * ```ts
   * client.override(CurrentUser, { useValue: { id: 7, name: 'Test User' } });
   * client.override(Mailer, { useClass: RecordingMailer });
   * ```
   */
  override<T>(token: ServiceIdentifier<T>, replacement: Override<T>): this {
    this.app.container.override(token, replacement);
    return this;
  }

  /**
   * Puts back the original of `token`, or of every overridden token.
   *
   * @example
   * ```ts
   * afterEach(() => client.restore());
   * ```
   */
  restore(token?: ServiceIdentifier): this {
    this.app.container.restore(token);
    return this;
  }

  /**
   * Forgets every cookie the jar holds.
   *
   * @example
   * ```ts
   * beforeEach(() => browser.clearCookies());
   * ```
   */
  clearCookies(): void {
    this.#jar?.removeAllCookiesSync();
  }

  #headers(request: TestRequest, url: string): IncomingHttpHeaders {
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    if (request.json !== undefined) headers['content-type'] ??= 'application/json';
    // The server keeps the first of two cookies with the same name: this request's own come first.
    const cookies = [
      ...Object.entries(request.cookies ?? {}).map(([name, value]) => `${name}=${encodeURIComponent(value)}`),
      headers.cookie,
      this.#jar?.getCookieStringSync(ORIGIN + url),
    ].filter(Boolean);
    if (cookies.length > 0) headers.cookie = cookies.join('; ');
    return headers;
  }
}

function withQuery(path: string, query: QueryValues | undefined): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const encoded = search.toString();
  if (!encoded) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${encoded}`;
}

function toHeaders(raw: Record<string, number | string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, String(item));
  }
  return headers;
}
