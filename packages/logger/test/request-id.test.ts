import { Controller, Get, HTTPException, JSONResponse, Post } from '@herald/http';
import { inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { RequestId } from '../src/index.js';
import { serveLogged } from './serve-logged.js';

@injectable()
class Echo {
  constructor(@inject(RequestId) readonly requestId: string) {}
}

@Controller()
class IdController {
  constructor(@inject(Echo) private readonly echo: Echo) {}

  @Get('/ok')
  ok() {
    return { seen: this.echo.requestId };
  }

  @Get('/crash')
  crash() {
    throw new Error('boom');
  }

  @Get('/teapot')
  teapot() {
    throw new HTTPException(418, 'short and stout');
  }

  @Get('/direct')
  direct() {
    return new JSONResponse({ direct: true });
  }

  @Post('/only-post')
  onlyPost() {
    return {};
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function serve() {
  return serveLogged([IdController], {
    bind: (context) => {
      context.bind(Echo).toSelf().inRequestScope();
    },
  });
}

describe('the request id', () => {
  it.each([
    ['a 200', '/ok', 200],
    ['a 404', '/nowhere', 404],
    ['a 405', '/only-post', 405],
    ['an HTTPException', '/teapot', 418],
    ['an unexpected error', '/crash', 500],
    ['a direct response', '/direct', 200],
  ])('comes back as given on %s, and is on its access line', async (_case, path, status) => {
    const { url, accessLines } = await serve();
    const response = await fetch(`${url}${path}`, { headers: { 'X-Request-Id': 'trace-42.a_b:c' } });
    expect(response.status).toBe(status);
    expect(response.headers.get('x-request-id')).toBe('trace-42.a_b:c');
    const [line] = await accessLines(1);
    expect(line).toMatchObject({ reqId: 'trace-42.a_b:c', status });
  });

  it('is injectable, the same value the response carries', async () => {
    const { url } = await serve();
    const response = await fetch(`${url}/ok`);
    expect(await response.json()).toEqual({ seen: response.headers.get('x-request-id') });
  });

  it('is a fresh UUID for each request that brings none, on 200s and 500s alike', async () => {
    const { url } = await serve();
    const ids = await Promise.all(
      ['/ok', '/ok', '/crash', '/nowhere'].map(async (path) =>
        (await fetch(`${url}${path}`)).headers.get('x-request-id'),
      ),
    );
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['over-long', 'a'.repeat(129)],
    ['with a space', 'two words'],
    ['with quotes and braces', '"},"level":60'],
    ['repeated', ['first', 'second']],
    ['empty', ''],
  ])('is replaced when the incoming one is %s', async (_case, incoming) => {
    const { url, accessLines } = await serve();
    const headers = new Headers();
    for (const value of [incoming].flat()) headers.append('X-Request-Id', value);
    for (const path of ['/ok', '/crash']) {
      const response = await fetch(`${url}${path}`, { headers });
      expect(response.headers.get('x-request-id')).toMatch(UUID);
    }
    for (const line of await accessLines(2)) expect(line.reqId).toMatch(UUID);
  });

  it('is kept at the longest length allowed', async () => {
    const { url } = await serve();
    const longest = 'x'.repeat(128);
    const response = await fetch(`${url}/ok`, { headers: { 'X-Request-Id': longest } });
    expect(response.headers.get('x-request-id')).toBe(longest);
  });
});
