import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Controller, Get, StreamingResponse } from '../src/index.js';
import { rawExchange } from './raw-http.js';
import { serve } from './serve.js';

@Controller()
class BrokenStreamsController {
  @Get('/missing-file')
  missingFile() {
    return new StreamingResponse(createReadStream('/nonexistent/herald-test-file'));
  }

  @Get('/fails-at-once')
  failsAtOnce() {
    async function* broken(down: boolean): AsyncGenerator<string> {
      await Promise.resolve();
      if (down) throw new Error('the source is down');
      yield 'never';
    }
    return new StreamingResponse(broken(true));
  }

  @Get('/fails-midway')
  failsMidway() {
    async function* broken(): AsyncGenerator<string> {
      yield 'first part\n';
      throw new Error('the source broke');
    }
    return new StreamingResponse(broken());
  }
}

describe('a stream whose source fails', () => {
  it('answers 500 when it fails before its first byte (a missing file)', async () => {
    const { url, logs } = await serve([BrokenStreamsController]);
    const response = await fetch(`${url}/missing-file`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ detail: 'Internal Server Error' });
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 50, err: expect.objectContaining({ code: 'ENOENT' }) }),
    );
  });

  it('answers 500 when a generator throws before yielding', async () => {
    const { url } = await serve([BrokenStreamsController]);
    const response = await fetch(`${url}/fails-at-once`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ detail: 'Internal Server Error' });
  });

  it('cuts the connection when it fails midway, since the 200 may already be out', async () => {
    const { url } = await serve([BrokenStreamsController]);
    const reply = await rawExchange(url, 'GET /fails-midway HTTP/1.1\r\nHost: test\r\n\r\n');
    // Whatever part of the 200 got out, chunked framing never completes (no last chunk): the
    // client cannot take a truncated body for a whole one.
    expect(reply.text).not.toMatch(/HTTP\/1\.1 500/);
    expect(reply.text).not.toContain('\r\n0\r\n\r\n');
    expect(reply.closedByServer).toBe(true);
  });
});
