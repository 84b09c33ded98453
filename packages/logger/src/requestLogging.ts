import {
  isBodyless,
  type Middleware,
  type Plugin,
  type PluginSetup,
  type RequestContext,
  scopeFree,
} from '@herald/http';
import type { ServiceIdentifier } from 'inversify';
import { type BodyMeter, countBodyBytes } from './count-body-bytes.js';
import { LoggerConfigurationError } from './errors.js';
import { RequestId } from './RequestId.js';
import { RequestLogger } from './RequestLogger.js';
import { requestIdFrom } from './request-id-from.js';

/** The request's context, for building `RequestLogger` once the route is known. */
const REQUEST_ID_HEADER = {
  name: 'X-Request-Id',
  schema: { type: 'string', minLength: 1 },
  description:
    "The request's id: the client's `X-Request-Id` when usable, else a new UUID; on every log line of the request",
};

const CurrentRequest: ServiceIdentifier<RequestContext> = Symbol('CurrentRequest');

/**
 * Request logging as a plugin of `createApp`: a request id on every response (`X-Request-Id`),
 * `RequestId` and `RequestLogger` injectable, one access line per request once its response is
 * sent, and the framework's error line for the request carrying its id — all through the app's
 * logger (`createApp({ logger })`, see `createLogger`).
 *
 * The access line is written when the connection is done with the response (`close`): a
 * completed one as `request completed`, one the client gave up on as `request aborted` — both at
 * `info`, since neither is the server's fault; an unexpected error gets its own `error` line,
 * with its stack, from the framework.
 *
 * @example
 * ```ts
 * const app = await createApp({
 *   modules,
 *   logger: createLogger({ level: process.env.LOG_LEVEL }),
 *   plugins: [requestLogging()],
 * });
 * // {"level":30,"reqId":"3f0c…","method":"GET","route":"/items/:id","path":"/items/1","status":200,
 * //  "durationMs":0.412,"size":42,"msg":"request completed"}
 * ```
 */
export function requestLogging(): Plugin {
  // Declared, so the OpenAPI document, `cors({ exposeHeaders: 'declared' })` and the strict header check know it.
  return { setup, headers: [REQUEST_ID_HEADER] };
}

function setup({ container }: PluginSetup): Middleware {
  // A second install would bind every token twice: inversify's "ambiguous" error on each request.
  if (container.inversify.isBound(RequestId)) throw new LoggerConfigurationError('requestLogging() is installed twice');
  container.bindScopedValue(RequestId);
  container.bindScopedValue(CurrentRequest);
  // Built on first use, which inside the request's graph is after routing: the route is known.
  container.inversify
    .bind(RequestLogger)
    .toResolvedValue(
      (context: RequestContext) => context.logger.child({ method: context.method, route: context.route }),
      [CurrentRequest],
    )
    .inRequestScope();
  return logRequest;
}

// Everything it touches comes through its context: no AsyncLocalStorage for its sake (`scopeFree`).
const logRequest: Middleware = scopeFree(async (context, next) => {
  const start = performance.now();
  const id = requestIdFrom(context.headers['x-request-id']);
  const log = context.logger.child({ reqId: id });
  context.logger = log;
  context.scope.provide(RequestId, id).provide(CurrentRequest, context);
  // Below `info` (say LOG_LEVEL=warn) no line is written: skip its listener and byte counting.
  const accessLog = log.isLevelEnabled('info');
  // Listening before the response exists: a client that leaves while the handler runs still
  // gets its line, as does a request whose inner middleware threw. `close` comes once.
  const res = context.rawResponse;
  let meter: BodyMeter | undefined;
  if (accessLog) {
    res.on('close', () => {
      const status = res.headersSent ? res.statusCode : undefined;
      const line = {
        method: context.method,
        route: context.route,
        path: context.path,
        status,
        durationMs: Math.round((performance.now() - start) * 1000) / 1000,
        // What went out as body: nothing for HEAD and bodyless statuses, whatever the handler returned.
        size: context.method === 'HEAD' || status === undefined || isBodyless(status) ? 0 : (meter?.bytes ?? 0),
      };
      // Completed: the whole response was handed over (`end()`); not yet flushed is fine, and a
      // socketless test client never flushes. Cut off before that: the client left.
      if (res.writableEnded) log.info(line, 'request completed');
      else log.info({ ...line, aborted: true }, 'request aborted');
    });
  }
  // On the temporal Response, so it travels with the app's own headers (CORS exposes it too)...
  context.response.headers.set('x-request-id', id);
  const outgoing = await next();
  // ...and here for what the temporal state never reaches: a 500, a middleware's own answer.
  if (!outgoing.headers.has('x-request-id')) outgoing.headers.set('x-request-id', id);
  if (accessLog) {
    const counted = countBodyBytes(outgoing.body);
    meter = counted.meter;
    outgoing.body = counted.body;
  }
  return outgoing;
});
