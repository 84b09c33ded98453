import { InvalidServerLimitError } from '../errors.js';

/**
 * How long the server waits for slow clients, and how many it serves at once. Every time is in
 * milliseconds and holds to within about a tenth of itself (at most a second): node checks header
 * and request deadlines on an interval, which Herald derives from the shortest of them.
 *
 * @example
 * ```ts
 * const app = await createApp({ modules, limits: { headersTimeout: 5_000, maxConnections: 10_000 } });
 * ```
 */
export interface ServerLimits {
  /** Time to receive the request's head; then 408 and the connection closes. Default 10 s. */
  headersTimeout?: number;
  /** Time to receive the whole request, body included; then 408. Default 30 s. */
  requestTimeout?: number;
  /** How long an idle keep-alive connection stays open. Default 5 s. */
  keepAliveTimeout?: number;
  /**
   * Once the response has started, how long the socket may make no write progress (a client that
   * stopped reading) before it is destroyed, its stream's source closed and its cleanups run.
   * A slow handler is not cut: the clock starts with the response. A connection that never sends
   * a byte is closed after the same time. Default 30 s.
   */
  responseIdleTimeout?: number;
  /** Connections beyond this many are closed as they arrive. Default: no cap. */
  maxConnections?: number;
}

/** The limits with every default filled in. */
export type ResolvedServerLimits = Required<ServerLimits>;

/**
 * Fills in the defaults of `limits` and checks them, so a mistake fails `createApp` with a coded
 * error rather than surfacing from node. Times are whole milliseconds, 0 turning one off.
 */
export function resolveServerLimits(limits: ServerLimits = {}): ResolvedServerLimits {
  const resolved: ResolvedServerLimits = {
    headersTimeout: limits.headersTimeout ?? 10_000,
    requestTimeout: limits.requestTimeout ?? 30_000,
    keepAliveTimeout: limits.keepAliveTimeout ?? 5_000,
    responseIdleTimeout: limits.responseIdleTimeout ?? 30_000,
    maxConnections: limits.maxConnections ?? Number.POSITIVE_INFINITY,
  };
  for (const name of ['headersTimeout', 'requestTimeout', 'keepAliveTimeout', 'responseIdleTimeout'] as const) {
    const value = resolved[name];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new InvalidServerLimitError(name, value, 'a whole number of milliseconds, 0 or more');
    }
  }
  if (
    !(resolved.maxConnections >= 1) ||
    !(Number.isSafeInteger(resolved.maxConnections) || resolved.maxConnections === Number.POSITIVE_INFINITY)
  ) {
    throw new InvalidServerLimitError('maxConnections', resolved.maxConnections, 'a whole number, 1 or more');
  }
  // The head is part of the request: a longer head deadline could never apply (node agrees).
  if (resolved.requestTimeout > 0 && resolved.headersTimeout > resolved.requestTimeout) {
    throw new InvalidServerLimitError(
      'headersTimeout',
      resolved.headersTimeout,
      `at most requestTimeout (${resolved.requestTimeout})`,
    );
  }
  return resolved;
}

/**
 * How often node should look for requests past their header or request deadline. Node's default
 * is every 30 s, which made a documented 10 s header timeout take up to 40 s: check ten times per
 * shortest deadline, at most once a second, at least every 10 ms.
 */
export function connectionsCheckingInterval({ headersTimeout, requestTimeout }: ResolvedServerLimits): number {
  const shortest = Math.min(...[headersTimeout, requestTimeout].filter((timeout) => timeout > 0), 10_000);
  return Math.max(10, Math.min(1_000, Math.ceil(shortest / 10)));
}
