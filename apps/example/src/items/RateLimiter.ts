import type { IncomingMessage } from 'node:http';
import { Response, SetsHeader } from '@herald/core';
import { Header, HTTPException, IncomingRequest } from '@herald/http';
import { RequestLogger } from '@herald/logger';
import { Type } from '@sinclair/typebox';
import { inject, injectable } from 'inversify';
import type { Logger } from 'pino';

/** What one request learns of its client's window: requests left (negative past the limit), and when it resets. */
export interface RateLimitWindow {
  remaining: number;
  resetAt: number;
}

/**
 * Requests per client in fixed windows, one per app (a constant binding). This one counts in the
 * process's memory, the default; `RedisRateLimitCounters` shares the counts between processes.
 */
export class RateLimitCounters {
  readonly limit: number;
  readonly windowMs: number;
  readonly #used = new Map<string, { count: number; resetAt: number }>();

  constructor({ limit = 100, windowMs = 60_000 }: { limit?: number; windowMs?: number } = {}) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Counts one request of `client`; returns what is left and when the window resets. */
  take(client: string): RateLimitWindow | Promise<RateLimitWindow> {
    const now = Date.now();
    let entry = this.#used.get(client);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + this.windowMs };
      this.#used.set(client, entry);
    }
    entry.count++;
    return { remaining: this.limit - entry.count, resetAt: entry.resetAt };
  }

  /** Whether the counts can be reached, for /readyz; memory always can. */
  async ready(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}

/**
 * Who is counted: the request's `X-API-Key` (a validated header parameter of this dependency), or
 * else its address. Request-scoped.
 */
@injectable()
export class RateLimitClient {
  readonly id: string;

  constructor(
    @Header('X-API-Key', Type.Optional(Type.String({ minLength: 1, maxLength: 128 }))) apiKey: string | undefined,
    @inject(IncomingRequest) request: IncomingMessage,
  ) {
    this.id = apiKey === undefined ? `address ${request.socket.remoteAddress ?? 'unknown'}` : `key ${apiKey}`;
  }
}

/** The token of the request's window, counted once per request (see `takeRateLimitWindow`). */
export const RateLimitWindow = Symbol('RateLimitWindow');

/**
 * Counts the request and resolves its window: asynchronous, as the counts may live in Redis, so it
 * is a resolved value that inversify awaits before it builds `RateLimiter` (Herald resolves with
 * `getAsync`). Bind with `[RateLimitCounters, RateLimitClient]`, in request scope.
 */
export async function takeRateLimitWindow(counters: RateLimitCounters, client: RateLimitClient) {
  try {
    return await counters.take(client.id);
  } catch {
    // Without its counts the limiter cannot tell; refusing is the safe side for what it protects,
    // and /readyz reports the store failing meanwhile.
    throw new HTTPException(503, 'Rate limit store unavailable', { 'Retry-After': '1' });
  }
}

/**
 * A request-scoped dependency that sets rate-limit headers on the temporal Response; they reach
 * the response whatever the handler does, the 404 included. Used as a controller dependency
 * (`@Controller('/items', { dependencies: [RateLimiter] })`), it runs before every items route.
 * The client is its `X-API-Key`, or else its address (`RateLimitClient`). It logs through
 * `RequestLogger`, so its line carries the request id.
 */
@SetsHeader('X-RateLimit-Limit', Type.Integer({ minimum: 1 }), 'Requests allowed per client in the window')
@SetsHeader('X-RateLimit-Remaining', Type.Integer({ minimum: 0 }), 'Requests left in the current window')
@injectable()
export class RateLimiter {
  constructor(
    @inject(RateLimitCounters) counters: RateLimitCounters,
    @inject(RateLimitClient) client: RateLimitClient,
    @inject(RateLimitWindow) { remaining, resetAt }: RateLimitWindow,
    @inject(Response) response: Response,
    @inject(RequestLogger) log: Logger,
  ) {
    response.headers.set('X-RateLimit-Limit', String(counters.limit));
    response.headers.set('X-RateLimit-Remaining', String(Math.max(remaining, 0)));
    if (remaining < 0) {
      // The request's logger: this line carries its request id, method and route.
      log.warn({ client: client.id, resetAt }, 'rate limit exceeded');
      throw new HTTPException(429, 'Too Many Requests', {
        'Retry-After': String(Math.max(1, Math.ceil((resetAt - Date.now()) / 1000))),
      });
    }
  }
}
