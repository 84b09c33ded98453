import { request } from 'node:http';
import { InvalidHeaderValueError, RequestScope, type Response } from '@herald/core';
import { describe, expect, it } from 'vitest';
import {
  Controller,
  Get,
  HTMLResponse,
  Inject,
  PlainTextResponse,
  RedirectResponse,
  Res,
  StreamingResponse,
} from '../src/index.js';
import { serve } from './serve.js';

const streamEvents: string[] = [];

/** Reads the first chunk of `url`, then hangs up while the server is still streaming. */
function readFirstChunkAndLeave(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

@Controller()
class ClassesController {
  @Get('/text')
  text() {
    return new PlainTextResponse('héllo');
  }

  @Get('/html')
  html() {
    return new HTMLResponse('<h1>hi</h1>', { status: 203 });
  }

  @Get('/redirect')
  redirect(@Res() response: Response) {
    response.headers.set('x-temporal', 'yes');
    return new RedirectResponse('/text?a=b c&done=100%25&é&🐈');
  }

  @Get('/stream')
  stream() {
    async function* chunks() {
      yield 'one,';
      yield new TextEncoder().encode('two');
    }
    return new StreamingResponse(chunks(), { mediaType: 'text/csv' });
  }

  @Get('/endless')
  endless(@Inject(RequestScope) scope: RequestScope) {
    scope.addCleanup(() => {
      streamEvents.push('cleanup ran');
    });
    async function* chunks() {
      try {
        for (;;) yield 'x'.repeat(64 * 1024);
      } finally {
        streamEvents.push('source closed');
      }
    }
    return new StreamingResponse(chunks());
  }

  @Get('/broken-stream')
  brokenStream() {
    async function* chunks() {
      yield 'partial';
      throw new Error('source died');
    }
    return new StreamingResponse(chunks());
  }
}

describe('response classes', () => {
  it('send text and HTML with their media types, lengths and statuses', async () => {
    const { url } = await serve([ClassesController]);
    const text = await fetch(`${url}/text`);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.headers.get('content-length')).toBe(String(Buffer.byteLength('héllo')));
    expect(await text.text()).toBe('héllo');
    const html = await fetch(`${url}/html`);
    expect(html.status).toBe(203);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('redirect with 307 and an encoded Location, carrying temporal headers', async () => {
    const { url } = await serve([ClassesController]);
    const response = await fetch(`${url}/redirect`, { redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/text?a=b%20c&done=100%25&%C3%A9&%F0%9F%90%88');
    expect(response.headers.get('x-temporal')).toBe('yes');
  });

  it('stream an async iterable chunk by chunk', async () => {
    const { url } = await serve([ClassesController]);
    const response = await fetch(`${url}/stream`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(await response.text()).toBe('one,two');
  });

  it('abort the connection when a stream fails midway', async () => {
    const { url, logs } = await serve([ClassesController]);
    // Headers may or may not have left before the abort; either way the client sees a failure,
    // never a truncated body that looks complete.
    await expect(fetch(`${url}/broken-stream`).then((response) => response.text())).rejects.toThrow();
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'Failed to write the response' }));
  });
});

describe('a media type', () => {
  it('is checked where the response is built, like a header value: no CR or LF reaches the wire', () => {
    expect(() => new PlainTextResponse('hi', { mediaType: 'text/plain\r\nX-Injected: 1' })).toThrow(
      InvalidHeaderValueError,
    );
  });
});

describe('a stream whose client leaves', () => {
  it('stops: its source is closed and the request cleanups run', async () => {
    const { url, logs } = await serve([ClassesController]);
    await readFirstChunkAndLeave(`${url}/endless`);
    for (let attempt = 0; attempt < 100 && streamEvents.length < 2; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(streamEvents).toEqual(['source closed', 'cleanup ran']);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 30, msg: 'The client left before the response was complete' }),
    );
  });
});
