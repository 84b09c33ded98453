import { FramingHeaderError, type Response } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { Controller, Get, HTTPException, JSONResponse, type Middleware, PlainTextResponse, Res } from '../src/index.js';
import { parseResponse } from './parse-response.js';
import { rawExchange } from './raw-http.js';
import { serve } from './serve.js';

// Content-Length, Transfer-Encoding, Connection, Keep-Alive, Upgrade and Trailer say where the
// message ends and what happens to the connection. The adapter writes them; an app value beside
// the computed Content-Length (RFC 9112 §6.1) would let a proxy frame the response differently.

@Controller()
class FramingController {
  @Get('/temporal')
  setsTransferEncodingOnTheTemporalResponse(@Res() response: Response) {
    response.headers.set('Transfer-Encoding', 'chunked');
    return { sent: 'never' };
  }

  @Get('/direct')
  returnsAResponseWithContentLength() {
    return new PlainTextResponse('hello', { headers: { 'Content-Length': '500' } });
  }

  @Get('/exception')
  raisesWithConnection() {
    throw new HTTPException(400, 'nope', { Connection: 'keep-alive, x-secret' });
  }

  @Get('/plain')
  plain() {
    return { ok: true };
  }
}

const GET = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`;

describe('framing headers belong to the framework', () => {
  it('a temporal Transfer-Encoding throws where it is set: 500, the stack names the handler', async () => {
    const { url, logs } = await serve([FramingController]);
    const reply = parseResponse((await rawExchange(url, GET('/temporal'))).text);
    expect(reply.status).toBe(500);
    const logged = logs.find(
      (line) => (line.err as { code?: string } | undefined)?.code === 'HERALD_ERR_FRAMING_HEADER',
    );
    expect((logged?.err as { stack?: string } | undefined)?.stack).toContain(
      'setsTransferEncodingOnTheTemporalResponse',
    );
  });

  it.each(['Content-Length', 'transfer-encoding', 'Connection', 'Keep-Alive', 'Upgrade', 'Trailer'])(
    'response classes and HTTPException refuse %s when built',
    (name) => {
      expect(() => new JSONResponse({}, { headers: { [name]: '1' } })).toThrow(FramingHeaderError);
      expect(() => new JSONResponse({}, { headers: [[name, '1']] })).toThrow(FramingHeaderError);
      expect(() => new HTTPException(400, 'x', { [name]: '1' })).toThrow(
        expect.objectContaining({ code: 'HERALD_ERR_FRAMING_HEADER' }),
      );
    },
  );

  it('middleware cannot set one on the outgoing response either', async () => {
    const chunked: Middleware = async (_context, next) => {
      const response = await next();
      response.headers.set('Transfer-Encoding', 'chunked');
      return response;
    };
    const { url } = await serve([FramingController], { middleware: [chunked] });
    expect(parseResponse((await rawExchange(url, GET('/plain'))).text).status).toBe(500);
  });

  it('nothing sends Transfer-Encoding beside Content-Length, and Content-Length is the real one', async () => {
    const { url } = await serve([FramingController]);
    for (const path of ['/temporal', '/direct', '/exception', '/plain']) {
      const reply = parseResponse((await rawExchange(url, GET(path))).text);
      const names = reply.headers.map(([name]) => name);
      expect(names.filter((name) => name === 'content-length')).toHaveLength(1);
      expect(names).not.toContain('transfer-encoding');
      expect(names.filter((name) => name === 'connection')).toEqual(['connection']);
      const length = Number(reply.headers.find(([name]) => name === 'content-length')?.[1]);
      expect(Buffer.byteLength(reply.rest, 'latin1')).toBe(length);
      expect(reply.headers).toContainEqual(['connection', 'close']);
    }
  });
});
