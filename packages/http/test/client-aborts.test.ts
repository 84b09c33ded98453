import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Body, Controller, Post } from '../src/index.js';
import { eventually, rawConnect } from './raw-http.js';
import { serve } from './serve.js';

@Controller()
class UploadController {
  @Post('/upload')
  upload(@Body(Type.Object({}, { additionalProperties: true })) body: unknown) {
    return body;
  }
}

describe('a client that leaves while its body is read', () => {
  it('is logged at info level at most: no error, no 500 attempted', async () => {
    const { url, logs } = await serve([UploadController]);
    const socket = rawConnect(url);
    socket.on('error', () => {});
    socket.write(
      'POST /upload HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    const left = await eventually(() =>
      logs.find((line) => line.msg === 'The client left before the response was sent'),
    );
    expect(left).toMatchObject({ level: 30, method: 'POST', url: '/upload' });
    expect(logs.filter((line) => Number(line.level) >= 40)).toEqual([]);
  });
});
