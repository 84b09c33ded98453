import type { App } from '@herald/http';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { InvalidTestRequestError, TestClient } from '../src/index.js';
import { createSessionApp } from './fixture-session.js';

let client: TestClient;
beforeAll(async () => {
  const app: App = await createSessionApp();
  client = new TestClient(app);
});

describe('request options', () => {
  it('send json with its content type, query values (arrays repeat) and headers', async () => {
    const response = await client.post('/echo?tag=a', {
      json: { name: 'Fleeb' },
      query: { tag: ['b', 'c'] },
      headers: { 'X-Trace': 't-1' },
    });
    expect(response.json()).toEqual({
      body: { name: 'Fleeb' },
      tag: ['a', 'b', 'c'],
      type: 'application/json',
      trace: 't-1',
    });
  });

  it('send a raw body as is, with the content type given', async () => {
    const response = await client.request({
      method: 'POST',
      path: '/echo',
      body: '{"raw":true}',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(response.json<{ body: unknown }>().body).toEqual({ raw: true });
    // Typed as asked, and `unknown` when not asked, so a test must say what it expects.
    expectTypeOf(response.json<{ body: unknown }>()).toEqualTypeOf<{ body: unknown }>();
    expectTypeOf(response.json()).toEqualTypeOf<unknown>();
  });

  it('send cookies for one request, encoded', async () => {
    expect((await client.get('/whoami', { cookies: { session: 'a b;c' } })).json()).toEqual({ session: 'a b;c' });
  });

  it('refuse json and body together, and a relative path', async () => {
    await expect(client.post('/echo', { json: {}, body: '{}' })).rejects.toThrow(InvalidTestRequestError);
    await expect(client.get('echo')).rejects.toMatchObject({ code: 'HERALD_ERR_INVALID_TEST_REQUEST' });
  });
});
