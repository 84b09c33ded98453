import { createContainer, type HeaderDeclaration } from '@herald/core';
import type { ContainerModule, ServiceIdentifier } from 'inversify';
import { type Logger, pino } from 'pino';
import { bindParameterTokens } from '../dependencies/bind-parameter-tokens.js';
import type { RouteHeader } from '../description/RouteDescription.js';
import { publishRoutes } from '../description/route-descriptions.js';
import { type StrictHeaders, strictHeaders } from '../description/strict-headers.js';
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
  /** Headers the app's own middleware sets on every response, declared for every route (docs, CORS, checks). */
  headers?: readonly HeaderDeclaration[];
  /**
   * Check the headers each response carries against those its route's graph declares
   * (`@SetsHeader`): `'warn'` logs one line per route and undeclared header and drops a value its
   * schema refuses; `'error'` answers 500 and logs `HERALD_ERR_UNDECLARED_HEADER` /
   * `HERALD_ERR_HEADER_SCHEMA` (for tests). Default `'warn'` when `NODE_ENV=development`, else
   * `'off'`, which costs nothing per request.
   */
  strictHeaders?: StrictHeaders;
  /**
   * Answer a path that no route matches, but would with its trailing slash removed or one added,
   * with a 307 to that path (query kept), as FastAPI's `redirect_slashes`. Default `true`;
   * `false` answers 404.
   */
  redirectSlashes?: boolean;
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
  const appHeaders: RouteHeader[] = [
    ...(options.plugins ?? []).flatMap((plugin) =>
      (plugin.headers ?? []).map((header) => ({ ...header, declaredBy: 'plugin', on: 'every' as const })),
    ),
    ...(options.headers ?? []).map((header) => ({ ...header, declaredBy: 'app', on: 'every' as const })),
  ];
  const strictMode = options.strictHeaders ?? (process.env.NODE_ENV === 'development' ? 'warn' : 'off');
  // Innermost, so it sees what the route set before other middleware add their own headers.
  const strict = strictMode === 'off' ? [] : [strictHeaders(strictMode, logger)];
  const listeners = [...(options.plugins ?? []), ...(options.middleware ?? []), ...strict];
  const compileRoutes = () => {
    const table = new RouteTable(container, createValidators(), options.dependencies, appHeaders);
    publishRoutes(container, table.descriptions(), listeners);
    return table;
  };
  const dispatcher = new Dispatcher({
    routes: compileRoutes(),
    exceptionHandlers: new ExceptionHandlers(options.exceptionHandlers),
    bodyLimit,
    redirectSlashes: options.redirectSlashes ?? true,
  });
  // A test override (`container.override`, TestClient's) changes the graph the route plans were
  // compiled from: compile them again, once per change, so requests still pay nothing for it.
  container.onRebind(() => {
    bindParameterTokens(container);
    container.prepare();
    dispatcher.replaceRoutes(compileRoutes());
  });
  return new App(container, dispatcher, [...pluginMiddleware, ...(options.middleware ?? []), ...strict], {
    logger,
    bodyLimit,
    limits: resolveServerLimits(options.limits),
  });
}
