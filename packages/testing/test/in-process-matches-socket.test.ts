import type { App } from '@herald/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, type TestRequest } from '../src/index.js';
import { createFixtureApp } from './fixture-app.js';

let app: App;
let client: TestClient;
let url: string;

beforeAll(async () => {
  app = await createFixtureApp();
  client = new TestClient(app);
  // The socket side of the comparison; the in-process client never needs this.
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(() => app.close({ graceMs: 1000 }));

/** Fields that belong to the connection or the clock, not to what the app answered. */
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

interface Seen {
  status: number;
  headers: Array<[string, string]>;
  setCookie: string[];
  body: string;
}

async function overSocket({ method, path, json, headers }: TestRequest): Promise<Seen> {
  const response = await fetch(url + path, {
    method,
    headers: { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers } as Record<
      string,
      string
    >,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return {
    status: response.status,
    headers: [...response.headers].filter(([name]) => !TRANSPORT.has(name)),
    setCookie: response.headers.getSetCookie(),
    body: await response.text(),
  };
}

async function inProcess(request: TestRequest): Promise<Seen> {
  const response = await client.request(request);
  return {
    status: response.status,
    headers: [...response.headers].filter(([name]) => !TRANSPORT.has(name)),
    setCookie: response.headers.getSetCookie(),
    body: response.text(),
  };
}

describe('an in-process request answers what the same request over a socket answers', () => {
  it('for a success with temporal headers and two cookies', async () => {
    const request: TestRequest = { method: 'GET', path: '/items/7?q=plumbus' };
    const seen = await inProcess(request);
    expect(seen).toEqual(await overSocket(request));
    expect(seen.status).toBe(200);
    expect(seen.headers).toContainEqual(['x-item', '7']);
    expect(seen.headers).toContainEqual(['x-middleware', 'stamp']);
    expect(seen.setCookie).toEqual(['seen=7; Path=/; HttpOnly; SameSite=Lax', 'theme=dark; Path=/; SameSite=Lax']);
    expect(JSON.parse(seen.body)).toEqual({ id: 7, q: 'plumbus' });
  });

  it('for a 404 of an unknown route', async () => {
    const request: TestRequest = { method: 'GET', path: '/nowhere' };
    const seen = await inProcess(request);
    expect(seen).toEqual(await overSocket(request));
    expect(seen.status).toBe(404);
    expect(JSON.parse(seen.body)).toEqual({ detail: 'Not Found' });
  });

  it('for a 422 listing the invalid path parameter and body fields', async () => {
    const request: TestRequest = { method: 'POST', path: '/items', json: { name: '', price: 'free' } };
    const seen = await inProcess(request);
    expect(seen).toEqual(await overSocket(request));
    expect(seen.status).toBe(422);
    expect(JSON.parse(seen.body).detail).toHaveLength(2);
  });

  it('for an HTTPException that keeps the temporal headers and cookies', async () => {
    const request: TestRequest = { method: 'GET', path: '/items/404' };
    const seen = await inProcess(request);
    expect(seen).toEqual(await overSocket(request));
    expect(seen.status).toBe(404);
    expect(seen.headers).toContainEqual(['x-error', 'item-missing']);
    expect(seen.headers).toContainEqual(['x-item', '404']);
    expect(seen.setCookie).toHaveLength(2);
  });

  it('for a streaming response, every chunk included', async () => {
    const request: TestRequest = { method: 'GET', path: '/stream' };
    const seen = await inProcess(request);
    expect(seen).toEqual(await overSocket(request));
    expect(seen.body).toBe('line 1\nline 2\nline 3\n');
    expect(seen.headers).toContainEqual(['x-streamed', 'yes']);
  });

  it('for a stream that fails midway: the connection is cut, so neither side gets a response', async () => {
    await expect(client.get('/stream-broken')).rejects.toThrow();
    await expect(fetch(`${url}/stream-broken`).then((response) => response.text())).rejects.toThrow();
  });

  it('for a HEAD, which has the length of the GET and no body', async () => {
    const request: TestRequest = { method: 'HEAD', path: '/items/7' };
    const seen = await inProcess(request);
    expect(seen).toEqual(await overSocket(request));
    expect(seen.body).toBe('');
    expect(seen.headers).toContainEqual(['content-length', String('{"id":7,"q":null}'.length)]);
  });
});
