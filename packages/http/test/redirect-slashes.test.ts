import { describe, expect, it } from 'vitest';
import { Controller, Get, Param, Post } from '../src/index.js';
import { parseResponse } from './parse-response.js';
import { rawExchange } from './raw-http.js';
import { serve } from './serve.js';

@Controller()
class PagesController {
  @Get('/hello/')
  hello() {
    return 'Hello, World!';
  }

  @Get('/items')
  items() {
    return ['a'];
  }

  @Get('/items/{id}')
  item(@Param('id') id: string) {
    return { id };
  }

  @Get('/users/{id}')
  user(@Param('id') id: string) {
    return { id };
  }

  @Get('/both')
  both() {
    return 'get';
  }

  @Post('/both/')
  postBoth() {
    return 'post';
  }
}

/** A prefix of `/` before a route's own `/`: a path that begins with `//`, as a mistake makes. */
@Controller('/')
class SegmentsController {
  @Get('/evil.example/')
  doubled() {
    return 'doubled';
  }
}

@Controller()
class NamesController {
  /** Answers `/\host/` too: a segment may hold a backslash. */
  @Get('/{name}/')
  named(@Param('name') name: string) {
    return { name };
  }
}

/** The status line and the `Location` of one raw request's answer, and its body. */
async function ask(url: string, method: string, target: string) {
  const reply = await rawExchange(url, `${method} ${target} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n`);
  const { status, headers, rest } = parseResponse(reply.text);
  const field = (name: string) => headers.find(([header]) => header === name)?.[1];
  return { status, location: field('location'), length: field('content-length'), body: rest };
}

describe('redirect slashes, as FastAPI and Starlette', () => {
  it('answers the declared form and redirects the other one with 307', async () => {
    const { url } = await serve([PagesController]);
    expect(await ask(url, 'GET', '/hello/')).toMatchObject({ status: 200, body: '"Hello, World!"' });
    expect(await ask(url, 'GET', '/hello')).toEqual({ status: 307, location: '/hello/', length: '0', body: '' });
    expect(await ask(url, 'GET', '/items')).toMatchObject({ status: 200, body: '["a"]' });
    expect(await ask(url, 'GET', '/items/')).toMatchObject({ status: 307, location: '/items' });
  });

  it('strips every trailing slash, keeps the query and follows path parameters', async () => {
    const { url } = await serve([PagesController]);
    expect(await ask(url, 'GET', '/items///')).toMatchObject({ status: 307, location: '/items' });
    expect(await ask(url, 'GET', '/hello?q=a%20b&r=1')).toMatchObject({ status: 307, location: '/hello/?q=a%20b&r=1' });
    expect(await ask(url, 'GET', '/users/42/')).toMatchObject({ status: 307, location: '/users/42' });
  });

  it('redirects whatever the method, once no route has the path as sent', async () => {
    const { url } = await serve([PagesController]);
    expect(await ask(url, 'POST', '/hello')).toMatchObject({ status: 307, location: '/hello/' });
    expect(await ask(url, 'HEAD', '/hello')).toMatchObject({ status: 307, location: '/hello/' });
    // `/both` has a GET route: a POST there is a 405, even though POST `/both/` exists.
    expect(await ask(url, 'POST', '/both')).toMatchObject({ status: 405, location: undefined });
  });

  it('never matches a path parameter to an empty segment, as Starlette’s `[^/]+`', async () => {
    const { url } = await serve([PagesController]);
    // `/items/` is not `/items/{id}` with an empty id: it is `/items` with a slash.
    expect(await ask(url, 'GET', '/items/')).toMatchObject({ status: 307, location: '/items' });
    expect(await ask(url, 'GET', '/items/7')).toMatchObject({ status: 200, body: '{"id":"7"}' });
    expect(await ask(url, 'GET', '/users/')).toMatchObject({ status: 404, location: undefined });
    expect(await ask(url, 'POST', '/users/')).toMatchObject({ status: 404, location: undefined });
  });

  it('answers 404 when neither form has a route, and for the root', async () => {
    const { url } = await serve([PagesController]);
    expect(await ask(url, 'GET', '/nowhere/else/at/all')).toMatchObject({ status: 404, location: undefined });
    expect(await ask(url, 'GET', '//')).toMatchObject({ status: 404, location: undefined });
  });

  it('never redirects to another host: `//host` and `/\\host` are answered 404', async () => {
    const { url } = await serve([SegmentsController, NamesController]);
    // Both other forms have a route (a declared `//` path; a backslashed name), yet a
    // `Location` of `//evil.example/` or `/\evil.example/` would send a browser elsewhere.
    expect(await ask(url, 'GET', '//evil.example/')).toMatchObject({ status: 200 });
    expect(await ask(url, 'GET', '//evil.example')).toMatchObject({ status: 404, location: undefined });
    expect(await ask(url, 'GET', '/\\evil.example/')).toMatchObject({ status: 200 });
    expect(await ask(url, 'GET', '/\\evil.example')).toMatchObject({ status: 404, location: undefined });
  });

  it('leaves a request target in absolute form alone', async () => {
    const { url } = await serve([PagesController]);
    // Its host is the client's to choose: no `Location` is built from it.
    expect(await ask(url, 'GET', 'http://test/hello/')).toMatchObject({ status: 200 });
    expect(await ask(url, 'GET', 'http://evil.example/hello')).toMatchObject({ status: 404, location: undefined });
  });

  it('answers 404 instead when redirectSlashes is false', async () => {
    const { url } = await serve([PagesController], { redirectSlashes: false });
    expect(await ask(url, 'GET', '/hello/')).toMatchObject({ status: 200 });
    expect(await ask(url, 'GET', '/hello')).toMatchObject({ status: 404, location: undefined });
    expect(await ask(url, 'GET', '/items/')).toMatchObject({ status: 404, location: undefined });
  });
});
