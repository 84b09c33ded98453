import { RequestScope } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { beforeEach, describe, expect, it } from 'vitest';
import { Body, Controller, Get, Inject, type Middleware, Post, StreamingResponse, scopeFree } from '../src/index.js';
import { serve } from './serve.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** What `RequestScope.current()` was, compared with the scope the route was given. */
const seen: Record<string, boolean | 'none'> = {};
const record = (key: string, own: RequestScope) => {
  const current = RequestScope.current();
  seen[key] = current === undefined ? 'none' : current === own;
};
beforeEach(() => {
  for (const key of Object.keys(seen)) delete seen[key];
});

@Controller()
class ContextController {
  @Get('/sync')
  sync(@Inject(RequestScope) scope: RequestScope) {
    record('sync now', scope);
    setTimeout(() => record('sync timer', scope));
    return {};
  }

  @Get('/async')
  async async(@Inject(RequestScope) scope: RequestScope) {
    await tick();
    record('async after await', scope);
    return {};
  }

  @Post('/body')
  body(@Body(Type.Object({ n: Type.Integer() })) _body: unknown, @Inject(RequestScope) scope: RequestScope) {
    record('after the body', scope);
    return {};
  }

  @Get('/stream')
  stream(@Inject(RequestScope) scope: RequestScope) {
    return new StreamingResponse(
      (async function* () {
        await tick();
        record('stream after await', scope);
        yield 'done';
      })(),
    );
  }
}

describe('the request scope in code a route continues', () => {
  it('is current in a synchronous handler, but a timer it starts does not carry it', async () => {
    const { url } = await serve([ContextController]);
    expect((await fetch(`${url}/sync`)).status).toBe(200);
    await tick();
    expect(seen['sync now']).toBe(true);
    // A route Herald can prove synchronous runs without AsyncLocalStorage (docs/dependencies.md).
    expect(seen['sync timer']).toBe('none');
  });

  it("is current after an async handler's await", async () => {
    const { url } = await serve([ContextController]);
    expect((await fetch(`${url}/async`)).status).toBe(200);
    expect(seen['async after await']).toBe(true);
  });

  it('is current in a synchronous handler called once the body was read', async () => {
    const { url } = await serve([ContextController]);
    const response = await fetch(`${url}/body`, {
      method: 'POST',
      body: '{"n":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(seen['after the body']).toBe(true);
  });

  it("is current in a stream's source after its awaits, though the handler was synchronous", async () => {
    const { url } = await serve([ContextController]);
    expect(await (await fetch(`${url}/stream`)).text()).toBe('done');
    expect(seen['stream after await']).toBe(true);
  });
});

describe('the request scope in code a route or a middleware continues, in an app with middleware', () => {
  /** A middleware that records whether the scope is current once `next()` has answered. */
  const after =
    (key: string): Middleware =>
    async (context, next) => {
      const outgoing = await next();
      record(key, context.scope);
      return outgoing;
    };

  it('is current everywhere while one middleware is not marked scopeFree', async () => {
    const { url } = await serve([ContextController], { middleware: [scopeFree(after('free')), after('plain')] });
    expect((await fetch(`${url}/sync`)).status).toBe(200);
    await tick();
    expect(seen['sync timer']).toBe(true);
    expect(seen.plain).toBe(true);
    expect(seen.free).toBe(true);
  });

  it('is entered only for the routes that need it when every middleware is scopeFree', async () => {
    const { url } = await serve([ContextController], { middleware: [scopeFree(after('free'))] });
    expect((await fetch(`${url}/sync`)).status).toBe(200);
    await tick();
    expect(seen['sync now']).toBe(true);
    expect(seen['sync timer']).toBe('none');
    // What scopeFree promises: the middleware reaches its request through `context`, not the storage.
    expect(seen.free).toBe('none');
    expect((await fetch(`${url}/async`)).status).toBe(200);
    expect(seen['async after await']).toBe(true);
    expect(await (await fetch(`${url}/stream`)).text()).toBe('done');
    expect(seen['stream after await']).toBe(true);
  });
});
