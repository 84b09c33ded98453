import type { App } from '@herald/http';
import { TestClient } from '@herald/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { corsFromEnv } from '../src/corsFromEnv.js';
import { createExampleApp } from '../src/createExampleApp.js';
import { RateLimitCounters } from '../src/items/RateLimiter.js';

let app: App;
let client: TestClient;

// The app main.ts builds, with CORS as CORS_ORIGINS would configure it; in process, no socket.
beforeAll(async () => {
  // strictHeaders 'error': a header the example sets without declaring it is a 500 here.
  app = await createExampleApp({
    middleware: corsFromEnv('http://client.test, http://other.test'),
    strictHeaders: 'error',
  });
  client = new TestClient(app);
});

afterEach(() => client.restore());

describe('the example app', () => {
  it('GET /headers-and-object/ sets X-Cat-Dog from the temporal Response', async () => {
    const response = await client.get('/headers-and-object/');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cat-dog')).toBe('alone in the world');
    expect(response.json()).toEqual({ message: 'Hello World' });
  });

  it('gives every response a request id and keeps a sane incoming one', async () => {
    const generated = await client.get('/no-such-page');
    expect(generated.status).toBe(404);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await client.get('/headers/', { headers: { 'X-Request-Id': 'trace-7' } });
    expect(given.headers.get('x-request-id')).toBe('trace-7');
  });

  it('GET /headers/ returns a JSONResponse with its own headers', async () => {
    const response = await client.get('/headers/');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cat-dog')).toBe('alone in the world');
    expect(response.headers.get('content-language')).toBe('en-US');
    expect(response.json()).toEqual({ message: 'Hello World' });
  });

  it('GET /items/{id} has rate-limit headers and drops internal fields', async () => {
    const first = await client.get('/items/1');
    const second = await client.get('/items/1');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('100');
    expect(Number(first.headers.get('x-ratelimit-remaining')) - 1).toBe(
      Number(second.headers.get('x-ratelimit-remaining')),
    );
    expect(first.json()).toEqual({ id: 1, name: 'Plumbus', price: 9.99 });
  });

  it('GET /items/{id} answers 429 with Retry-After once the client used up its window', async () => {
    // An exhausted counter, swapped in for this test only.
    const exhausted = new RateLimitCounters();
    exhausted.take = () => ({ remaining: -1, resetAt: Date.now() + 30_000 });
    client.override(RateLimitCounters, { useValue: exhausted });
    const response = await client.get('/items/1');
    expect(response.status).toBe(429);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('GET /items/{id} of an unknown item is a 404 that still carries the rate-limit headers', async () => {
    const response = await client.get('/items/999');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-error')).toBe('item-missing');
    expect(response.headers.get('x-ratelimit-limit')).toBe('100');
    expect(response.headers.has('x-ratelimit-remaining')).toBe(true);
    expect(response.json()).toEqual({ detail: 'Item not found' });
  });

  it('GET /items pages with its Paginator dependency: X-Total-Count, and a bad limit is a 422', async () => {
    const page = await client.get('/items', { query: { limit: '1' } });
    expect(page.status).toBe(200);
    expect(Number(page.headers.get('x-total-count'))).toBeGreaterThanOrEqual(1);
    expect(page.json()).toEqual([{ id: 1, name: 'Plumbus', price: 9.99 }]);
    const bad = await client.get('/items', { query: { limit: '0', offset: 'x' } });
    expect(bad.status).toBe(422);
    const { detail } = bad.json<{ detail: Array<{ loc: unknown[] }> }>();
    expect(detail.map((issue) => issue.loc)).toEqual([
      ['query', 'limit'],
      ['query', 'offset'],
    ]);
  });

  it('rate limits per X-API-Key through the controller dependency', async () => {
    const first = await client.get('/items/1', { headers: { 'x-api-key': 'k-1' } });
    const other = await client.get('/items/1', { headers: { 'x-api-key': 'k-2' } });
    expect(first.headers.get('x-ratelimit-remaining')).toBe('99');
    expect(other.headers.get('x-ratelimit-remaining')).toBe('99');
  });

  it('POST /items without credentials is a 401 with WWW-Authenticate, whatever the body', async () => {
    const response = await client.post('/items', { json: { name: '', price: 'free' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.json()).toEqual({ detail: 'Not authenticated' });
  });

  it('POST /items creates with 201 and Location, and refuses bad bodies with 422', async () => {
    const created = await client.post('/items', {
      headers: { authorization: 'Bearer example-token' },
      json: { name: 'Fleeb', price: 3 },
    });
    expect(created.status).toBe(201);
    const item = created.json<{ id: number }>();
    expect(item).toEqual({ id: expect.any(Number), name: 'Fleeb', price: 3 });
    expect(created.headers.get('location')).toBe(`/items/${item.id}`);
    expect((await client.get(created.headers.get('location') as string)).json()).toEqual(item);

    const bad = await client.post('/items', {
      headers: { authorization: 'Bearer example-token' },
      json: { name: '', price: 'free' },
    });
    expect(bad.status).toBe(422);
    const { detail } = bad.json<{ detail: Array<{ loc: unknown[] }> }>();
    expect(detail.map((issue) => issue.loc)).toEqual(
      expect.arrayContaining([
        ['body', 'name'],
        ['body', 'price'],
      ]),
    );
  });

  it('exposes the app headers to origins listed in CORS_ORIGINS, and only to them', async () => {
    const allowed = await client.get('/items/1', { headers: { origin: 'http://other.test' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://other.test');
    // The route's declared headers: the request id, the rate limiter's, the 404's and 429's own.
    expect(allowed.headers.get('access-control-expose-headers')).toBe(
      'X-Request-Id, X-RateLimit-Limit, X-RateLimit-Remaining, X-Error, Retry-After',
    );
    const created = await client.get('/headers-and-object/', { headers: { origin: 'http://other.test' } });
    expect(created.headers.get('access-control-expose-headers')).toBe('X-Request-Id, X-Cat-Dog');
    const refused = await client.get('/items/1', { headers: { origin: 'http://evil.test' } });
    expect(refused.headers.has('access-control-allow-origin')).toBe(false);
  });

  it('POST and DELETE /session set and delete an HttpOnly, SameSite=Lax session cookie', async () => {
    const started = await client.post('/session');
    expect(started.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^session=[0-9a-f-]{36}; Max-Age=3600; Path=\/; HttpOnly; SameSite=Lax$/),
    ]);
    const ended = await client.delete('/session');
    expect(ended.headers.getSetCookie()).toEqual([
      'session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax',
    ]);
  });

  it('POST /items/batch stores every item when the unit of work commits, and none when it rolls back', async () => {
    const post = (items: unknown) => client.post('/items/batch', { json: items });
    const created = await post([
      { name: 'Portal gun', price: 100 },
      { name: 'Meeseeks box', price: 20 },
    ]);
    expect(created.status).toBe(201);
    expect(created.headers.get('x-unit-of-work')).toBe('committed');
    const [gun] = created.json<Array<{ id: number; name: string }>>();
    expect((await client.get(`/items/${gun?.id}`)).json()).toEqual({
      id: gun?.id,
      name: 'Portal gun',
      price: 100,
    });

    const conflict = await post([
      { name: 'Butter robot', price: 5 },
      { name: 'Portal gun', price: 1 },
    ]);
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('x-unit-of-work')).toBe('rolled-back');
    // The robot staged before the conflict was rolled back, so it can be created now.
    const robot = await post([{ name: 'Butter robot', price: 5 }]);
    expect(robot.status).toBe(201);
  });
});
