import { Response, SetsHeader } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import {
  Controller,
  describeRoutes,
  Get,
  HTTPException,
  type Plugin,
  Query,
  Res,
  type RouteDescription,
  type RoutesListener,
} from '../src/index.js';
import { serve } from './serve.js';

@SetsHeader('X-Inner', Type.Integer({ minimum: 0 }), 'Deepest')
@injectable()
class Inner {
  constructor(
    @Query('page', Type.Integer({ default: 1 })) readonly page: number,
    @inject(Response) response: Response,
  ) {
    response.headers.set('X-Inner', '3');
  }
}

@SetsHeader('X-Outer', Type.String())
@injectable()
class Outer {
  constructor(@inject(Inner) readonly inner: Inner) {}
}

@Controller('/things', { dependencies: [Outer] })
class ThingsController {
  @Get('/{id}', { responses: { 404: { description: 'Missing', headers: { 'X-Why': { schema: Type.String() } } } } })
  @SetsHeader('ETag', Type.String())
  read(@Res() response: Response, @Query('mode') mode: string | undefined) {
    if (mode === 'missing') throw new HTTPException(404, 'Missing', { 'X-Why': 'gone' });
    if (mode === 'undeclared') response.headers.set('X-Surprise', 'yes');
    if (mode === 'bad') response.headers.set('X-Inner', 'minus one');
    response.headers.set('ETag', '"1"');
    return {};
  }
}

@Controller('/plain')
class PlainController {
  @Get('')
  read(@Res() response: Response) {
    response.headers.set('X-Plain', 'undeclared');
    return {};
  }
}

const bind = ({ bind }: { bind: (token: unknown) => { toSelf(): { inRequestScope(): unknown } } }) => {
  bind(Inner).toSelf().inRequestScope();
  bind(Outer).toSelf().inRequestScope();
};

const requestId: Plugin = {
  headers: [{ name: 'X-Request-Id', schema: { type: 'string' } }],
  setup: () => async (context, next) => {
    context.response.headers.set('X-Request-Id', 'r1');
    return next();
  },
};

describe('declared response headers', () => {
  it("collect from the route's whole graph at start-up: dependencies at any depth, the handler, plugins", async () => {
    const { app } = await serve([ThingsController], {
      bind: bind as never,
      plugins: [requestId],
      headers: [{ name: 'X-Powered-By', schema: { type: 'string' } }],
    });
    const route = describeRoutes(app).find((one) => one.label === 'GET /things/:id') as RouteDescription;
    expect(route.headers.map(({ name, on, declaredBy }) => `${name} ${on} ${declaredBy}`)).toEqual([
      'X-Request-Id every plugin',
      'X-Powered-By every app',
      'X-Inner every Inner',
      'X-Outer every Outer',
      'ETag success handler',
    ]);
    expect(route.parameters.map((parameter) => `${parameter.in} ${parameter.name} ${parameter.declaredBy}`)).toEqual([
      'query page Inner',
      'query mode handler',
    ]);
    // The HEAD a GET route answers is not listed again.
    expect(describeRoutes(app).map((one) => one.label)).toEqual(['GET /things/:id']);
  });

  it('reach plugins and middleware that listen, once per compile', async () => {
    const seen: string[][] = [];
    const listener: Plugin & RoutesListener = {
      setup: () => undefined,
      routesCompiled: (routes) => seen.push(routes.map((route) => route.label)),
    };
    const { app } = await serve([PlainController], { plugins: [listener] });
    expect(seen).toEqual([['GET /plain']]);
    app.container.override(PlainController, { useClass: PlainController });
    expect(seen).toHaveLength(2);
  });
});

describe('strictHeaders', () => {
  it("'error' answers 500 for an undeclared header and for a declared one whose value its schema refuses", async () => {
    const { url, logs } = await serve([ThingsController], { bind: bind as never, strictHeaders: 'error' });
    expect((await fetch(`${url}/things/1`)).status).toBe(200);
    // The 404 with its declared own header, and the dependency headers: all declared.
    expect((await fetch(`${url}/things/1?mode=missing`)).status).toBe(404);
    expect((await fetch(`${url}/things/1?mode=undeclared`)).status).toBe(500);
    expect(logs.some((line) => (line.err as { code?: string })?.code === 'HERALD_ERR_UNDECLARED_HEADER')).toBe(true);
    expect((await fetch(`${url}/things/1?mode=bad`)).status).toBe(500);
    expect(logs.some((line) => (line.err as { code?: string })?.code === 'HERALD_ERR_HEADER_SCHEMA')).toBe(true);
  });

  it("'warn' logs one line per route and header, drops a refused value, and keeps answering", async () => {
    const { url, logs } = await serve([ThingsController, PlainController], {
      bind: bind as never,
      strictHeaders: 'warn',
    });
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${url}/things/1?mode=undeclared`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-surprise')).toBe('yes');
    }
    await fetch(`${url}/plain`);
    const refused = await fetch(`${url}/things/1?mode=bad`);
    expect(refused.status).toBe(200);
    expect(refused.headers.get('x-inner')).toBeNull();
    const warnings = logs
      .filter((line) => line.level === 40)
      .map((line) => `${line.route} ${line.header} ${line.code}`);
    expect(warnings).toEqual([
      'GET /things/:id x-surprise HERALD_ERR_UNDECLARED_HEADER',
      'GET /plain x-plain HERALD_ERR_UNDECLARED_HEADER',
      'GET /things/:id x-inner HERALD_ERR_HEADER_SCHEMA',
    ]);
  });

  it('is off by default outside NODE_ENV=development: nothing checked, nothing logged', async () => {
    const { url, logs } = await serve([PlainController]);
    expect((await fetch(`${url}/plain`)).headers.get('x-plain')).toBe('undeclared');
    expect(logs.filter((line) => line.level === 40)).toEqual([]);
  });
});
