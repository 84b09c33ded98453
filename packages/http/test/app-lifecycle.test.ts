import { Response } from '@herald/core';
import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { Controller, createApp, Get } from '../src/index.js';
import { serve } from './serve.js';

let release: () => void = () => {};

@Controller()
class SlowController {
  @Get('/slow')
  async slow() {
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return { finished: true };
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
    const inFlight = fetch(`${url}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
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

describe('closing with a request that never finishes', () => {
  it('gives up after the grace period and cuts the connection', async () => {
    const { url, app } = await serve([SlowController]);
    const stuck = fetch(`${url}/slow`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.close({ graceMs: 100 });
    expect(app.server.listening).toBe(false);
    expect(await stuck).toBe('cut');
    release();
  });
});
