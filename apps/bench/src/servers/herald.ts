import { Response } from '@herald/core';
import { Controller, createApp, Get, Inject, Param } from '@herald/http';
import { createLogger, requestLogging } from '@herald/logger';
import { ContainerModule, inject, injectable } from 'inversify';
import { pino } from 'pino';
import { accessLog, announce, Item, logFile, storedItem } from './item.js';

/** A request-scoped dependency writing to the temporal Response, as Herald apps do. */
@injectable()
class RateLimiter {
  constructor(@inject(Response) response: Response) {
    response.headers.set('x-ratelimit-remaining', '99');
  }
}

@Controller('/items')
class ItemsController {
  @Get('/:id', { responseModel: Item })
  read(@Param('id') _id: string, @Inject(RateLimiter) _limiter: RateLimiter) {
    return storedItem;
  }
}

const app = await createApp({
  modules: [
    new ContainerModule(({ bind }) => {
      bind(RateLimiter).toSelf().inRequestScope();
      bind(ItemsController).toSelf();
    }),
  ],
  // With the access log: @herald/logger's request id, request logger and one line per request.
  ...(accessLog
    ? { logger: createLogger({ level: 'info', destination: logFile }), plugins: [requestLogging()] }
    : { logger: pino({ level: 'silent' }) }),
});
announce(await app.listen({ port: 0, host: '127.0.0.1' }));
