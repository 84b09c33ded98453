import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Body, Controller, Get, Param, Post } from '../src/index.js';
import { parseResponse } from './parse-response.js';
import { rawExchange } from './raw-http.js';
import { serve } from './serve.js';

// Inputs shaped to make a backtracking regular expression quadratic: a long run of one character
// that two parts of the pattern could share, then a character that fails the match. Each is
// about 16 KiB, what node's header limit lets through, and takes 0.2–0.35 s a request against a
// pattern that splits the run every way; twenty of them must be answered within a second. The
// bound is a denial-of-service guard, not a performance target, and generous.

@Controller()
class InputsController {
  @Get('/pages/')
  pages() {
    return [];
  }

  @Get('/ratio/{value}')
  ratio(@Param('value', Type.Number()) value: number) {
    return { value };
  }

  @Post('/echo')
  echo(@Body(Type.Object({}, { additionalProperties: true })) body: unknown) {
    return body;
  }
}

const RUN = 16_000;

/** The status of each of twenty `request`s, sent one after another, and how long they took in all. */
async function twenty(url: string, request: string | Buffer): Promise<{ statuses: Set<number>; ms: number }> {
  const statuses = new Set<number>();
  const started = performance.now();
  for (let round = 0; round < 20; round++) {
    const reply = await rawExchange(url, request);
    statuses.add(parseResponse(reply.text).status);
  }
  return { statuses, ms: performance.now() - started };
}

describe('inputs that make a backtracking pattern quadratic are answered promptly', () => {
  it('a path of thousands of slashes then another character (the trailing-slash redirect)', async () => {
    const { url } = await serve([InputsController]);
    const path = `/a${'/'.repeat(RUN)}b/`;
    const { statuses, ms } = await twenty(url, `GET ${path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n`);
    expect([...statuses]).toEqual([404]);
    expect(ms).toBeLessThan(1_000);
  });

  it('a number parameter of thousands of digits then a letter', async () => {
    const { url } = await serve([InputsController]);
    const path = `/ratio/${'1'.repeat(RUN)}x`;
    const { statuses, ms } = await twenty(url, `GET ${path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n`);
    expect([...statuses]).toEqual([422]);
    expect(ms).toBeLessThan(1_000);
  });

  it('a Content-Encoding of thousands of no-break spaces then a letter', async () => {
    const { url } = await serve([InputsController]);
    // node strips a value's leading spaces and tabs, not U+00A0 (the obs-text byte 0xA0), which
    // a regular expression's `\s` matches.
    const encoding = `${'\u00a0'.repeat(RUN)}x`;
    const request = Buffer.from(
      `POST /echo HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Encoding: ${encoding}\r\nContent-Length: 2\r\n\r\n{}`,
      'latin1',
    );
    const { statuses, ms } = await twenty(url, request);
    expect([...statuses]).toEqual([415]);
    expect(ms).toBeLessThan(1_000);
  });
});
