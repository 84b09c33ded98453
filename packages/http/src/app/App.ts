import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, Server as NetServer, type Socket } from 'node:net';
import type { HeraldContainer, RequestScope } from '@herald/core';
import type { ServiceIdentifier } from 'inversify';
import type { Logger } from 'pino';
import { AppNotListeningError } from '../errors.js';
import { chainMiddleware, type Endpoint } from '../middleware/chain-middleware.js';
import type { Middleware, RequestContext } from '../middleware/Middleware.js';
import { isStreamBody, type OutgoingResponse } from '../middleware/OutgoingResponse.js';
import { isScopeFree } from '../middleware/scope-free.js';
import { internalServerError, toOutgoing } from '../pipeline/build-outgoing.js';
import { ClassAnswer } from '../pipeline/ClassAnswer.js';
import type { Answer, Dispatcher } from '../pipeline/Dispatcher.js';
import { PlainAnswer } from '../pipeline/PlainAnswer.js';
import { armIdleTimer } from './arm-idle-timer.js';
import { closeStalledSocket } from './close-stalled-socket.js';
import { type RequestEntry, RequestList } from './RequestList.js';
import { connectionsCheckingInterval, type ResolvedServerLimits } from './ServerLimits.js';
import { writeClassAnswer } from './write-class-answer.js';
import { writePlainAnswer } from './write-plain-answer.js';
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

/** @internal What `createApp` fixes for the app's server. */
export interface AppServerOptions {
  logger: Logger;
  bodyLimit: number;
  limits: ResolvedServerLimits;
}

/**
 * How `app.close()` waits.
 *
 * @example
 * ```ts
 * await app.close({ graceMs: 10_000, cleanupMs: 5_000 });
 * ```
 */
export interface CloseOptions {
  /** How long in-flight requests may take to finish before their connections are cut. Default 10 s. */
  graceMs?: number;
  /** After the cut, how long the cut requests' cleanups may take before `close()` resolves. Default 5 s. */
  cleanupMs?: number;
  /**
   * How long open keep-alive connections must stay quiet (no request in flight, none started)
   * before they are closed. Default 100 ms.
   */
  quietMs?: number;
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
  /** Set when the app has no middleware: requests are answered without the chain, see `#serve`. */
  readonly #direct: Dispatcher | undefined;
  /** Whether a middleware may look the scope up after an `await`: then the chain runs in AsyncLocalStorage. */
  readonly #chainNeedsStorage: boolean;
  readonly #bodyLimit: number;
  /** `limits.responseIdleTimeout`; 0 when off. */
  readonly #idleTimeout: number;
  /** Each in-flight request's scope, with the promise of its cleanups once they started. */
  readonly #inFlight = new RequestList<Promise<void> | undefined>();
  /** Requests writing a stream body; after a cut their streams settle as their sockets close. */
  readonly #streaming = new RequestList<Promise<void>>();
  #drained: (() => void) | undefined;
  #closing = false;
  /** Requests started so far; `close()` watches it for a quiet period. */
  #started = 0;

  /** @internal Built by `createApp`. */
  constructor(
    container: HeraldContainer,
    dispatcher: Dispatcher,
    middleware: readonly Middleware[],
    { logger, bodyLimit, limits }: AppServerOptions,
  ) {
    this.container = container;
    this.#direct = middleware.length === 0 ? dispatcher : undefined;
    this.#chainNeedsStorage = !middleware.every(isScopeFree);
    this.#logger = logger;
    this.#bodyLimit = bodyLimit;
    this.#idleTimeout = limits.responseIdleTimeout;
    this.#run = chainMiddleware(middleware, dispatcher.dispatch);
    this.server = createServer(
      {
        headersTimeout: limits.headersTimeout,
        requestTimeout: limits.requestTimeout,
        keepAliveTimeout: limits.keepAliveTimeout,
        connectionsCheckingInterval: connectionsCheckingInterval(limits),
      },
      (req, res) => void this.#serve(req, res),
    );
    this.server.maxConnections = limits.maxConnections;
    // Not `server.timeout`, which node re-arms on every request (see `armIdleTimer`): a new
    // connection is guarded until its first response, later requests only when they can stall.
    if (this.#idleTimeout > 0) {
      this.server.on('connection', (socket: Socket) => socket.setTimeout(this.#idleTimeout));
      this.server.on('timeout', closeStalledSocket);
    }
    // `Expect: 100-continue` (RFC 9110 §10.1.1): invite the upload only when its declared length
    // fits; otherwise the route answers 413 without the client ever sending the body.
    this.server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
      if (!(Number(req.headers['content-length']) > this.#bodyLimit)) res.writeContinue();
      void this.#serve(req, res);
    });
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
   * Stops gracefully: no new connections; in-flight requests, and requests that arrive on open
   * keep-alive connections meanwhile, are allowed `graceMs` to finish (their responses say
   * `Connection: close`); then every connection still open is closed.
   * A cut request whose handler is still running never reaches its own cleanups, so they are
   * run here; `close()` resolves once every request's cleanups have run, or after `cleanupMs`.
   */
  async close({ graceMs = 10_000, cleanupMs = 5_000, quietMs = 100 }: CloseOptions = {}): Promise<void> {
    this.#closing = true;
    // Stop accepting, but keep idle keep-alive connections open while requests are in flight:
    // http's close() would destroy them at once, and a client whose next request is already on
    // the wire gets a reset. Kept open, that request is answered with `Connection: close`.
    const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(this.server, () => resolve()));
    await this.#drain(performance.now() + graceMs, quietMs);
    // Whatever is still open now is either idle or over its grace period: cut it. Cut streams
    // close their sources; a stuck handler never reaches its cleanups, so they run here, once.
    // http's close() also stops node's header/request timeout checks, which ran until now.
    this.server.close(() => {});
    this.server.closeAllConnections();
    // A cut stream settles as its socket closes, then its request's own cleanups run; a request
    // stuck in its handler never gets there, so its cleanups run now. #cleanUp runs each once.
    const streams = new Map(this.#streaming.entries().map(({ scope, value }) => [scope, value]));
    const cleanups = this.#inFlight.entries().map((request) => {
      const stream = streams.get(request.scope);
      return stream
        ? stream.then(noop, noop).then(() => this.#cleanUp(request, undefined))
        : this.#cleanUp(request, undefined);
    });
    await within(Promise.all([...cleanups, closed]), cleanupMs);
    // A stream stuck between chunks (a generator awaiting forever) never settles: clean up anyway.
    for (const request of this.#inFlight.entries()) void this.#cleanUp(request, undefined);
  }

  /**
   * Waits until no request is in flight and none has started for `quietMs`, or until `deadline`.
   * A busy keep-alive client always has its next request on the wire: closing its connection the
   * moment the last response left would reset that request. Each response during shutdown says
   * `Connection: close`, so a client moves on after at most one more answer; a quiet period
   * without any new request means what is still open is truly idle.
   */
  async #drain(deadline: number, quietMs: number): Promise<void> {
    for (;;) {
      const drained = new Promise<void>((resolve) => {
        this.#drained = resolve;
        if (this.#inFlight.size === 0) resolve();
      });
      await within(drained, deadline - performance.now());
      if (this.#inFlight.size > 0 || (await this.#openConnections()) === 0) return;
      const started = this.#started;
      await within(new Promise(noop), Math.min(quietMs, deadline - performance.now()));
      if (this.#started === started || performance.now() >= deadline) return;
    }
  }

  #openConnections(): Promise<number> {
    return new Promise((resolve) => this.server.getConnections((_error, count) => resolve(count ?? 0)));
  }

  /** Keeps a stream being written in `#streaming` until it settles, for `close()` to wait on. */
  async #track(scope: RequestScope, streaming: Promise<void>): Promise<void> {
    const stream = this.#streaming.add(scope, streaming);
    try {
      await streaming;
    } finally {
      this.#streaming.delete(stream);
    }
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
    await this.#serve(req, res);
  }

  /**
   * `handle`, returning a promise only when the request could not be answered synchronously: a
   * synchronous route of an app without middleware, whose scope has no teardown, is answered
   * start to end on the same stack — no promise, so no AsyncLocalStorage hook and no microtask.
   * The scope is still entered (`scope.run`), so any continuation a handler or dependency starts
   * belongs to its request; anything that returns a promise makes the rest of this request wait
   * for it, in the same order as ever.
   */
  #serve(req: IncomingMessage, res: ServerResponse): Promise<void> | undefined {
    const scope = this.container.openScope().provide(IncomingRequest, req);
    this.#started++;
    let responding: Promise<void> | undefined;
    try {
      // Middleware may continue after an `await` and look the scope up: the chain runs in
      // AsyncLocalStorage, unless every middleware is `scopeFree`. Otherwise the dispatcher
      // enters the storage only for the routes that need it.
      responding = this.#chainNeedsStorage
        ? scope.run(() => this.#respond(req, res, scope))
        : scope.enter(() => this.#respond(req, res, scope));
    } catch (error) {
      this.#failedOutside(error, req, res);
    }
    if (responding === undefined && scope.idle) {
      void scope.close(); // nothing to run: settles at once, and marks the scope closed
      return undefined;
    }
    // In flight from now on: `close()` only ever looks between two turns of the event loop, so a
    // request answered on one stack never needs to be seen there.
    return this.#finish(req, res, this.#inFlight.add(scope, undefined), responding);
  }

  /** The rest of a request that went asynchronous: its response, then its cleanups. */
  async #finish(
    req: IncomingMessage,
    res: ServerResponse,
    request: RequestEntry<Promise<void> | undefined>,
    responding: Promise<void> | undefined,
  ): Promise<void> {
    try {
      await responding;
    } catch (error) {
      this.#failedOutside(error, req, res);
    } finally {
      // Cleanups run after the response is out, also when the handler or the write failed.
      await this.#cleanUp(request, req.url);
      this.#inFlight.delete(request);
      if (this.#inFlight.size === 0) this.#drained?.();
    }
  }

  #failedOutside(error: unknown, req: IncomingMessage, res: ServerResponse): void {
    this.#logger.error({ err: error, url: req.url }, 'Request failed outside the pipeline');
    res.destroy();
  }

  /** Runs a scope's cleanups once, whether the request ends or `close()` gives up on it. */
  #cleanUp(request: RequestEntry<Promise<void> | undefined>, url: string | undefined): Promise<void> {
    request.value ??= request.scope
      .close()
      .catch((error) => this.#logger.error({ err: error, url }, 'Request cleanup failed'));
    return request.value;
  }

  /** Runs inside the request's scope; returns a promise only when something had to wait. */
  #respond(req: IncomingMessage, res: ServerResponse, scope: RequestScope): Promise<void> | undefined {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const context: RequestContext = {
      method: req.method ?? 'GET',
      url,
      path: query === -1 ? url : url.slice(0, query),
      headers: req.headers,
      raw: req,
      rawResponse: res,
      // Present from the start, so every context has the one shape routing keeps.
      route: undefined,
      logger: this.#logger,
      scope,
      response: scope.response,
    };
    if (this.#direct === undefined) return this.#respondThroughMiddleware(context, res, scope);
    let answer: Answer | Promise<Answer>;
    try {
      answer = this.#direct.answer(context);
    } catch (error) {
      answer = this.#pipelineFailed(error, context);
    }
    // The dispatcher's answer is pending only as a native promise (see `Dispatcher`).
    if (answer instanceof Promise) return this.#deliverLater(answer, context, res, scope);
    return this.#deliver(answer, context, res, scope);
  }

  async #respondThroughMiddleware(context: RequestContext, res: ServerResponse, scope: RequestScope): Promise<void> {
    let outgoing: OutgoingResponse;
    try {
      outgoing = await this.#run(context);
    } catch (error) {
      outgoing = this.#pipelineFailed(error, context);
    }
    await this.#deliver(outgoing, context, res, scope);
  }

  async #deliverLater(
    pending: Promise<Answer>,
    context: RequestContext,
    res: ServerResponse,
    scope: RequestScope,
  ): Promise<void> {
    let answer: Answer;
    try {
      answer = await pending;
    } catch (error) {
      answer = this.#pipelineFailed(error, context);
    }
    await this.#deliver(answer, context, res, scope);
  }

  #pipelineFailed(error: unknown, context: RequestContext): OutgoingResponse {
    context.logger.error({ err: error, method: context.method, url: context.url }, 'Middleware failed');
    return internalServerError();
  }

  /** Writes the answer; returns a promise only for a stream (or a failure answered after one). */
  #deliver(
    answer: Answer,
    context: RequestContext,
    res: ServerResponse,
    scope: RequestScope,
  ): Promise<void> | undefined {
    // Routing seals the temporal Response once merged; a middleware answering without `next()`
    // never got there, so seal it here too: from now on a write throws instead of vanishing.
    scope.response.seal();
    // The client left (or node timed it out) before the answer: routine, not a server fault.
    if (res.destroyed)
      context.logger.info({ method: context.method, url: context.url }, 'The client left before the response was sent');
    // Framing headers are not settable (HERALD_ERR_FRAMING_HEADER): node writes `Connection:
    // close` itself and closes the socket once the response is out.
    else if (this.#closing || (!(answer instanceof PlainAnswer) && answer.closeConnection)) res.shouldKeepAlive = false;
    const head = context.method === 'HEAD';
    try {
      const streaming = this.#write(answer, res, scope, head);
      if (this.#idleTimeout > 0) armIdleTimer(res, this.#idleTimeout);
      if (streaming) return this.#stream(streaming, context, res, scope);
    } catch (error) {
      return this.#writeFailed(error, context, res, scope);
    }
    return undefined;
  }

  /** Writes the answer to `res`; returns a promise only for a stream. */
  #write(answer: Answer, res: ServerResponse, scope: RequestScope, head: boolean): Promise<void> | undefined {
    // Without middleware, a plain value or a response class is written straight when it can be.
    if (answer instanceof PlainAnswer && (res.destroyed || writePlainAnswer(res, answer, scope.response, head)))
      return undefined;
    if (answer instanceof ClassAnswer && (res.destroyed || writeClassAnswer(res, answer, scope.response, head)))
      return undefined;
    // A stream's source runs as it is written, after the handler returned: in the scope, also
    // after its `await`s, whichever way the route ran.
    const outgoing = toOutgoing(answer, scope.response);
    return isStreamBody(outgoing.body)
      ? scope.run(() => writeResponse(res, outgoing, head))
      : writeResponse(res, outgoing, head);
  }

  async #stream(
    streaming: Promise<void>,
    context: RequestContext,
    res: ServerResponse,
    scope: RequestScope,
  ): Promise<void> {
    try {
      await this.#track(scope, streaming);
    } catch (error) {
      await this.#writeFailed(error, context, res, scope);
    }
  }

  #writeFailed(
    error: unknown,
    context: RequestContext,
    res: ServerResponse,
    scope: RequestScope,
  ): Promise<void> | undefined {
    const { method, url } = context;
    scope.fail(error); // after-response teardowns see that the response did not get through
    // A client leaving mid-stream is routine, not a server fault.
    if ((error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') {
      context.logger.info({ method, url }, 'The client left before the response was complete');
    } else {
      context.logger.error({ err: error, method, url }, 'Failed to write the response');
    }
    // A response that never started (a stream failing before its first byte, a middleware
    // that set an invalid status) still gets an answer; one that broke midway is cut off.
    if (!res.headersSent && !res.destroyed) return writeResponse(res, internalServerError(), false);
    res.destroy();
    return undefined;
  }
}

function noop(): void {}

/** Resolves when `promise` settles or after `ms`, whichever comes first. */
async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
