import type { ServiceIdentifier } from 'inversify';
import type { Logger } from 'pino';

/**
 * The current request's pino logger, a child of the app's carrying `reqId`, `method` and the
 * matched `route`, so a dependency at any depth logs with the request's context without it being
 * passed along. Request-scoped: a singleton cannot depend on it (a captive-dependency error at
 * start-up), one request never logs with another's id. Built on first use: in the handler's graph
 * the route is known; a middleware that resolves it before routing gets it without `route`.
 *
 * @example
 * ```ts
 * @injectable()
 * class Payments {
 *   constructor(@inject(RequestLogger) private readonly log: Logger) {}
 *   charge(cents: number) { this.log.info({ cents }, 'charging'); }
 * }
 * ```
 */
export const RequestLogger: ServiceIdentifier<Logger> = Symbol('RequestLogger');
