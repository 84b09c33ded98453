import type { Response } from '@herald/core';
import { describe, expect, it } from 'vitest';
import {
  ContentResponse,
  Controller,
  Get,
  type HttpResponse,
  JSONResponse,
  type Middleware,
  Param,
  PlainTextResponse,
  Res,
} from '../src/index.js';
import { rawResponse } from './raw-http.js';
import { serve } from './serve.js';

/**
 * Without middleware a returned response class is written straight from its own and the temporal
 * headers; with one, through an `OutgoingResponse` the middleware can see. Both must send the
 * same bytes: status, every header in the same order, length and body.
 */
const answers: Record<string, (response: Response) => HttpResponse> = {
  // The common case: own headers, temporal headers, a class content type.
  own: (response) => {
    response.headers.set('X-Rate', '9');
    response.setCookie('session', 'abc');
    return new JSONResponse({ ok: true }, { headers: { 'X-Cat-Dog': 'alone', 'Content-Language': 'en' } });
  },
  // The same name on both: the response's own wins, in the temporal one's place.
  overlap: (response) => {
    response.headers.set('X-Shared', 'temporal');
    response.headers.set('X-Rate', '9');
    return new JSONResponse([1], { headers: { 'X-Shared': 'own' } });
  },
  // Cookies from both writers are all sent.
  cookies: (response) => {
    response.setCookie('a', '1');
    return new JSONResponse(null).setCookie('b', '2');
  },
  vary: (response) => {
    response.headers.set('Vary', 'Accept');
    return new JSONResponse({}, { headers: { Vary: 'Origin' } });
  },
  'temporal type': (response) => {
    response.headers.set('Content-Type', 'application/vnd.x+json');
    return new JSONResponse({});
  },
  'media type': (response) => {
    response.headers.set('X-Rate', '9');
    return new PlainTextResponse('hi', { mediaType: 'text/markdown' });
  },
  'own type header': () => new ContentResponse('<a/>', { headers: { 'Content-Type': 'application/xml' } }),
  'no type': () => new ContentResponse(new Uint8Array([1, 2, 3])),
  'temporal status': (response) => {
    response.status = 202;
    return new JSONResponse({});
  },
  'own status': (response) => {
    response.status = 202;
    return new JSONResponse({}, { status: 201 });
  },
  bodyless: (response) => {
    response.headers.set('X-Rate', '9');
    return new JSONResponse({}, { status: 204 });
  },
  empty: () => new ContentResponse(null, { status: 200 }),
};

@Controller()
class Answers {
  @Get('/:name')
  answer(@Param('name') name: string, @Res() response: Response) {
    return (answers[name] as (response: Response) => HttpResponse)(response);
  }
}

describe('a returned response class', () => {
  it('is sent byte for byte the same with and without middleware, on GET and HEAD', async () => {
    const passThrough: Middleware = (_context, next) => next();
    const plain = await serve([Answers]);
    const wrapped = await serve([Answers], { middleware: [passThrough] });
    for (const name of Object.keys(answers)) {
      for (const method of ['GET', 'HEAD'] as const) {
        const target = `/${encodeURIComponent(name)}`;
        const direct = await rawResponse(plain.url, method, target);
        expect(direct, `${method} ${name}`).toMatch(/^HTTP\/1\.1 2\d\d /);
        expect(direct, `${method} ${name}`).toBe(await rawResponse(wrapped.url, method, target));
      }
    }
  });
});
