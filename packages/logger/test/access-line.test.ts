import { request } from 'node:http';
import { Controller, Get, Param, StreamingResponse } from '@herald/http';
import { describe, expect, it } from 'vitest';
import { serveLogged } from './serve-logged.js';

@Controller('/items')
class ItemsController {
  @Get('/:id')
  read(@Param('id') id: string) {
    return { id, name: 'Plumbus' };
  }

  @Get('/:id/stream')
  stream() {
    return new StreamingResponse(
      (async function* () {
        yield 'abc';
        yield Buffer.from('défg');
      })(),
    );
  }

  @Get('/:id/pondered')
  async pondered() {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { id: 1 };
  }

  @Get('/:id/slow')
  async slow() {
    // Long enough for the client to give up first.
    async function* forever() {
      yield 'start';
      await new Promise((resolve) => setTimeout(resolve, 2000));
      yield 'never read';
    }
    return new StreamingResponse(forever());
  }
}

describe('the access line', () => {
  it('is one info line per request with method, route pattern, path, status, duration, size and request id', async () => {
    const { url, lines, accessLines } = await serveLogged([ItemsController]);
    const response = await fetch(`${url}/items/7?fields=all`);
    const body = await response.text();
    const [line] = await accessLines(1);
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      reqId: response.headers.get('x-request-id'),
      method: 'GET',
      route: '/items/:id',
      path: '/items/7',
      status: 200,
      size: Buffer.byteLength(body),
    });
    expect(line?.durationMs).toBeTypeOf('number');
    expect(line?.durationMs).toBeGreaterThanOrEqual(0);
    expect(lines).toHaveLength(1);
  });

  it('has no route for a 404 and the status actually sent', async () => {
    const { url, accessLines } = await serveLogged([ItemsController]);
    const response = await fetch(`${url}/nowhere`);
    const body = await response.text();
    const [line] = await accessLines(1);
    expect(line).toMatchObject({ method: 'GET', path: '/nowhere', status: 404, size: Buffer.byteLength(body) });
    expect(line).not.toHaveProperty('route');
  });

  it('counts the bytes a stream produced, and none for HEAD', async () => {
    const { url, accessLines } = await serveLogged([ItemsController]);
    expect(await (await fetch(`${url}/items/1/stream`)).text()).toBe('abcdéfg');
    await fetch(`${url}/items/1`, { method: 'HEAD' });
    const [stream, head] = await accessLines(2);
    expect(stream).toMatchObject({ route: '/items/:id/stream', size: 8 });
    expect(head).toMatchObject({ method: 'HEAD', route: '/items/:id', status: 200, size: 0 });
  });

  it('logs a client that leaves mid-response as an aborted request at info, not as an error', async () => {
    const { url, lines, accessLines } = await serveLogged([ItemsController]);
    await new Promise<void>((resolve, reject) => {
      const req = request(`${url}/items/1/slow`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', reject);
      req.end();
    });
    const [line] = await accessLines(1);
    expect(line).toMatchObject({ level: 30, msg: 'request aborted', aborted: true, status: 200 });
    expect(lines.filter((entry) => entry.level >= 50)).toEqual([]);
  });

  it('still logs a client that leaves before the handler has answered, with no status', async () => {
    const { url, accessLines } = await serveLogged([ItemsController]);
    await fetch(`${url}/items/1/pondered`, { signal: AbortSignal.timeout(50) }).catch(() => undefined);
    const [line] = await accessLines(1);
    expect(line).toMatchObject({
      level: 30,
      msg: 'request aborted',
      aborted: true,
      route: '/items/:id/pondered',
      size: 0,
    });
    expect(line).not.toHaveProperty('status');
  });

  it('is not written below info, while the request id still is', async () => {
    const { url, lines } = await serveLogged([ItemsController], { logger: { level: 'warn' } });
    const response = await fetch(`${url}/items/1/stream`);
    expect(await response.text()).toBe('abcdéfg');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toEqual([]);
  });
});
