import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HeraldContainer } from '@herald/core';
import type { ServiceIdentifier } from 'inversify';
import type { Logger } from 'pino';
import { AppNotListeningError } from '../errors.js';
import type { Middleware, Next, RequestContext } from '../middleware/Middleware.js';
import type { OutgoingResponse } from '../middleware/OutgoingResponse.js';
import { internalServerError } from '../pipeline/build-outgoing.js';
import { writeResponse } from './write-response.js';

/**
 * The raw node:http request of the current scope, injectable anywhere.
 *
 * @example
 * ```ts
 * constructor(@inject(IncomingRequest) request: IncomingMessage) {}
 * ```
 */
export const IncomingRequest: ServiceIdentifier<IncomingMessage> = Symbol('IncomingRequest');

type Endpoint = (context: RequestContext) => Promise<OutgoingResponse>;

/**
 * Where and how to listen.
 *
 * @example
 * ```ts
 * await app.listen({ port: 0, host: '127.0.0.1' });
 * ```
 */
export interface ListenOptions {
  /** Default 8000, FastAPI/uvicorn's; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`: listen publicly only when asked to. */
  host?: string;
}

/**
 * A Herald application: a node:http server around the app's container, routes and middleware.
 * Create it with `createApp`.
 *
 * @example
 * ```ts
 * const app = await createApp({ modules: [itemsModule] });
 * await app.listen({ port: 8000 });
 * console.log(`listening on ${app.url}`);
 * await app.close();
 * ```
 */
export class App {
  /** The underlying server, e.g. for `server.on('upgrade')`. */
  readonly server: Server;
  readonly container: HeraldContainer;
  readonly #logger: Logger;
  readonly #run: Endpoint;
  #inFlight = 0;
  #drained: (() => void) | undefined;
  #closing = false;

  /** @internal Built by `createApp`. */
  constructor(container: HeraldContainer, endpoint: Endpoint, middleware: readonly Middleware[], logger: Logger) {
    this.container = container;
    this.#logger = logger;
    // The chain is composed once; only `next` closures are made per request, and none without middleware.
    this.#run = middleware.reduceRight<Endpoint>(
      (next, layer) => async (context) => layer(context, (() => next(context)) as Next),
      endpoint,
    );
    this.server = createServer(
      { requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 },
      (req, res) => void this.handle(req, res),
    );
  }

  /** Starts listening; resolves with the app's URL. */
  async listen({ port = 8000, host = '127.0.0.1' }: ListenOptions = {}): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return this.url;
  }

  /** `http://host:port` of the listening server. */
  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (!address) throw new AppNotListeningError();
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  /**
   * Stops gracefully: no new connections, idle keep-alive sockets closed, in-flight requests
   * allowed `graceMs` to finish (their responses close their connections), then the rest cut.
   */
  async close({ graceMs = 10_000 }: { graceMs?: number } = {}): Promise<void> {
    this.#closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => {
        this.#drained = resolve;
        if (this.#inFlight === 0) resolve();
      }),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    // Whatever is still open now is either idle or over its grace period.
    this.server.closeAllConnections();
    await closed;
  }

  /**
   * Answers one request through the whole pipeline — middleware, routing, merge, cleanups — and
   * resolves once its cleanups have run; it never rejects. The server calls it for every request;
   * `@herald/testing` calls it in process, without a socket.
   *
   * @example
   * ```ts
   * createServer((req, res) => void app.handle(req, res));
   * ```
   */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#inFlight++;
    try {
      await this.#respond(req, res);
    } catch (error) {
      this.#logger.error({ err: error, url: req.url }, 'Request failed outside the pipeline');
      res.destroy();
    } finally {
      if (--this.#inFlight === 0) this.#drained?.();
    }
  }

  async #respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const scope = this.container.openScope().provide(IncomingRequest, req);
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const context: RequestContext = {
      method: req.method ?? 'GET',
      url,
      path: query === -1 ? url : url.slice(0, query),
      headers: req.headers,
      raw: req,
      scope,
      response: scope.response,
    };
    try {
      await scope.run(async () => {
        let outgoing: OutgoingResponse;
        try {
          outgoing = await this.#run(context);
        } catch (error) {
          this.#logger.error({ err: error, method: context.method, url }, 'Middleware failed');
          outgoing = internalServerError();
        }
        // Routing seals the temporal Response once merged; a middleware answering without `next()`
        // never got there, so seal it here too: from now on a write throws instead of vanishing.
        scope.response.seal();
        if (this.#closing) outgoing.headers.set('connection', 'close');
        try {
          await writeResponse(res, outgoing, context.method === 'HEAD');
        } catch (error) {
          // A client leaving mid-stream is routine, not a server fault.
          if ((error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') {
            this.#logger.info({ method: context.method, url }, 'The client left before the response was complete');
          } else {
            this.#logger.error({ err: error, method: context.method, url }, 'Failed to write the response');
          }
          // A response that never started (say, middleware set an invalid status) still gets an
          // answer; one that broke midway can only be cut off.
          if (!res.headersSent) await writeResponse(res, internalServerError(), false);
          else res.destroy();
        }
      });
    } finally {
      // Cleanups run after the response is out, also when the handler or the write failed.
      await scope.close().catch((error) => this.#logger.error({ err: error, url }, 'Request cleanup failed'));
    }
  }
}
