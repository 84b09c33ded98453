import type { Response } from '@herald/core';
import { describe, expect, it } from 'vitest';
import {
  ContentResponse,
  Controller,
  Get,
  JSONResponse,
  PlainTextResponse,
  RedirectResponse,
  Res,
  StreamingResponse,
} from '../src/index.js';
import { serve } from './serve.js';

@Controller()
class MediaController {
  @Get('/xml')
  xml() {
    return new ContentResponse('<item id="1"/>', { mediaType: 'application/xml' });
  }

  @Get('/bare')
  bare() {
    return new ContentResponse(new Uint8Array([1, 2, 3]));
  }

  @Get('/csv')
  csv() {
    return new PlainTextResponse('a,b\n1,2\n', { mediaType: 'text/csv' });
  }

  @Get('/declared-charset')
  declaredCharset() {
    return new ContentResponse('abc', { mediaType: 'text/plain; charset=latin1' });
  }

  @Get('/stream-text')
  streamText() {
    async function* lines() {
      yield 'one\n';
    }
    return new StreamingResponse(lines(), { mediaType: 'text/event-stream' });
  }

  @Get('/login')
  login(@Res() response: Response) {
    response.setCookie('temporal', '1');
    return new JSONResponse({ ok: true })
      .setCookie('session', 'abc', { httpOnly: true, maxAge: 60 })
      .setCookie('hint', 'x', { sameSite: null, path: null });
  }

  @Get('/logout')
  logout() {
    return new RedirectResponse('/').deleteCookie('session');
  }
}

describe('ContentResponse, Starlette’s plain Response', () => {
  it('sends its content with the media type given', async () => {
    const { url } = await serve([MediaController]);
    const response = await fetch(`${url}/xml`);
    expect(response.headers.get('content-type')).toBe('application/xml');
    expect(await response.text()).toBe('<item id="1"/>');
  });

  it('sends no Content-Type when none is given', async () => {
    const { url } = await serve([MediaController]);
    const response = await fetch(`${url}/bare`);
    expect(response.headers.get('content-type')).toBeNull();
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(response.headers.get('content-length')).toBe('3');
  });
});

describe('text media types', () => {
  it('get "; charset=utf-8" unless they name a charset, whatever the response class', async () => {
    const { url } = await serve([MediaController]);
    const types = await Promise.all(
      ['/csv', '/declared-charset', '/stream-text'].map(async (path) => {
        const response = await fetch(`${url}${path}`);
        await response.arrayBuffer();
        return response.headers.get('content-type');
      }),
    );
    expect(types).toEqual([
      'text/csv; charset=utf-8',
      'text/plain; charset=latin1',
      'text/event-stream; charset=utf-8',
    ]);
  });
});

describe('cookies on a returned response', () => {
  it('are set with the temporal Response’s options, and the temporal ones are kept', async () => {
    const { url } = await serve([MediaController]);
    const response = await fetch(`${url}/login`);
    expect(response.headers.getSetCookie()).toEqual([
      'temporal=1; Path=/; SameSite=Lax',
      'session=abc; Max-Age=60; Path=/; HttpOnly; SameSite=Lax',
      'hint=x',
    ]);
  });

  it('can be deleted', async () => {
    const { url } = await serve([MediaController]);
    const response = await fetch(`${url}/logout`, { redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(response.headers.getSetCookie()).toEqual([
      'session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Lax',
    ]);
  });

  it('refuse a bad value where it is set, with Herald’s coded error', () => {
    expect(() => new JSONResponse({}).setCookie('bad name', 'v')).toThrow(
      expect.objectContaining({ code: 'HERALD_ERR_INVALID_COOKIE' }),
    );
  });
});
