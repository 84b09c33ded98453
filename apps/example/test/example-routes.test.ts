import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
let server: ChildProcess;
let url: string;

// Started the way `npm start` starts it: the built entry point, configured by PORT.
beforeAll(async () => {
  server = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', CORS_ORIGINS: 'http://client.test, http://other.test' },
  });
  let errors = '';
  server.stderr?.on('data', (chunk) => (errors += chunk));
  let output = '';
  for await (const chunk of server.stdout as AsyncIterable<Buffer>) {
    output += chunk;
    const found = /listening on (http:\/\/\S+)/.exec(output);
    if (found?.[1]) {
      url = found[1];
      break;
    }
  }
  // stdout ended without the URL: the process died; say why rather than fail every test obscurely.
  if (!url) throw new Error(`The example did not start (was it built?):\n${output}${errors}`);
}, 20_000);

afterAll(async () => {
  server.kill('SIGTERM');
  if (server.exitCode === null) await once(server, 'exit');
});

describe('the example app', () => {
  it('GET /headers-and-object/ sets X-Cat-Dog from the temporal Response', async () => {
    const response = await fetch(`${url}/headers-and-object/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cat-dog')).toBe('alone in the world');
    expect(await response.json()).toEqual({ message: 'Hello World' });
  });

  it('gives every response a request id and keeps a sane incoming one', async () => {
    const generated = await fetch(`${url}/no-such-page`);
    expect(generated.status).toBe(404);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${url}/headers/`, { headers: { 'X-Request-Id': 'trace-7' } });
    expect(given.headers.get('x-request-id')).toBe('trace-7');
  });

  it('GET /headers/ returns a JSONResponse with its own headers', async () => {
    const response = await fetch(`${url}/headers/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cat-dog')).toBe('alone in the world');
    expect(response.headers.get('content-language')).toBe('en-US');
    expect(await response.json()).toEqual({ message: 'Hello World' });
  });

  it('GET /items/{id} has rate-limit headers and drops internal fields', async () => {
    const first = await fetch(`${url}/items/1`);
    const second = await fetch(`${url}/items/1`);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('100');
    expect(Number(first.headers.get('x-ratelimit-remaining')) - 1).toBe(
      Number(second.headers.get('x-ratelimit-remaining')),
    );
    expect(await first.json()).toEqual({ id: 1, name: 'Plumbus', price: 9.99 });
  });

  it('GET /items/{id} of an unknown item is a 404 that still carries the rate-limit headers', async () => {
    const response = await fetch(`${url}/items/999`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-error')).toBe('item-missing');
    expect(response.headers.get('x-ratelimit-limit')).toBe('100');
    expect(response.headers.has('x-ratelimit-remaining')).toBe(true);
    expect(await response.json()).toEqual({ detail: 'Item not found' });
  });

  it('GET /items pages with its Paginator dependency: X-Total-Count, and a bad limit is a 422', async () => {
    const page = await fetch(`${url}/items?limit=1`);
    expect(page.status).toBe(200);
    expect(Number(page.headers.get('x-total-count'))).toBeGreaterThanOrEqual(1);
    expect(await page.json()).toEqual([{ id: 1, name: 'Plumbus', price: 9.99 }]);
    const bad = await fetch(`${url}/items?limit=0&offset=x`);
    expect(bad.status).toBe(422);
    const { detail } = (await bad.json()) as { detail: Array<{ loc: unknown[] }> };
    expect(detail.map((issue) => issue.loc)).toEqual([
      ['query', 'limit'],
      ['query', 'offset'],
    ]);
  });

  it('rate limits per X-API-Key through the controller dependency', async () => {
    const first = await fetch(`${url}/items/1`, { headers: { 'x-api-key': 'k-1' } });
    const other = await fetch(`${url}/items/1`, { headers: { 'x-api-key': 'k-2' } });
    expect(first.headers.get('x-ratelimit-remaining')).toBe('99');
    expect(other.headers.get('x-ratelimit-remaining')).toBe('99');
  });

  it('POST /items without credentials is a 401 with WWW-Authenticate, whatever the body', async () => {
    const response = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', price: 'free' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({ detail: 'Not authenticated' });
  });

  it('POST /items creates with 201 and Location, and refuses bad bodies with 422', async () => {
    const created = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer example-token' },
      body: JSON.stringify({ name: 'Fleeb', price: 3 }),
    });
    expect(created.status).toBe(201);
    const item = (await created.json()) as { id: number };
    expect(item).toEqual({ id: expect.any(Number), name: 'Fleeb', price: 3 });
    expect(created.headers.get('location')).toBe(`/items/${item.id}`);
    expect(await (await fetch(`${url}${created.headers.get('location')}`)).json()).toEqual(item);

    const bad = await fetch(`${url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer example-token' },
      body: JSON.stringify({ name: '', price: 'free' }),
    });
    expect(bad.status).toBe(422);
    const { detail } = (await bad.json()) as { detail: Array<{ loc: unknown[] }> };
    expect(detail.map((issue) => issue.loc)).toEqual(
      expect.arrayContaining([
        ['body', 'name'],
        ['body', 'price'],
      ]),
    );
  });

  it('exposes the app headers to origins listed in CORS_ORIGINS, and only to them', async () => {
    const allowed = await fetch(`${url}/items/1`, { headers: { origin: 'http://other.test' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://other.test');
    expect(allowed.headers.get('access-control-expose-headers')).toBe(
      'X-Cat-Dog, X-RateLimit-Limit, X-RateLimit-Remaining, Location',
    );
    const refused = await fetch(`${url}/items/1`, { headers: { origin: 'http://evil.test' } });
    expect(refused.headers.has('access-control-allow-origin')).toBe(false);
  });

  it('POST and DELETE /session set and delete an HttpOnly, SameSite=Lax session cookie', async () => {
    const started = await fetch(`${url}/session`, { method: 'POST' });
    expect(started.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^session=[0-9a-f-]{36}; Max-Age=3600; Path=\/; HttpOnly; SameSite=Lax$/),
    ]);
    const ended = await fetch(`${url}/session`, { method: 'DELETE' });
    expect(ended.headers.getSetCookie()).toEqual([
      'session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax',
    ]);
  });
});
