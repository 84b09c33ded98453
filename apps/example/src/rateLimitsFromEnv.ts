import { RateLimitCounters } from './items/RateLimiter.js';
import { RedisRateLimitCounters } from './items/RedisRateLimitCounters.js';

/**
 * The rate limit's counters from the environment: in memory by default; in Redis, shared by every
 * process, when REDIS_URL is set. RATE_LIMIT (default 100) requests per RATE_LIMIT_WINDOW_MS
 * (default 60000) per client.
 */
export async function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<RateLimitCounters> {
  const options = {
    limit: positiveInteger(env, 'RATE_LIMIT', 100),
    windowMs: positiveInteger(env, 'RATE_LIMIT_WINDOW_MS', 60_000),
  };
  if (!env.REDIS_URL) return new RateLimitCounters(options);
  const counters = new RedisRateLimitCounters(env.REDIS_URL, options);
  await counters.connect();
  return counters;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}
