import type { IncomingMessage } from 'node:http';
import { ContainerModule, inject, injectable } from 'inversify';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Controller, createApp, Get, IncomingRequest, Query } from '../src/index.js';

@Controller('/items')
class Undecorated {
  @Get('')
  list(@Query('limit') limit: string | undefined, forgotten: string) {
    return { limit, forgotten };
  }
}

@Controller('/items')
class First {
  @Get('/:id')
  read() {
    return {};
  }
}

@Controller('/items')
class Second {
  @Get('/:id')
  readAgain() {
    return {};
  }
}

@Controller()
class BadSchema {
  @Get('/search')
  search(@Query('q', { type: 'no-such-type' }) q: string) {
    return { q };
  }
}

@Controller('/hints')
class EarlyHintsRoute {
  // @ts-expect-error 103 is interim; createApp's own check is under test
  @Get('', { status: 103 })
  hints() {
    return {};
  }
}

@injectable()
class RequestAware {
  constructor(@inject(IncomingRequest) readonly request: IncomingMessage) {}
}

@injectable()
class RequestCache {
  constructor(@inject(RequestAware) readonly aware: RequestAware) {}
}

const appWith = (...controllers: Array<new () => unknown>) =>
  createApp({
    logger: pino({ level: 'silent' }),
    modules: [
      new ContainerModule(({ bind }) => {
        for (const controller of controllers) bind(controller).toSelf();
      }),
    ],
  });

const routeDefinitionError = (message: RegExp) =>
  expect.objectContaining({ code: 'HERALD_ERR_ROUTE_DEFINITION', message: expect.stringMatching(message) });

describe('createApp refuses a wrongly declared route', () => {
  it('when a handler parameter has no decorator to say where its value comes from', async () => {
    await expect(appWith(Undecorated)).rejects.toThrow(
      routeDefinitionError(/Parameter 1 of GET \/items has no Herald decorator/),
    );
  });

  it('when two handlers claim the same method and path', async () => {
    await expect(appWith(First, Second)).rejects.toThrow(routeDefinitionError(/Cannot register GET \/items\/:id/));
  });

  it('when a parameter schema is not valid JSON Schema', async () => {
    await expect(appWith(BadSchema)).rejects.toThrow(
      routeDefinitionError(/Invalid schema for query parameters of GET \/search/),
    );
  });

  it('when its status option is not a final status (1xx or out of range)', async () => {
    await expect(appWith(EarlyHintsRoute)).rejects.toThrow(
      routeDefinitionError(/Invalid status of GET \/hints: .*103/),
    );
  });
});

describe('createApp refuses a captive dependency on the request', () => {
  it('when a singleton reaches IncomingRequest, naming the chain', async () => {
    const failure = createApp({
      logger: pino({ level: 'silent' }),
      modules: [
        new ContainerModule(({ bind }) => {
          bind(RequestAware).toSelf();
          bind(RequestCache).toSelf().inSingletonScope();
        }),
      ],
    });
    await expect(failure).rejects.toMatchObject({
      code: 'HERALD_ERR_CAPTIVE_DEPENDENCY',
      chain: ['RequestCache', 'RequestAware', 'IncomingRequest'],
    });
  });
});
