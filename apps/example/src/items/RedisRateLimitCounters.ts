import { Redis } from 'ioredis';
import { RateLimitCounters, type RateLimitWindow } from './RateLimiter.js';

/**
 * One fixed window per client, atomically: the first INCR of a window starts its expiry, and the
 * count and the time left come back from the same script, so concurrent requests from any number
 * of processes can neither lose a count nor leave a key without an expiry (which INCR then PEXPIRE
 * as two round trips could, if the process died between them).
 */
const TAKE = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

type WithTake = Redis & { heraldTakeWindow(key: string, windowMs: number): Promise<[number, number]> };

/**
 * The rate limit shared by every process of the app, in Redis (`REDIS_URL`): N processes behind a
 * load balancer give a client `limit` requests per window in all, not `limit` each.
 */
export class RedisRateLimitCounters extends RateLimitCounters {
  readonly #redis: WithTake;
  readonly #prefix: string;

  constructor(url: string, options: { limit?: number; windowMs?: number; prefix?: string } = {}) {
    super(options);
    this.#prefix = options.prefix ?? 'herald:ratelimit:';
    // Fail a command fast rather than queue it while Redis is away: the request answers 503
    // (see RateLimiter) and /readyz takes the process out of the load balancer meanwhile.
    this.#redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: true }) as WithTake;
    // EVALSHA, with the script sent once per connection.
    this.#redis.defineCommand('heraldTakeWindow', { numberOfKeys: 1, lua: TAKE });
    // Errors surface on the commands and in /readyz; an unhandled 'error' event would crash the process.
    this.#redis.on('error', () => {});
  }

  /** Connects now, so a wrong REDIS_URL fails at start-up rather than on the first request. */
  async connect(): Promise<void> {
    await this.#redis.connect();
  }

  override async take(client: string): Promise<RateLimitWindow> {
    const [count, ttl] = await this.#redis.heraldTakeWindow(this.#prefix + client, this.windowMs);
    return { remaining: this.limit - count, resetAt: Date.now() + ttl };
  }

  override async ready(): Promise<boolean> {
    try {
      return (await this.#redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  override async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
