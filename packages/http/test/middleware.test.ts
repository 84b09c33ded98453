import { type Response, ResponseAlreadySentError } from '@herald/core';
import { describe, expect, it } from 'vitest';
import { appendVary, Controller, Get, type Middleware, OutgoingResponse } from '../src/index.js';
import { serve } from './serve.js';

@Controller()
class PingController {
  @Get('/ping')
  ping() {
    return 'pong';
  }

  @Get('/crash')
  crash() {
    throw new Error('boom');
  }
}

const trace =
  (name: string, order: string[]): Middleware =>
  async (_context, next) => {
    order.push(`${name} in`);
    const response = await next();
    order.push(`${name} out`);
    response.headers.append('x-trace', name);
    appendVary(response.headers, 'Origin');
    return response;
  };

describe('middleware', () => {
  it('wraps routing in order, onion style, on every response including 404 and 500', async () => {
    const order: string[] = [];
    const { url } = await serve([PingController], { middleware: [trace('outer', order), trace('inner', order)] });
    for (const [path, status] of [
      ['/ping', 200],
      ['/nowhere', 404],
      ['/crash', 500],
    ] as const) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(status);
      expect(response.headers.get('x-trace')).toBe('inner, outer');
      expect(response.headers.get('vary')).toBe('Origin');
    }
    expect(order.slice(0, 4)).toEqual(['outer in', 'inner in', 'inner out', 'outer out']);
    expect(await (await fetch(`${url}/ping`)).json()).toBe('pong');
  });

  it('can answer without calling next', async () => {
    let reached = false;
    const gate: Middleware = (context, next) => {
      if (context.headers['x-key'] !== 'open sesame') return new OutgoingResponse(401, '{"detail":"Unauthorized"}');
      reached = true;
      return next();
    };
    const { url } = await serve([PingController], { middleware: [gate] });
    expect((await fetch(`${url}/ping`)).status).toBe(401);
    expect(reached).toBe(false);
    expect((await fetch(`${url}/ping`, { headers: { 'x-key': 'open sesame' } })).status).toBe(200);
  });

  it('seals the temporal Response when it answers without next: a later write throws', async () => {
    let temporal: Response | undefined;
    const gate: Middleware = (context) => {
      temporal = context.response;
      context.response.headers.set('x-before', 'kept');
      return new OutgoingResponse(401, '{"detail":"Unauthorized"}');
    };
    const { url } = await serve([PingController], { middleware: [gate] });
    expect((await fetch(`${url}/ping`)).status).toBe(401);
    expect(temporal?.sent).toBe(true);
    expect(() => temporal?.headers.set('x-late', '1')).toThrow(ResponseAlreadySentError);
    expect(() => {
      if (temporal) temporal.status = 200;
    }).toThrow(ResponseAlreadySentError);
  });

  it('turns its own failure into a bare 500', async () => {
    const broken: Middleware = () => {
      throw new Error('middleware bug');
    };
    const { url, logs } = await serve([PingController], { middleware: [broken] });
    const response = await fetch(`${url}/ping`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ detail: 'Internal Server Error' });
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'Middleware failed' }));
  });

  it('sees the temporal Response and the request scope of its request', async () => {
    const tagger: Middleware = async (context, next) => {
      context.response.headers.set('x-from-middleware', context.path);
      return next();
    };
    const { url } = await serve([PingController], { middleware: [tagger] });
    expect((await fetch(`${url}/ping`)).headers.get('x-from-middleware')).toBe('/ping');
  });

  it('finds the temporal Response sealed after next(): a late write throws instead of vanishing', async () => {
    let lateWrite: unknown;
    const late: Middleware = async (context, next) => {
      const response = await next();
      try {
        context.response.headers.set('x-too-late', '1');
      } catch (error) {
        lateWrite = error;
      }
      response.headers.set('x-on-time', '1');
      return response;
    };
    const { url } = await serve([PingController], { middleware: [late] });
    const response = await fetch(`${url}/ping`);
    expect(lateWrite).toBeInstanceOf(ResponseAlreadySentError);
    expect(response.headers.get('x-on-time')).toBe('1');
    expect(response.headers.has('x-too-late')).toBe(false);
  });
});

describe('a middleware that breaks the response', () => {
  it('still gets the client a 500 instead of a hang', async () => {
    const invalid: Middleware = async (_context, next) => {
      const response = await next();
      response.status = 1000;
      return response;
    };
    const { url, logs } = await serve([PingController], { middleware: [invalid] });
    const response = await fetch(`${url}/ping`);
    expect(response.status).toBe(500);
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'Failed to write the response' }));
  });

  it('gives next() a promise whatever the inner middleware does: answers synchronously or throws', async () => {
    // An outer middleware written against the promise: `.then` and `.catch` on what next() gave.
    const outer: Middleware = (_context, next) =>
      next()
        .then((response) => {
          response.headers.set('x-outer', 'seen');
          return response;
        })
        .catch(() => new OutgoingResponse(503, '{"detail":"fallback"}'));
    const inner: Middleware = (context) => {
      if (context.headers['x-fail'] === 'yes') throw new Error('inner broke');
      return new OutgoingResponse(200, '{"inner":true}');
    };
    const { url } = await serve([PingController], { middleware: [outer, inner] });
    const answered = await fetch(`${url}/ping`);
    expect(answered.status).toBe(200);
    expect(answered.headers.get('x-outer')).toBe('seen');
    expect(await answered.json()).toEqual({ inner: true });
    const failed = await fetch(`${url}/ping`, { headers: { 'x-fail': 'yes' } });
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ detail: 'fallback' });
  });
});
