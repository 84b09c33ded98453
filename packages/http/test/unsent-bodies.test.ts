import { createReadStream, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Response } from '@herald/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Controller, Get, Res, StreamingResponse } from '../src/index.js';
import { eventually, rawConnect, rawExchange } from './raw-http.js';
import { serve } from './serve.js';

const thisFile = fileURLToPath(import.meta.url);
const missingFile = `${thisFile}.missing`;
let generatorFinished = false;

@Controller()
class FilesController {
  @Get('/file')
  file() {
    return new StreamingResponse(createReadStream(thisFile), { mediaType: 'text/plain' });
  }

  @Get('/missing')
  missing() {
    return new StreamingResponse(createReadStream(missingFile));
  }

  @Get('/missing-no-content')
  missingNoContent(@Res() response: Response) {
    response.status = 204;
    return new StreamingResponse(createReadStream(missingFile));
  }

  @Get('/endless')
  endless() {
    async function* forever() {
      try {
        for (;;) yield 'tick\n';
      } finally {
        generatorFinished = true;
      }
    }
    return new StreamingResponse(forever());
  }
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;
const head = (path: string) => `HEAD ${path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n`;

const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);
afterEach(() => {
  process.off('uncaughtException', onUncaught);
});

describe('a stream body that is not sent', () => {
  it('on HEAD, closes a failing source without crashing the process (ENOENT)', async () => {
    uncaught.length = 0;
    process.on('uncaughtException', onUncaught);
    const { url } = await serve([FilesController]);
    const reply = await rawExchange(url, head('/missing'));
    expect(reply.text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(reply.text.endsWith('\r\n\r\n')).toBe(true);
    // The source's failure arrives after the answer; give it the time to reach the process.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(uncaught).toEqual([]);
    expect((await fetch(`${url}/file`)).status).toBe(200);
  });

  it('with a bodyless status, closes a failing source without crashing the process', async () => {
    uncaught.length = 0;
    process.on('uncaughtException', onUncaught);
    const { url } = await serve([FilesController]);
    const reply = await rawExchange(url, 'GET /missing-no-content HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n');
    expect(reply.text).toMatch(/^HTTP\/1\.1 204 No Content\r\n/);
    expect(reply.text).not.toMatch(/content-(type|length)/i);
    expect(reply.text.endsWith('\r\n\r\n')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(uncaught).toEqual([]);
  });

  it('releases the file descriptor of every HEAD on a file stream', async () => {
    const { url } = await serve([FilesController]);
    await rawExchange(url, head('/file'));
    const before = openDescriptors();
    for (let index = 0; index < 200; index++) {
      const reply = await rawExchange(url, head('/file'));
      expect(reply.text.endsWith('\r\n\r\n')).toBe(true);
    }
    // Each HEAD used to keep its file open for good: 200 more descriptors.
    expect(await eventually(() => openDescriptors() <= before + 2)).toBe(true);
  });

  it('answers HEAD on an endless stream at once, with no body bytes', async () => {
    const { url } = await serve([FilesController]);
    const reply = await rawExchange(url, head('/endless'));
    expect(reply.closedByServer).toBe(true);
    expect(reply.text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(reply.text.endsWith('\r\n\r\n')).toBe(true);
  });

  it('stops the source when the client leaves mid-stream', async () => {
    generatorFinished = false;
    const { url } = await serve([FilesController]);
    // A GET on the endless stream, cut by the client once a chunk arrived (not after a fixed
    // 100 ms, which a loaded machine can pass before the first chunk): the generator stops.
    const socket = rawConnect(url);
    let text = '';
    const gotChunk = new Promise<void>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (text.includes('tick')) resolve();
      });
    });
    socket.on('error', () => {});
    socket.write('GET /endless HTTP/1.1\r\nHost: test\r\n\r\n');
    await gotChunk;
    socket.destroy();
    expect(text).toContain('tick');
    expect(await eventually(() => generatorFinished)).toBe(true);
  });
});
