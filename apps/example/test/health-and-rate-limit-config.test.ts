import { TestClient } from '@herald/testing';
import { describe, expect, it } from 'vitest';
import { createExampleApp } from '../src/createExampleApp.js';
import { Readiness } from '../src/health/Readiness.js';
import { RateLimitCounters } from '../src/items/RateLimiter.js';
import { rateLimitsFromEnv } from '../src/rateLimitsFromEnv.js';

// In process, without Redis; the Redis backend and SIGTERM are in redis-rate-limit.test.ts.
describe('health routes and rate-limit configuration', () => {
  it('/healthz is live; /readyz is ready until shutdown begins, then 503', async () => {
    const readiness = new Readiness({ store: async () => true });
    const client = new TestClient(await createExampleApp({ readiness }));
    expect((await client.get('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await client.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { store: 'ok' } });
    readiness.beginShutdown();
    const closing = await client.get('/readyz');
    expect(closing.status).toBe(503);
    expect(closing.json()).toEqual({ status: 'shutting down', checks: { store: 'ok' } });
  });

  it('/readyz is 503 while a check fails, or throws', async () => {
    const readiness = new Readiness({ up: async () => true, down: async () => false, broken: () => Promise.reject() });
    const client = new TestClient(await createExampleApp({ readiness }));
    const response = await client.get('/readyz');
    expect(response.status).toBe(503);
    expect(response.json()).toEqual({ status: 'not ready', checks: { up: 'ok', down: 'failing', broken: 'failing' } });
  });

  it('RATE_LIMIT and RATE_LIMIT_WINDOW_MS set the in-memory limit (default 100 per minute)', async () => {
    const defaults = await rateLimitsFromEnv({});
    expect(defaults).toBeInstanceOf(RateLimitCounters);
    expect([defaults.limit, defaults.windowMs]).toEqual([100, 60_000]);
    const counters = await rateLimitsFromEnv({ RATE_LIMIT: '2', RATE_LIMIT_WINDOW_MS: '1000' });
    const client = new TestClient(await createExampleApp({ rateLimits: counters }));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.get('/items/1')).status);
    expect(statuses).toEqual([200, 200, 429]);
    await expect(rateLimitsFromEnv({ RATE_LIMIT: '0' })).rejects.toThrow('RATE_LIMIT must be a positive integer');
  });
});
