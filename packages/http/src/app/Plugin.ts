import type { HeaderDeclaration, HeraldContainer } from '@herald/core';
import type { Logger } from 'pino';
import type { RouteDescription } from '../description/RouteDescription.js';
import type { Middleware } from '../middleware/Middleware.js';

/**
 * What a plugin gets from `createApp`, once, at start-up.
 *
 * @example
 * ```ts
 * const setup = ({ container, logger }: PluginSetup) => { container.bindScopedValue(TenantId); };
 * ```
 */
export interface PluginSetup {
  /**
   * The app's container, with the app's modules loaded and not yet prepared: tokens bound here
   * take part in the start-up checks (captive dependencies) like the app's own.
   */
  readonly container: HeraldContainer;
  /** The app's logger (`AppOptions.logger`). */
  readonly logger: Logger;
}

/**
 * A package that extends an app as one unit: it binds its own tokens and may wrap every request
 * with a middleware that runs outside the app's own, so it sees the final response of every
 * request (404, 405 and 500 included). `@herald/logger`'s `requestLogging()` is one.
 *
 * @example
 * ```ts
 * const TenantId = Symbol('TenantId');
 * const tenants: Plugin = {
 *   setup({ container }) {
 *     container.bindScopedValue(TenantId);
 *     return (context, next) => {
 *       context.scope.provide(TenantId, String(context.headers['x-tenant'] ?? 'public'));
 *       return next();
 *     };
 *   },
 * };
 * const app = await createApp({ modules, plugins: [tenants] });
 * ```
 */
export interface Plugin {
  /** Runs once in `createApp`; the middleware it returns wraps every request. */
  setup(app: PluginSetup): Middleware | undefined;
  /** Headers its middleware sets on every response (say `X-Request-Id`): declared for every route. */
  readonly headers?: readonly HeaderDeclaration[];
  /** Called with the app's routes once they are compiled (and again after a test override recompiles them). */
  routesCompiled?(routes: readonly RouteDescription[]): void;
}
