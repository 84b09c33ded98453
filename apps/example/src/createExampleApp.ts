import { Response } from '@herald/core';
import { type App, createApp, type Middleware } from '@herald/http';
import { requestLogging } from '@herald/logger';
import { ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import { HelloController } from './hello/HelloController.js';
import { CurrentUser } from './items/CurrentUser.js';
import { ItemStore } from './items/ItemStore.js';
import { ItemsController } from './items/ItemsController.js';
import { Paginator } from './items/Paginator.js';
import { RateLimitCounters, RateLimiter } from './items/RateLimiter.js';
import { UnitOfWork, unitOfWork } from './items/UnitOfWork.js';
import { SessionController } from './session/SessionController.js';
import { SessionCookie } from './session/SessionCookie.js';

/** The example's services and controllers, as a user would write them. */
export const exampleModule = new ContainerModule(({ bind }) => {
  bind(ItemStore).toSelf().inSingletonScope();
  bind(RateLimitCounters).toSelf().inSingletonScope();
  bind(RateLimiter).toSelf().inRequestScope();
  bind(UnitOfWork).toResolvedValue(unitOfWork, [ItemStore, Response]).inRequestScope();
  bind(Paginator).toSelf().inRequestScope();
  bind(CurrentUser).toSelf().inRequestScope();
  bind(SessionCookie).toSelf().inRequestScope();
  bind(HelloController).toSelf();
  bind(ItemsController).toSelf();
  bind(SessionController).toSelf();
});

/**
 * Builds the example app, with request logging (a request id on every response, one access line
 * per request); `middleware` is where CORS goes and `logger` where the lines go (see `main.ts`).
 */
export function createExampleApp(options: { middleware?: Middleware[]; logger?: Logger } = {}): Promise<App> {
  return createApp({ modules: [exampleModule], plugins: [requestLogging()], ...options });
}
