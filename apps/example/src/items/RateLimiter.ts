import type { IncomingMessage } from 'node:http';
import { Response, SetsHeader } from '@herald/core';
import { Header, HTTPException, IncomingRequest } from '@herald/http';
import { RequestLogger } from '@herald/logger';
import { Type } from '@sinclair/typebox';
import { inject, injectable } from 'inversify';
import type { Logger } from 'pino';

/** Requests left per client in the current window; one per app (singleton). */
@injectable()
export class RateLimitCounters {
  readonly limit = 100;
  readonly windowMs = 60_000;
  readonly #used = new Map<string, { count: number; resetAt: number }>();

  /** Counts one request of `client`; returns what is left and when the window resets. */
  take(client: string): { remaining: number; resetAt: number } {
    const now = Date.now();
    let entry = this.#used.get(client);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + this.windowMs };
      this.#used.set(client, entry);
    }
    entry.count++;
    return { remaining: this.limit - entry.count, resetAt: entry.resetAt };
  }
}

/**
 * A request-scoped dependency that sets rate-limit headers on the temporal Response; they reach
 * the response whatever the handler does, the 404 included. Used as a controller dependency
 * (`@Controller('/items', { dependencies: [RateLimiter] })`), it runs before every items route.
 * The client is its `X-API-Key` (a validated header parameter of the dependency itself), or
 * else its address. It logs through `RequestLogger`, so its line carries the request id.
 */
@SetsHeader('X-RateLimit-Limit', Type.Integer({ minimum: 1 }), 'Requests allowed per client in the window')
@SetsHeader('X-RateLimit-Remaining', Type.Integer({ minimum: 0 }), 'Requests left in the current window')
@injectable()
export class RateLimiter {
  constructor(
    @inject(RateLimitCounters) counters: RateLimitCounters,
    @Header('X-API-Key', Type.Optional(Type.String({ minLength: 1, maxLength: 128 }))) apiKey: string | undefined,
    @inject(IncomingRequest) request: IncomingMessage,
    @inject(Response) response: Response,
    @inject(RequestLogger) log: Logger,
  ) {
    const client = apiKey === undefined ? `address ${request.socket.remoteAddress ?? 'unknown'}` : `key ${apiKey}`;
    const { remaining, resetAt } = counters.take(client);
    response.headers.set('X-RateLimit-Limit', String(counters.limit));
    response.headers.set('X-RateLimit-Remaining', String(Math.max(remaining, 0)));
    if (remaining < 0) {
      // The request's logger: this line carries its request id, method and route.
      log.warn({ client, resetAt }, 'rate limit exceeded');
      throw new HTTPException(429, 'Too Many Requests', {
        'Retry-After': String(Math.ceil((resetAt - Date.now()) / 1000)),
      });
    }
  }
}
