import { request } from 'node:http';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Body, Controller, Post } from '../src/index.js';
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

  it('refuses a chunked body once it passes the limit', async () => {
    const { url } = await serve([EchoController], { bodyLimit: 64 });
    const response = await postChunked(url, ['{"text":"', 'x'.repeat(50), 'y'.repeat(50), '"}']);
    expect(response.status).toBe(413);
  });

  it('accepts a body up to the limit', async () => {
    const { url } = await serve([EchoController], { bodyLimit: 64 });
    const response = await postChunked(url, ['{"a":', '1}']);
    expect(response.status).toBe(200);
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
