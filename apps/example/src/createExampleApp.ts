import { Response } from '@herald/core';
import { type App, createApp, type Middleware, type StrictHeaders } from '@herald/http';
import { requestLogging } from '@herald/logger';
import { openapi } from '@herald/openapi';
import { ContainerModule } from 'inversify';
import type { Logger } from 'pino';
import { HealthController } from './health/HealthController.js';
import { Readiness } from './health/Readiness.js';
import { HelloController } from './hello/HelloController.js';
import { CurrentUser } from './items/CurrentUser.js';
import { ItemStore } from './items/ItemStore.js';
import { ItemsController } from './items/ItemsController.js';
import { Item, NewItem } from './items/item-schemas.js';
import { Paginator } from './items/Paginator.js';
import {
  RateLimitClient,
  RateLimitCounters,
  RateLimiter,
  RateLimitWindow,
  takeRateLimitWindow,
} from './items/RateLimiter.js';
import { UnitOfWork, unitOfWork } from './items/UnitOfWork.js';
import { SessionController } from './session/SessionController.js';
import { SessionCookie } from './session/SessionCookie.js';

/** The example's services and controllers, as a user would write them. */
export const exampleModule = new ContainerModule(({ bind }) => {
  bind(ItemStore).toSelf().inSingletonScope();
  bind(RateLimitClient).toSelf().inRequestScope();
  bind(RateLimitWindow).toResolvedValue(takeRateLimitWindow, [RateLimitCounters, RateLimitClient]).inRequestScope();
  bind(RateLimiter).toSelf().inRequestScope();
  bind(UnitOfWork).toResolvedValue(unitOfWork, [ItemStore, Response]).inRequestScope();
  bind(Paginator).toSelf().inRequestScope();
  bind(CurrentUser).toSelf().inRequestScope();
  bind(SessionCookie).toSelf().inRequestScope();
  bind(HelloController).toSelf();
  bind(ItemsController).toSelf();
  bind(SessionController).toSelf();
});

/** What `main.ts` configures from the environment; tests take the defaults. */
export interface ExampleOptions {
  middleware?: Middleware[];
  logger?: Logger;
  /** In memory (the default) or `RedisRateLimitCounters`, shared between processes. */
  rateLimits?: RateLimitCounters;
  /** What /readyz reports; `main.ts` flips it on SIGTERM. */
  readiness?: Readiness;
  /** How undeclared response headers are treated; the tests make them errors. */
  strictHeaders?: StrictHeaders;
}

/**
 * Builds the example app, with request logging (a request id on every response, one access line
 * per request) and its OpenAPI document at `/openapi.json` with Swagger UI at `/docs`;
 * `middleware` is where CORS goes, `logger` where the lines go (see `main.ts`) and
 * `strictHeaders` how undeclared response headers are treated (the tests make them errors).
 */
export function createExampleApp(options: ExampleOptions = {}): Promise<App> {
  const { rateLimits = new RateLimitCounters(), readiness = new Readiness(), ...rest } = options;
  const operations = new ContainerModule(({ bind }) => {
    bind(RateLimitCounters).toConstantValue(rateLimits);
    bind(Readiness).toConstantValue(readiness);
    bind(HealthController).toSelf();
  });
  return createApp({
    modules: [exampleModule, operations],
    plugins: [
      requestLogging(),
      openapi({
        title: 'Herald example',
        version: '0.1.0',
        description: 'Items, sessions and the examples of FastAPI\'s "Response Headers" page.',
        schemas: { Item, NewItem },
      }),
    ],
    ...rest,
  });
}
