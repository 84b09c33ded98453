import type { Response } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import {
  Controller,
  type ExceptionHandlerMap,
  Get,
  HTTPException,
  type HttpResponse,
  JSONResponse,
  type Middleware,
  Param,
  PlainTextResponse,
  Query,
  RedirectResponse,
  Res,
} from '../src/index.js';
import { rawResponse } from './raw-http.js';
import { serve } from './serve.js';

/**
 * Without middleware the answer to an error is written straight from the exception's (or the
 * exception handler's) response and the temporal headers; with one, through an
 * `OutgoingResponse`. Both must send the same bytes: status, every header in the same order,
 * length and body.
 */
class Teapot extends Error {}
class LateTeapot extends Error {}
class Moved extends Error {}

const failures: Record<string, (response: Response) => never> = {
  // The bench's case: a dependency's headers and cookie, then a 404 with its own header.
  exception: (response) => {
    response.headers.set('X-RateLimit-Remaining', '99');
    response.setCookie('seen', '1');
    throw new HTTPException(404, 'Item not found', { 'X-Own': 'yes' });
  },
  // The same name on both: the exception's wins.
  overlap: (response) => {
    response.headers.set('X-Shared', 'temporal');
    throw new HTTPException(409, 'conflict', { 'X-Shared': 'own' });
  },
  // A temporal Content-Type was meant for the success body and is left out of the error's.
  'temporal type': (response) => {
    response.headers.set('Content-Type', 'text/html');
    response.headers.set('X-Rate', '9');
    throw new HTTPException(400, '<script>');
  },
  vary: (response) => {
    response.headers.set('Vary', 'Accept');
    throw new HTTPException(404, 'gone', { Vary: 'Origin' });
  },
  // A temporal status was meant for a success: the exception's own is sent.
  'temporal status': (response) => {
    response.status = 202;
    throw new HTTPException(429, 'slow down', { 'Retry-After': '1' });
  },
  bodyless: (response) => {
    response.headers.set('X-Rate', '9');
    throw new HTTPException(304);
  },
  detail: () => {
    throw new HTTPException(422, { field: 'name', problem: 'missing' });
  },
  handled: (response) => {
    response.headers.set('X-Rate', '9');
    throw new Teapot();
  },
  'handled later': (response) => {
    response.status = 201;
    throw new LateTeapot();
  },
  // A handler's response without a status keeps its class default, not the temporal status.
  moved: (response) => {
    response.status = 201;
    throw new Moved();
  },
  unexpected: (response) => {
    response.headers.set('X-Secret', 'never sent');
    throw new Error('boom');
  },
};

const exceptionHandlers: ExceptionHandlerMap = new Map<
  new (
    ...args: never[]
  ) => Error,
  (error: Error) => HttpResponse | Promise<HttpResponse>
>([
  [Moved, () => new RedirectResponse('/elsewhere')],
  [Teapot, () => new PlainTextResponse("I'm a teapot", { status: 418, headers: { 'X-Brew': 'tea' } })],
  [LateTeapot, async () => new JSONResponse({ detail: 'later' }, { status: 503 })],
]);

@Controller()
class Failing {
  @Get('/fail/:name')
  fail(@Param('name') name: string, @Res() response: Response) {
    return (failures[name] as (response: Response) => never)(response);
  }

  @Get('/count')
  count(@Query('n', Type.Integer()) n: number) {
    return { n };
  }
}

const targets = [
  ...Object.keys(failures).map((name) => ({ method: 'GET', target: `/fail/${encodeURIComponent(name)}` })),
  // Herald's own answers: no route, a method the route does not take, an invalid query.
  { method: 'GET', target: '/nowhere' },
  { method: 'DELETE', target: '/count' },
  { method: 'GET', target: '/count?n=many' },
];

describe('the answer to an error', () => {
  it('is sent byte for byte the same with and without middleware, on GET and HEAD', async () => {
    const passThrough: Middleware = (_context, next) => next();
    const plain = await serve([Failing], { exceptionHandlers });
    const wrapped = await serve([Failing], { exceptionHandlers, middleware: [passThrough] });
    for (const { method, target } of targets) {
      for (const verb of method === 'GET' ? ['GET', 'HEAD'] : [method]) {
        const direct = await rawResponse(plain.url, verb, target);
        expect(direct, `${verb} ${target}`).toMatch(/^HTTP\/1\.1 [345]\d\d /);
        expect(direct, `${verb} ${target}`).toBe(await rawResponse(wrapped.url, verb, target));
      }
    }
  });
});
