import type { ServiceIdentifier } from 'inversify';

/**
 * The current request's id — the one in its `X-Request-Id` response header and on each of its
 * log lines — injectable anywhere in the request's graph once `requestLogging()` is installed,
 * e.g. to pass it on to an upstream service.
 *
 * @example
 * ```ts
 * constructor(@inject(RequestId) private readonly requestId: string) {}
 * ```
 */
export const RequestId: ServiceIdentifier<string> = Symbol('RequestId');
