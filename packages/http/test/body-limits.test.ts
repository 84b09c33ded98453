import { request } from 'node:http';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Body, Controller, type Middleware, Post } from '../src/index.js';
import { rawConnect, rawExchange } from './raw-http.js';
import { serve } from './serve.js';

let received: unknown;

@Controller()
class EchoController {
  @Post('/echo')
  echo(@Body(Type.Object({}, { additionalProperties: true })) body: Record<string, unknown>) {
    received = body;
    return { keys: Object.keys(body), polluted: ({} as Record<string, unknown>).polluted ?? null };
  }
}

/** Sends a body in chunks with no Content-Length, as a streaming client would. */
function postChunked(url: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const post = (url: string, body: string, contentType = 'application/json') =>
  fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('request bodies', () => {
  it('refuses a declared length over the limit with 413 before reading it', async () => {
    const { url } = await serve([EchoController], { bodyLimit: 64 });
    const response = await post(url, JSON.stringify({ text: 'x'.repeat(100) }));
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ detail: 'Request body is larger than 64 bytes' });
  });

  it('closes the connection after a 413 behind middleware too', async () => {
    const passThrough: Middleware = (_context, next) => next();
    const { url } = await serve([EchoController], { bodyLimit: 64, middleware: [passThrough] });
    const response = await post(url, JSON.stringify({ text: 'x'.repeat(100) }));
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('refuses a chunked body once it passes the limit', async () => {
    const { url } = await serve([EchoController], { bodyLimit: 64 });
    const response = await postChunked(url, ['{"text":"', 'x'.repeat(50), 'y'.repeat(50), '"}']);
    expect(response.status).toBe(413);
  });

  it('accepts a body of exactly bodyLimit bytes and refuses one byte more', async () => {
    const { url } = await serve([EchoController], { bodyLimit: 64 });
    const exact = JSON.stringify({ text: 'x'.repeat(64 - '{"text":""}'.length) });
    expect(Buffer.byteLength(exact)).toBe(64);
    expect((await post(url, exact)).status).toBe(200);
    expect((await postChunked(url, [exact.slice(0, 30), exact.slice(30)])).status).toBe(200);
    const over = JSON.stringify({ text: 'x'.repeat(65 - '{"text":""}'.length) });
    expect((await post(url, over)).status).toBe(413);
    expect((await postChunked(url, [over.slice(0, 30), over.slice(30)])).status).toBe(413);
  });

  it('refuses a chunked body over the limit while the client is still sending', async () => {
    const { url } = await serve([EchoController], { bodyLimit: 64 });
    const socket = rawConnect(url);
    let reply = '';
    socket.on('data', (chunk) => (reply += chunk));
    socket.on('error', () => {});
    socket.write(
      'POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    const chunk = `{"text":"${'x'.repeat(100)}`;
    socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    // The request is not finished (no last chunk), yet the answer comes.
    for (let attempt = 0; attempt < 100 && !reply.includes('\r\n\r\n'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    socket.destroy();
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply).toMatch(/connection: close/i);
  });

  it('answers Expect: 100-continue over the limit with 413, never inviting the upload', async () => {
    const { url } = await serve([EchoController], { bodyLimit: 64 });
    // One byte over is over.
    const reply = await rawExchange(
      url,
      'POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 65\r\nExpect: 100-continue\r\n\r\n',
    );
    expect(reply.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply.text).not.toContain('100 Continue');
  });

  it('invites the upload of Expect: 100-continue within the limit, up to exactly the limit', async () => {
    // '{"a":1}' is 7 bytes: exactly the limit.
    const { url } = await serve([EchoController], { bodyLimit: 7 });
    const socket = rawConnect(url);
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk;
      if (reply === 'HTTP/1.1 100 Continue\r\n\r\n') socket.write('{"a":1}');
    });
    socket.write(
      'POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 7\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n',
    );
    await new Promise((resolve) => socket.on('close', resolve));
    expect(reply).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
    expect(reply).toContain('{"keys":["a"],"polluted":null}');
  });

  it('count nesting as depth, not brackets: 1,000 levels pass however long the body, 1,001 do not', async () => {
    const { url } = await serve([EchoController]);
    const objects = (depth: number): string => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;
    const padded = (depth: number) => `{"pad":"${'x'.repeat(3000)}","n":${objects(depth - 1)}}`;
    // Long enough to be scanned: the exact limit passes, one more level does not.
    expect((await post(url, padded(1000))).status).toBe(200);
    expect((await post(url, padded(1001))).status).toBe(400);
    // Siblings close before the next opens: 2 × 600 levels side by side are 601 deep.
    expect((await post(url, `{"x":${objects(600)},"y":${objects(600)}}`)).status).toBe(200);
    // Arrays count as objects do.
    const arrays = `{"a":${'['.repeat(1000)}${']'.repeat(1000)}}`;
    expect((await post(url, arrays)).status).toBe(400);
  });

  it('answers malformed JSON with 400', async () => {
    const { url } = await serve([EchoController]);
    const response = await post(url, '{"a": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ detail: 'Malformed JSON body' });
  });

  it('answers a non-JSON body with 415', async () => {
    const { url } = await serve([EchoController]);
    const response = await post(url, 'a=1', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(415);
  });

  it('answers a body with a content coding it does not decode with 415 and Accept-Encoding, identity is read', async () => {
    const { url } = await serve([EchoController]);
    const send = (encoding: string) =>
      fetch(`${url}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{"a":1}',
      });
    for (const encoding of ['gzip', 'br', 'deflate', 'identity, gzip']) {
      const refused = await send(encoding);
      expect(refused.status, encoding).toBe(415);
      expect(refused.headers.get('accept-encoding')).toBe('identity');
      expect(await refused.json()).toEqual({ detail: 'Unsupported Content-Encoding: send the body without one' });
    }
    expect(await (await send('Identity')).json()).toEqual({ keys: ['a'], polluted: null });
  });

  it('answers a JSON media type hidden in a parameter with 415', async () => {
    const { url } = await serve([EchoController]);
    expect((await post(url, '{"a":1}', 'text/plain; x=application/json')).status).toBe(415);
  });

  it('answers a media type that only starts like JSON with 415 (application/json-seq, application/jsonx)', async () => {
    const { url } = await serve([EchoController]);
    expect((await post(url, '{"a":1}', 'application/json-seq')).status).toBe(415);
    expect((await post(url, '{"a":1}', 'application/jsonx')).status).toBe(415);
  });

  it('answers invalid UTF-8 with 400 instead of storing U+FFFD', async () => {
    const { url } = await serve([EchoController]);
    const body = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const response = await fetch(`${url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ detail: 'Malformed JSON body' });
    expect((await post(url, '{"name":"é€😀"}')).status).toBe(200);
  });

  it('accepts +json media types with parameters', async () => {
    const { url } = await serve([EchoController]);
    const response = await post(url, '{"a":1}', 'application/merge-patch+json; charset=utf-8');
    expect(response.status).toBe(200);
  });

  it('drops __proto__ and constructor keys so bodies cannot pollute prototypes', async () => {
    const { url } = await serve([EchoController]);
    const response = await post(
      url,
      '{"a":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ keys: ['a'], polluted: null });
    expect(Object.getPrototypeOf(received)).toBe(Object.prototype);
  });
});
