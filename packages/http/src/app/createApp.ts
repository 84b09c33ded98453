import { createContainer } from '@herald/core';
import type { ContainerModule, ServiceIdentifier } from 'inversify';
import { type Logger, pino } from 'pino';
import { bindParameterTokens } from '../dependencies/bind-parameter-tokens.js';
import type { Middleware } from '../middleware/Middleware.js';
import { createValidators } from '../model/validators.js';
import { Dispatcher } from '../pipeline/Dispatcher.js';
import { type ExceptionHandlerMap, ExceptionHandlers } from '../pipeline/ExceptionHandlers.js';
import { RouteTable } from '../routing/RouteTable.js';
import { App, IncomingRequest } from './App.js';
import type { Plugin } from './Plugin.js';
import { resolveServerLimits, type ServerLimits } from './ServerLimits.js';

/**
 * Options of `createApp`.
 *
 * @example
 * ```ts
 * const options: AppOptions = { modules: [itemsModule], middleware: [cors({ allowOrigins })], bodyLimit: 64 * 1024 };
 * ```
 */
export interface AppOptions {
  /** The app's inversify modules: services and `@Controller` classes. */
  modules: readonly ContainerModule[];
  /** Run in order around routing, e.g. `[cors({ allowOrigins: ['https://app.example'] })]`. */
  middleware?: readonly Middleware[];
  /** Largest accepted request body in bytes; default 1 MiB. */
  bodyLimit?: number;
  /** Handlers by error class or by status, e.g. `new Map([[NotFound, (error) => new JSONResponse(…)]])`. */
  exceptionHandlers?: ExceptionHandlerMap;
  /**
   * Services resolved for every request to a route, for their side effects (a request id, auth),
   * before the controller's and the route's dependencies.
   */
  dependencies?: readonly ServiceIdentifier[];
  /** A pino logger; default `pino()` at `LOG_LEVEL` (or `info`). */
  logger?: Logger;
  /** Timeouts for slow clients and a cap on connections; see `ServerLimits` for the defaults. */
  limits?: ServerLimits;
  /**
   * Set up in order before the container is prepared; their middleware runs outside `middleware`,
   * the first plugin's outermost, e.g. `[requestLogging()]` from `@herald/logger`.
   */
  plugins?: readonly Plugin[];
}

/**
 * Builds an app: loads the modules, rejects captive dependencies, compiles every route (its
 * whole dependency graph, checked for missing or ambiguous bindings; one validator per input
 * location for the graph; the response model) once. Nothing listens until `app.listen()`.
 *
 * @example
 * ```ts
 * const app = await createApp({ modules: [new ContainerModule(({ bind }) => { bind(ItemsController).toSelf(); })] });
 * await app.listen({ port: Number(process.env.PORT ?? 8000) });
 * ```
 */
export async function createApp(options: AppOptions): Promise<App> {
  const container = await createContainer({ modules: options.modules });
  container.bindScopedValue(IncomingRequest);
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const pluginMiddleware: Middleware[] = [];
  for (const plugin of options.plugins ?? []) {
    const middleware = plugin.setup({ container, logger });
    if (middleware) pluginMiddleware.push(middleware);
  }
  bindParameterTokens(container);
  // Again (createContainer prepared once), now that plugins bound their services and request
  // parameters count as request-scoped: a singleton reading one is captive.
  container.prepare();
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const compileRoutes = () => new RouteTable(container, createValidators(), options.dependencies);
  const dispatcher = new Dispatcher({
    routes: compileRoutes(),
    exceptionHandlers: new ExceptionHandlers(options.exceptionHandlers),
    bodyLimit,
  });
  // A test override (`container.override`, TestClient's) changes the graph the route plans were
  // compiled from: compile them again, once per change, so requests still pay nothing for it.
  container.onRebind(() => {
    bindParameterTokens(container);
    container.prepare();
    dispatcher.replaceRoutes(compileRoutes());
  });
  return new App(container, dispatcher, [...pluginMiddleware, ...(options.middleware ?? [])], {
    logger,
    bodyLimit,
    limits: resolveServerLimits(options.limits),
  });
}
