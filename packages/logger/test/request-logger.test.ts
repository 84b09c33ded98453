import { CaptiveDependencyError, RequestScope } from '@herald/core';
import { Controller, createApp, Get, Inject, Param } from '@herald/http';
import { ContainerModule, inject, injectable } from 'inversify';
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger, RequestLogger, requestLogging } from '../src/index.js';
import { serveLogged } from './serve-logged.js';

/** Two levels down from the handler, and knows nothing of the request. */
@injectable()
class PriceLookup {
  constructor(@inject(RequestLogger) private readonly log: Logger) {}

  async price(id: string): Promise<number> {
    // An await between requests: each must still log with its own id.
    await new Promise((resolve) => setTimeout(resolve, Number(id)));
    this.log.info({ id }, 'price looked up');
    return 9.99;
  }
}

@injectable()
class Catalogue {
  constructor(@inject(PriceLookup) private readonly prices: PriceLookup) {}

  describe(id: string) {
    return this.prices.price(id);
  }
}

@Controller('/items')
class ItemsController {
  @Get('/:id')
  async read(@Param('id') id: string, @Inject(Catalogue) catalogue: Catalogue) {
    return { id, price: await catalogue.describe(id) };
  }
}

describe('RequestLogger', () => {
  it("lets a dependency deep in the graph log with the request's id, method and route", async () => {
    const { url, lines, accessLines } = await serveLogged([ItemsController], {
      bind: (context) => {
        context.bind(Catalogue).toSelf().inRequestScope();
        context.bind(PriceLookup).toSelf().inRequestScope();
      },
    });
    // The slower request starts first, so their log lines interleave.
    const [slow, fast] = await Promise.all(
      ['30', '1'].map((id) => fetch(`${url}/items/${id}`, { headers: { 'X-Request-Id': `req-${id}` } })),
    );
    expect([slow?.status, fast?.status]).toEqual([200, 200]);
    await accessLines(2);
    const lookups = lines.filter((line) => line.msg === 'price looked up');
    expect(lookups).toHaveLength(2);
    for (const line of lookups) {
      expect(line).toMatchObject({ reqId: `req-${line.id}`, method: 'GET', route: '/items/:id' });
    }
  });

  it('cannot be captured by a singleton: the app refuses to start', async () => {
    await expect(
      createApp({
        logger: createLogger({ level: 'silent' }),
        plugins: [requestLogging()],
        modules: [
          new ContainerModule(({ bind }) => {
            bind(PriceLookup).toSelf().inSingletonScope();
          }),
        ],
      }),
    ).rejects.toThrow(CaptiveDependencyError);
  });
});

describe('requestLogging and AsyncLocalStorage', () => {
  @Controller()
  class TimerController {
    static seen: string | undefined;
    @Get('/timer')
    timer() {
      setTimeout(() => {
        TimerController.seen = RequestScope.current() === undefined ? 'outside' : 'inside';
      });
      return {};
    }
  }

  it('leaves a synchronous route outside the storage, as an app without middleware does (scopeFree)', async () => {
    const { url } = await serveLogged([TimerController]);
    expect((await fetch(`${url}/timer`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the handler's timer has fired
    expect(TimerController.seen).toBe('outside');
  });
});
