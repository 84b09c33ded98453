import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FinalStatus, Response } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import {
  Body,
  Controller,
  Cookie,
  Get,
  Head,
  HTTPException,
  Param,
  Post,
  Query,
  Res,
  StreamingResponse,
} from '../src/index.js';
import { alive, type Exchange, exchange, field, openDescriptors, parseResponses } from './raw-exchange.js';
import { serve } from './serve.js';

const LIMIT = 64 * 1024;
const missing = '/nonexistent/herald-reliability-probe';

@Controller()
class HostileController {
  @Get('/health')
  health() {
    return { ok: true };
  }

  @Post('/echo')
  echo(@Body() body: unknown) {
    return { body };
  }

  @Post('/accept')
  accept(@Body() body: unknown) {
    return { type: Array.isArray(body) ? 'array' : typeof body };
  }

  @Get('/items/:id')
  item(@Param('id') id: string) {
    return { id };
  }

  @Get('/query')
  query(
    @Query('id') id: string | undefined,
    @Query('constructor') ctor: unknown,
    @Query('__proto__') proto: unknown,
    @Query('p1500') late: string | undefined,
  ) {
    return { id: id ?? null, ctor: typeof ctor, proto: typeof proto, late: late ?? null };
  }

  @Get('/cookies')
  cookies(@Cookie('constructor') ctor: unknown, @Cookie('__proto__') proto: unknown) {
    return { ctor: typeof ctor, proto: typeof proto };
  }

  @Get('/status/:code')
  status(@Param('code') code: string, @Query('id', Type.String()) id: string, @Res() response: Response) {
    response.status = Number(code) as FinalStatus; // any number: the setter's check is under test
    response.setCookie('owner', id);
    return { id };
  }

  @Get('/framing')
  framing(@Res() response: Response) {
    response.headers.set('Transfer-Encoding', 'chunked');
    return { ok: true };
  }

  @Get('/html-error')
  htmlError(@Res() response: Response) {
    response.headers.set('Content-Type', 'text/html');
    throw new HTTPException(400, '<script>alert(1)</script>');
  }

  @Get('/missing-file')
  missingFile() {
    return new StreamingResponse(createReadStream(missing));
  }

  @Get('/file')
  file() {
    return new StreamingResponse(createReadStream(fileURLToPath(import.meta.url)));
  }

  @Head('/head-only')
  headOnly() {
    return { head: true };
  }
}

const request = (line: string, fields: string[] = [], body = '') =>
  `${line}\r\n${['Host: probe', ...fields].join('\r\n')}\r\n\r\n${body}`;

function post(path: string, body: string | Buffer, fields: string[] = []): string | Buffer {
  const head = request(`POST ${path} HTTP/1.1`, [
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...fields,
  ]);
  return typeof body === 'string' ? head + body : Buffer.concat([Buffer.from(head), body]);
}

const json = (exchanged: Exchange, index = 0) => JSON.parse(String(exchanged.responses[index]?.body));

async function start() {
  const served = await serve([HostileController], { bodyLimit: LIMIT });
  return served;
}

describe('hostile raw TCP input', () => {
  it('answers malformed request lines and bad header names with 400 and stays up', async () => {
    const { url } = await start();
    const inputs = [
      'GET\r\n\r\n',
      'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
      'G@T /health HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /health HTTP/1.1 trailing\r\nHost: x\r\n\r\n',
      '\x00\x01\x02\x03\r\n\r\n',
      'GET /he\x7flth HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /health HTTP/1.1\nHost: x\n\rX: y\r\n\r\n',
      request('GET /health HTTP/1.1', ['Bad Header: x']),
      request('GET /health HTTP/1.1', ['X-\u00c4: x']),
      request('GET /health HTTP/1.1', [': no-name']),
      request('GET /health HTTP/1.1', ['X-Nul\x00: y']),
      request('GET /health HTTP/1.1', ['X-Value: a\x00b']),
      request('GET /health HTTP/1.1', [' folded: x']),
      'GET /health HTTP/1.1\r\n\r\n', // HTTP/1.1 requires Host (RFC 9112 §3.2)
    ];
    for (const input of inputs) {
      const reply = await exchange(url, [input]);
      expect(
        reply.responses.map(({ status }) => status),
        JSON.stringify(input),
      ).toEqual([400]);
      expect(reply.rest.length).toBe(0);
    }
    expect(await alive(url)).toBe(200);
  });

  it('answers a header section over the limit with 431', async () => {
    const { url } = await start();
    const reply = await exchange(url, [request('GET /health HTTP/1.1', [`X-Big: ${'a'.repeat(64 * 1024)}`])]);
    expect(reply.responses.map(({ status }) => status)).toEqual([431]);
    const longUrl = await exchange(url, [request(`GET /${'a'.repeat(64 * 1024)} HTTP/1.1`)]);
    expect(longUrl.responses.map(({ status }) => status)).toEqual([431]);
    expect(await alive(url)).toBe(200);
  });

  it('refuses a body over the limit with 413 while the client is still sending', async () => {
    const { url, logs } = await start();
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const total = 64 * 1024 * 1024;
    const uploads = Array.from({ length: total / chunk.length }, () => chunk);
    const declared = await exchange(url, [
      request('POST /accept HTTP/1.1', ['Content-Type: application/json', `Content-Length: ${total}`]),
      ...uploads,
    ]);
    expect(declared.responses.map(({ status }) => status)).toEqual([413]);
    expect(declared.written).toBeLessThan(total);

    const chunkedUpload = uploads.map((part) =>
      Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]),
    );
    const chunked = await exchange(url, [
      request('POST /accept HTTP/1.1', ['Content-Type: application/json', 'Transfer-Encoding: chunked']),
      ...chunkedUpload,
      '0\r\n\r\n',
    ]);
    expect(chunked.responses.map(({ status }) => status)).toEqual([413]);
    expect(chunked.written).toBeLessThan(total);
    expect(logs.filter(({ level }) => Number(level) >= 50)).toEqual([]);
    expect(await alive(url)).toBe(200);
  });

  it('accepts a body of exactly the limit and refuses one byte more', async () => {
    const { url } = await start();
    const exact = `"${'a'.repeat(LIMIT - 2)}"`;
    expect((await exchange(url, [post('/accept', exact)])).responses[0]?.status).toBe(200);
    expect((await exchange(url, [post('/accept', `${exact} `)])).responses[0]?.status).toBe(413);
  });

  it('does not invite an upload it will refuse (Expect: 100-continue over the limit)', async () => {
    const { url } = await start();
    const reply = await exchange(url, [
      request('POST /accept HTTP/1.1', [
        'Content-Type: application/json',
        `Content-Length: ${LIMIT * 4}`,
        'Expect: 100-continue',
      ]),
    ]);
    expect(reply.responses.map(({ status }) => status)).toEqual([413]);
  });

  it('refuses request smuggling shapes with 400', async () => {
    const { url } = await start();
    const shapes = [
      ['Content-Length: 4', 'Transfer-Encoding: chunked'],
      ['Transfer-Encoding: chunked', 'Content-Length: 4'],
      ['Content-Length: 4', 'Content-Length: 5'],
      ['Content-Length: 4, 5'],
      ['Content-Length: -4'],
      ['Content-Length: 0x4'],
      ['Transfer-Encoding: chunked, identity'],
      ['Transfer-Encoding: xchunked'],
    ];
    for (const shape of shapes) {
      const reply = await exchange(url, [
        request(
          'POST /accept HTTP/1.1',
          ['Content-Type: application/json', ...shape],
          '0\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n',
        ),
      ]);
      // One 400 and a closed connection: the smuggled GET never runs.
      expect(
        reply.responses.map(({ status }) => status),
        shape.join(' + '),
      ).toEqual([400]);
      expect(reply.closed || reply.responses.length === 1).toBe(true);
    }
    expect(await alive(url)).toBe(200);
  });

  it('refuses JSON nested deeper than 1,000 levels with 400, before anything recurses on it', async () => {
    const { url, logs } = await start();
    const nested = (depth: number, inner = '') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
    // 1,000 levels are echoed back whole; one more, or 30,000, is a client error, not a 500.
    const deepest = await exchange(url, [post('/echo', nested(1000))]);
    expect(deepest.responses[0]?.status).toBe(200);
    expect(json(deepest)).toEqual({ body: JSON.parse(nested(1000)) });
    for (const body of [nested(1001), nested(30_000), `{"a":${nested(30_000)},"__proto__":{"x":1}}`]) {
      const reply = await exchange(url, [post('/echo', body)]);
      expect(reply.responses[0]?.status).toBe(400);
      expect(json(reply)).toEqual({ detail: 'JSON body is nested deeper than 1000 levels' });
    }
    // Brackets inside strings are text, not nesting, escaped quotes and backslashes included.
    const s = `\\"${'['.repeat(5000)}\\`;
    const text = await exchange(url, [post('/echo', JSON.stringify({ s }))]);
    expect(json(text)).toEqual({ body: { s } });
    const open = await exchange(url, [post('/accept', '['.repeat(LIMIT))]);
    expect(open.responses[0]?.status).toBe(400);
    expect(logs.filter(({ level }) => Number(level) >= 50)).toEqual([]);
    expect(await alive(url)).toBe(200);
  });

  it('never lets __proto__ or constructor keys pollute or leak in (body, query, cookies)', async () => {
    const { url } = await start();
    const body =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"a":{"__proto__":{"polluted":3}},"b":1}';
    const echoed = await exchange(url, [post('/echo', body)]);
    expect(json(echoed)).toEqual({ body: { a: {}, b: 1 } });
    await exchange(url, [
      request('GET /query?__proto__[polluted]=1&__proto__.polluted=2&constructor[prototype][polluted]=3 HTTP/1.1'),
    ]);
    await exchange(url, [request('GET /cookies HTTP/1.1', ['Cookie: __proto__=x; constructor=y; polluted=z'])]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // Defect 13: an absent parameter named constructor/__proto__ must read as absent.
    expect(json(await exchange(url, [request('GET /query?id=1 HTTP/1.1')]))).toEqual({
      id: '1',
      ctor: 'undefined',
      proto: 'undefined',
      late: null,
    });
    expect(json(await exchange(url, [request('GET /cookies HTTP/1.1', ['Cookie: a=1'])]))).toEqual({
      ctor: 'undefined',
      proto: 'undefined',
    });
  });

  it('never drops a query parameter silently (defect 13)', async () => {
    const { url } = await start();
    const query = Array.from({ length: 1500 }, (_, index) => `p${index + 1}=${index + 1}`).join('&');
    const reply = await exchange(url, [request(`GET /query?${query} HTTP/1.1`)]);
    const status = reply.responses[0]?.status;
    // Either the parameter is read, or the request is refused with a clear 4xx.
    if (status === 200) expect(json(reply).late).toBe('1500');
    else expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('answers absurd URLs without a 500', async () => {
    const { url, logs } = await start();
    const paths = [
      `/${'a/'.repeat(3000)}`,
      '/items/%E0%A4%A',
      '/items/%zz',
      '/items/%',
      '/items/%00',
      '/items/%C0%AF',
      '//health',
      '/../health',
      '/health/..',
      '/./health',
      '/items/..%2f..%2fetc%2fpasswd',
      '/health?%',
      '/query?id=%E0%A4%A&x=%zz',
      '*',
      'http://evil.example/health',
      '/health#fragment',
    ];
    for (const path of paths) {
      const reply = await exchange(url, [request(`GET ${path} HTTP/1.1`)]);
      const status = reply.responses[0]?.status ?? 0;
      expect(status, path).toBeGreaterThanOrEqual(200);
      expect(status, path).toBeLessThan(500);
    }
    expect(logs.filter(({ level }) => Number(level) >= 50)).toEqual([]);
    expect(await alive(url)).toBe(200);
  });

  it('serves HTTP/1.0 without Host and closes after it', async () => {
    const { url } = await start();
    const reply = await exchange(url, ['GET /health HTTP/1.0\r\n\r\n'], { expect: 2 });
    expect(reply.responses.map(({ status }) => status)).toEqual([200]);
    expect(reply.closed).toBe(true);
  });

  it('answers pipelined requests in order, HEAD without a body', async () => {
    const { url } = await start();
    const reply = await exchange(
      url,
      [
        request('GET /items/1 HTTP/1.1') +
          request('HEAD /items/2 HTTP/1.1') +
          request('GET /items/3 HTTP/1.1') +
          request('HEAD /head-only HTTP/1.1') +
          post('/echo', '{"n":5}'),
      ],
      { expect: 5, heads: [false, true, false, true, false] },
    );
    expect(reply.responses.map(({ status }) => status)).toEqual([200, 200, 200, 200, 200]);
    expect(json(reply, 0)).toEqual({ id: '1' });
    expect(reply.responses[1]?.body.length).toBe(0);
    expect(field(reply.responses[1] as never, 'content-length')).toBe(String('{"id":"2"}'.length));
    expect(json(reply, 2)).toEqual({ id: '3' });
    expect(json(reply, 4)).toEqual({ body: { n: 5 } });
    expect(reply.rest.length).toBe(0);
  });

  it('never answers a request with a 1xx final status (defect 3)', async () => {
    const { url } = await start();
    const reply = await exchange(
      url,
      [request('GET /status/103?id=alice HTTP/1.1') + request('GET /status/200?id=bob HTTP/1.1')],
      { expect: 2 },
    );
    const finals = reply.responses.filter(({ status }) => status >= 200);
    expect(finals.map(({ status }) => status)).toEqual([500, 200]);
    expect(reply.responses.filter(({ status }) => status < 200)).toEqual([]);
    expect(json({ ...reply, responses: finals }, 1)).toEqual({ id: 'bob' });
  });

  it('never sends a temporal Transfer-Encoding beside a Content-Length (defect 7)', async () => {
    const { url } = await start();
    // parseResponses throws on ambiguous framing; the route must answer 500 (the set refused).
    const reply = await exchange(url, [request('GET /framing HTTP/1.1')]);
    expect(reply.responses.map(({ status }) => status)).toEqual([500]);
  });

  it('keeps application/json on an HTTPException body (defect 8)', async () => {
    const { url } = await start();
    const reply = await exchange(url, [request('GET /html-error HTTP/1.1')]);
    expect(reply.responses[0]?.status).toBe(400);
    expect(field(reply.responses[0] as never, 'content-type')).toBe('application/json');
  });

  it('refuses invalid UTF-8 in a JSON body with 400 (defect 12)', async () => {
    const { url } = await start();
    const reply = await exchange(url, [post('/echo', Buffer.from([0x22, 0xff, 0xfe, 0x22]))]);
    expect(reply.responses[0]?.status).toBe(400);
  });

  it('answers HEAD and GET on file streams without crashing or leaking descriptors (defects 1, 2, 11)', async () => {
    const { url } = await start();
    const before = openDescriptors();
    for (let index = 0; index < 50; index++) {
      // HEAD may answer without opening the body (200) or mirror the GET (500); it must not crash.
      const failing = await exchange(url, [request('HEAD /missing-file HTTP/1.1')], { heads: [true] });
      expect([200, 500]).toContain(failing.responses[0]?.status);
      const file = await exchange(url, [request('HEAD /file HTTP/1.1')], { heads: [true] });
      expect(file.responses[0]?.status).toBe(200);
    }
    const get = await exchange(url, [request('GET /missing-file HTTP/1.1')]);
    expect(get.responses.map(({ status }) => status)).toEqual([500]);
    expect(await alive(url)).toBe(200);
    for (let wait = 0; wait < 50 && openDescriptors() > before + 5; wait++) await new Promise((r) => setTimeout(r, 20));
    expect(openDescriptors()).toBeLessThanOrEqual(before + 5);
  });
});

describe('the raw parser the suites rely on', () => {
  it('refuses what is not well-formed HTTP', () => {
    expect(() => parseResponses(Buffer.from('HTTP/1.1 2000 OK\r\n\r\n'))).toThrow(/status line/);
    expect(() => parseResponses(Buffer.from('HTTP/1.1 200 OK\r\nbad header\r\n\r\n'))).toThrow(/field line/);
    expect(() =>
      parseResponses(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n')),
    ).toThrow(/ambiguous/);
    const { responses, rest } = parseResponses(
      Buffer.from(
        'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\nHTTP/1.1 2',
      ),
    );
    expect(responses.map(({ body }) => String(body))).toEqual(['ok', 'hi']);
    expect(String(rest)).toBe('HTTP/1.1 2');
  });
});
