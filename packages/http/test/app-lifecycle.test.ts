import { Agent, get as httpGet } from 'node:http';
import { Readable } from 'node:stream';
import { RequestScope, Response } from '@herald/core';
import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { Controller, createApp, Get, Inject, StreamingResponse } from '../src/index.js';
import { eventually, rawConnect } from './raw-http.js';
import { serve } from './serve.js';

let release: () => void = () => {};
let slowStarted = false;

@Controller()
class SlowController {
  @Get('/slow')
  async slow() {
    await new Promise<void>((resolve) => {
      release = resolve;
      slowStarted = true;
    });
    return { finished: true };
  }

  @Get('/fast')
  fast() {
    return { fast: true };
  }
}

const cleanups: string[] = [];
let started = 0;
let stalledSource: Readable | undefined;

@Controller()
class StuckController {
  @Get('/stuck')
  async stuck(@Inject(RequestScope) scope: RequestScope) {
    scope.addCleanup(() => {
      cleanups.push('stuck');
    });
    started++;
    await new Promise(() => {});
  }

  @Get('/stalled-stream')
  stalled(@Inject(RequestScope) scope: RequestScope) {
    scope.addCleanup(() => {
      cleanups.push('stalled-stream');
    });
    // A source that never produces a byte, like a stuck upstream.
    stalledSource = new Readable({ read() {} });
    return new StreamingResponse(stalledSource);
  }
}

@injectable()
class CachedHeaders {
  constructor(@inject(Response) readonly response: Response) {}
}

describe('the app lifecycle', () => {
  it('fails createApp on a captive dependency, naming the chain', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(CachedHeaders).toSelf().inSingletonScope();
      }),
    ];
    await expect(createApp({ modules })).rejects.toThrow('Singleton CachedHeaders -> Response');
  });

  it('closes gracefully: the in-flight request finishes, new connections are refused', async () => {
    const { url, app } = await serve([SlowController]);
    slowStarted = false;
    const inFlight = fetch(`${url}/slow`);
    // Under load the handler may start late: wait for it rather than for a fixed time.
    expect(await eventually(() => slowStarted)).toBe(true);
    const closing = app.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(fetch(`${url}/slow`)).rejects.toThrow();
    release();
    const response = await inFlight;
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ finished: true });
    await closing;
    expect(app.server.listening).toBe(false);
  });

  it('answers, not resets, a request sent on an idle keep-alive connection while closing', async () => {
    const { url, app } = await serve([SlowController]);
    const idle = rawConnect(url);
    let replies = '';
    idle.on('data', (chunk) => (replies += chunk));
    const closedByServer = new Promise((resolve) => idle.on('close', resolve));
    idle.write('GET /fast HTTP/1.1\r\nHost: test\r\n\r\n');
    expect(await eventually(() => replies.includes('{"fast":true}'))).toBe(true);
    // The connection is idle now; another client's request keeps the app in its grace period.
    slowStarted = false;
    const inFlight = fetch(`${url}/slow`);
    expect(await eventually(() => slowStarted)).toBe(true);
    const closing = app.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    replies = '';
    idle.write('GET /fast HTTP/1.1\r\nHost: test\r\n\r\n');
    await closedByServer;
    expect(replies).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(replies).toMatch(/connection: close/i);
    release();
    expect((await inFlight).status).toBe(200);
    await closing;
  });

  it('resets no request of busy keep-alive clients: each gets an answer, then a refused connection', async () => {
    const { url, app } = await serve([SlowController]);
    const { port } = new URL(url);
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const outcomes = { answered: 0, refused: 0, reset: [] as string[] };
    let stopped = false;
    const one = () =>
      new Promise<void>((resolve) => {
        const request = httpGet({ host: '127.0.0.1', port, path: '/fast', agent }, (response) => {
          response.resume();
          response.on('end', () => {
            outcomes.answered++;
            resolve();
          });
        });
        request.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED') stopped = true;
          if (error.code === 'ECONNREFUSED') outcomes.refused++;
          else outcomes.reset.push(error.message);
          resolve();
        });
      });
    // Twenty clients that always have their next request on the wire, as under load.
    const clients = Array.from({ length: 20 }, async () => {
      while (!stopped) await one();
    });
    await eventually(() => outcomes.answered >= 200);
    await app.close({ graceMs: 2000 });
    await Promise.all(clients);
    agent.destroy();
    expect(outcomes.reset).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('has no URL before it listens', async () => {
    const app = await createApp({ modules: [] });
    expect(() => app.url).toThrow(expect.objectContaining({ code: 'HERALD_ERR_NOT_LISTENING' }));
  });

  it('reports its URL once listening', async () => {
    const { url, app } = await serve([SlowController]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(app.url).toBe(url);
  });
});

describe('closing with requests that never finish', () => {
  it('lets them run for the grace period, then cuts them', async () => {
    started = 0;
    const { url, app } = await serve([StuckController]);
    let outcome = 'pending';
    const stuck = fetch(`${url}/stuck`).then(
      () => (outcome = 'answered'),
      () => (outcome = 'cut'),
    );
    expect(await eventually(() => started === 1)).toBe(true);
    const closing = app.close({ graceMs: 600 });
    // Well inside the grace period the request is still alive: an immediate cut would show here.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outcome).toBe('pending');
    await closing;
    await stuck;
    expect(outcome).toBe('cut');
    expect(app.server.listening).toBe(false);
  });

  it("runs every cut request's cleanups before close() resolves", async () => {
    cleanups.length = 0;
    started = 0;
    const { url, app } = await serve([StuckController]);
    const requests = Array.from({ length: 20 }, () => fetch(`${url}/stuck`).catch(() => 'cut'));
    expect(await eventually(() => started === 20)).toBe(true);
    await app.close({ graceMs: 100 });
    expect(cleanups).toHaveLength(20);
    await Promise.all(requests);
  });

  it('closes a stalled stream source when its connection is cut', async () => {
    const { url, app } = await serve([StuckController]);
    const request = fetch(`${url}/stalled-stream`).catch(() => 'cut');
    expect(await eventually(() => stalledSource !== undefined)).toBe(true);
    await app.close({ graceMs: 100 });
    expect(stalledSource?.destroyed).toBe(true);
    expect(cleanups).toContain('stalled-stream');
    await request;
  });
});
