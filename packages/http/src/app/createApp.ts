import { createContainer } from '@herald/core';
import type { ContainerModule } from 'inversify';
import { type Logger, pino } from 'pino';
import type { Middleware } from '../middleware/Middleware.js';
import { createValidators } from '../model/validators.js';
import { Dispatcher } from '../pipeline/Dispatcher.js';
import { type ExceptionHandlerMap, ExceptionHandlers } from '../pipeline/ExceptionHandlers.js';
import { RouteTable } from '../routing/RouteTable.js';
import { App, IncomingRequest } from './App.js';
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
  /** A pino logger; default `pino()` at `LOG_LEVEL` (or `info`). */
  logger?: Logger;
  /** Timeouts for slow clients and a cap on connections; see `ServerLimits` for the defaults. */
  limits?: ServerLimits;
}

/**
 * Builds an app: loads the modules, rejects captive dependencies, compiles every route (params,
 * validators, response models) once. Nothing listens until `app.listen()`.
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
  container.prepare();
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const dispatcher = new Dispatcher({
    container,
    routes: new RouteTable(container, createValidators()),
    exceptionHandlers: new ExceptionHandlers(options.exceptionHandlers),
    logger,
    bodyLimit,
  });
  return new App(container, dispatcher.dispatch, options.middleware ?? [], {
    logger,
    bodyLimit,
    limits: resolveServerLimits(options.limits),
  });
}
