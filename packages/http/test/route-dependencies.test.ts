import { Response } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { Controller, Get, HTTPException, Query } from '../src/index.js';
import { serve } from './serve.js';

// FastAPI's tests/test_dependency_* with `dependencies=[Depends(...)]` on the app, a router and a
// path operation: run for their side effects, outermost first, before the endpoint.
const order: string[] = [];

@injectable()
class RequestId {
  constructor(@inject(Response) response: Response) {
    order.push('app');
    response.headers.set('X-Request-Id', 'r-1');
  }
}

@injectable()
class RequireToken {
  constructor(@Query('token', Type.Optional(Type.String())) token: string | undefined) {
    order.push('controller');
    if (token !== 'jessica') throw new HTTPException(400, 'No Jessica token provided');
  }
}

@injectable()
class RateLimiter {
  constructor(@Query('client', Type.String({ minLength: 1 })) client: string, @inject(Response) response: Response) {
    order.push('route');
    response.headers.set('X-RateLimit-Client', client);
  }
}

@Controller('/guarded', { dependencies: [RequireToken] })
class GuardedController {
  @Get('/limited', { dependencies: [RateLimiter] })
  limited() {
    order.push('handler');
    return order;
  }

  @Get('/open')
  open() {
    order.push('handler');
    return order;
  }
}

// FastAPI's tests/test_response_change_status_code.py: a sub-dependency of a route dependency sets
// the status on the temporal Response.
@injectable()
class StatusSetter {
  constructor(@inject(Response) response: Response) {
    response.status = 201;
  }
}

@injectable()
class ParentDependency {
  constructor(@inject(StatusSetter) readonly setter: StatusSetter) {}
}

@Controller('/status')
class StatusController {
  @Get('', { dependencies: [ParentDependency] })
  main() {
    return { msg: 'Hello World' };
  }
}

@Controller('/public')
class PublicController {
  @Get('')
  index() {
    order.push('handler');
    return order;
  }
}

const bind = ({ bind }: { bind: (service: never) => { toSelf(): { inRequestScope(): void } } }) => {
  for (const service of [RequestId, RequireToken, RateLimiter])
    bind(service as never)
      .toSelf()
      .inRequestScope();
};

describe('route, controller and app dependencies', () => {
  it('run app → controller → route, before the handler, their headers kept', async () => {
    const { url } = await serve([GuardedController, PublicController], {
      bind: bind as never,
      dependencies: [RequestId],
    });
    order.length = 0;
    const response = await fetch(`${url}/guarded/limited?token=jessica&client=c1`);
    expect(await response.json()).toEqual(['app', 'controller', 'route', 'handler']);
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(response.headers.get('x-ratelimit-client')).toBe('c1');
  });

  it('apply to their scope only: a controller dependency guards its routes, not another controller', async () => {
    const { url } = await serve([GuardedController, PublicController], {
      bind: bind as never,
      dependencies: [RequestId],
    });
    order.length = 0;
    expect(await (await fetch(`${url}/public`)).json()).toEqual(['app', 'handler']);
    order.length = 0;
    const refused = await fetch(`${url}/guarded/open`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-request-id')).toBe('r-1');
    expect(await refused.json()).toEqual({ detail: 'No Jessica token provided' });
    expect(order).toEqual(['app', 'controller']);
  });

  it('let a sub-dependency of a route dependency change the status code', async () => {
    const { url } = await serve([StatusController], {
      bind: ({ bind }) => void [StatusSetter, ParentDependency].map((s) => bind(s).toSelf()),
    });
    const response = await fetch(`${url}/status`);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ msg: 'Hello World' });
  });

  it("join a route dependency's invalid inputs to the 422", async () => {
    const { url } = await serve([GuardedController], { bind: bind as never });
    const response = await fetch(`${url}/guarded/limited?token=jessica`);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [{ type: 'missing', loc: ['query', 'client'], msg: 'Field required', input: null }],
    });
  });
});
