/**
 * What dependencies with their own parameters cost per request: the seed route (one
 * request-scoped dependency, one path parameter, a response model) against a route whose graph
 * has three dependencies, each with its own validated query/header/cookie parameters, one of
 * them shared. Requests are injected in process (light-my-request), so the figures are Herald's
 * own work, without sockets. Run: `npm run bench -w @herald/http`. Compare the ratio of one run.
 */
import { Response } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { ContainerModule, inject, injectable } from 'inversify';
import { inject as request } from 'light-my-request';
import { pino } from 'pino';
import { bench, describe } from 'vitest';
import { Controller, Cookie, createApp, Get, Header, Inject, Param, Query } from '../src/index.js';

const Item = Type.Object({ id: Type.Integer(), name: Type.String() });

@injectable()
class RateLimiter {
  constructor(@inject(Response) response: Response) {
    response.headers.set('x-ratelimit-remaining', '99');
  }
}

@injectable()
class Paginator {
  constructor(
    @Query('limit', Type.Integer({ minimum: 1, maximum: 100, default: 10 })) readonly limit: number,
    @Query('offset', Type.Integer({ minimum: 0, default: 0 })) readonly offset: number,
  ) {}
}

@injectable()
class Client {
  constructor(
    @Header('x-api-key', Type.String({ minLength: 1 })) readonly key: string,
    @inject(Response) response: Response,
  ) {
    response.headers.set('x-client', key);
  }
}

@injectable()
class Preferences {
  constructor(
    @inject(Client) readonly client: Client,
    @Cookie('theme', Type.Optional(Type.String())) readonly theme: string | undefined,
    @Query('limit', Type.Integer({ minimum: 1, maximum: 100, default: 10 })) readonly limit: number,
  ) {}
}

@Controller('/items')
class ItemsController {
  @Get('/:id', { responseModel: Item })
  seed(@Param('id') _id: string, @Inject(RateLimiter) _limiter: RateLimiter) {
    return { id: 1, name: 'Plumbus' };
  }
}

@Controller('/graph', { dependencies: [Client] })
class GraphController {
  @Get('/:id', { responseModel: Item })
  graph(@Param('id') _id: string, @Inject(Paginator) _paginator: Paginator, @Inject(Preferences) _p: Preferences) {
    return { id: 1, name: 'Plumbus' };
  }
}

const app = await createApp({
  modules: [
    new ContainerModule(({ bind }) => {
      for (const service of [RateLimiter, Paginator, Client, Preferences]) bind(service).toSelf().inRequestScope();
      bind(ItemsController).toSelf();
      bind(GraphController).toSelf();
    }),
  ],
  logger: pino({ level: 'silent' }),
});
const dispatch = app.server.listeners('request')[0] as Parameters<typeof request>[0];
const headers = { 'x-api-key': 'k-1', cookie: 'theme=dark' };
// A benchmark of a 422 would measure the wrong thing: both routes must answer 200.
for (const [url, extra] of [
  ['/items/1', {}],
  ['/graph/1?limit=5&offset=2', headers],
] as const) {
  const { statusCode, body } = await request(dispatch, { url, headers: extra });
  if (statusCode !== 200) throw new Error(`${url} answered ${statusCode}: ${body}`);
}

const options = { time: 2000, warmupTime: 500 };

describe('one request', () => {
  bench(
    'seed route: 1 dependency, 1 path parameter',
    async () => {
      await request(dispatch, { url: '/items/1' });
    },
    options,
  );
  bench(
    'route with 3 dependencies and 5 parameters of their own',
    async () => {
      await request(dispatch, { url: '/graph/1?limit=5&offset=2', headers });
    },
    options,
  );
});
