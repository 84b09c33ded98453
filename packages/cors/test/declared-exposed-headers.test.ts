import { Response, SetsHeader } from '@herald/core';
import { Controller, createApp, Get, HTTPException, type Plugin, Query, Res } from '@herald/http';
import { TestClient } from '@herald/testing';
import { Type } from '@sinclair/typebox';
import { ContainerModule, inject, injectable } from 'inversify';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { type CorsOptions, cors } from '../src/index.js';

@SetsHeader('X-RateLimit-Remaining', Type.Integer({ minimum: 0 }))
@SetsHeader('Cache-Control', Type.String())
@injectable()
class Limiter {
  constructor(@inject(Response) response: Response) {
    response.headers.set('X-RateLimit-Remaining', '9');
  }
}

@Controller('/items', { dependencies: [Limiter] })
class ItemsController {
  @Get('/{id}', { responses: { 404: { description: 'Missing', headers: { 'X-Error': { schema: Type.String() } } } } })
  @SetsHeader('ETag')
  read(@Query('missing') missing: string | undefined, @Res() response: Response) {
    if (missing !== undefined) throw new HTTPException(404, 'Item not found', { 'X-Error': 'missing' });
    response.headers.set('ETag', '"1"');
    // Set, but declared nowhere: 'declared' does not expose it ('auto' would).
    response.headers.set('X-Undeclared', 'yes');
    return {};
  }
}

@Controller('/plain')
class PlainController {
  @Get('')
  read() {
    return {};
  }
}

const requestId: Plugin = { headers: [{ name: 'X-Request-Id', schema: { type: 'string' } }], setup: () => undefined };
const origin = 'https://app.example';

async function client(options: CorsOptions): Promise<TestClient> {
  const app = await createApp({
    modules: [
      new ContainerModule(({ bind }) => {
        bind(Limiter).toSelf().inRequestScope();
        bind(ItemsController).toSelf();
        bind(PlainController).toSelf();
      }),
    ],
    middleware: [cors(options)],
    plugins: [requestId],
    logger: pino({ level: 'silent' }),
  });
  return new TestClient(app);
}

describe("exposeHeaders: 'declared'", () => {
  it("exposes each route's declared headers — dependencies', handler's, declared responses', plugins' — never safelisted ones", async () => {
    const test = await client({ allowOrigins: [origin], exposeHeaders: 'declared' });
    const response = await test.get('/items/1', { headers: { origin } });
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'X-Request-Id, X-RateLimit-Remaining, ETag, X-Error',
    );
    // Computed per route, not per response: the 404 gets the same list.
    const missing = await test.get('/items/1?missing=1', { headers: { origin } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-expose-headers')).toBe(
      'X-Request-Id, X-RateLimit-Remaining, ETag, X-Error',
    );
    // HEAD is answered by the GET route, and so is its list.
    const head = await test.head('/items/1', { headers: { origin } });
    expect(head.headers.get('access-control-expose-headers')).toBe(
      'X-Request-Id, X-RateLimit-Remaining, ETag, X-Error',
    );
  });

  it('merges the listed names in first, once each, and keeps routes apart', async () => {
    const test = await client({
      allowOrigins: [origin],
      exposeHeaders: ['x-ratelimit-remaining', 'X-Extra', 'declared'],
    });
    const items = await test.get('/items/1', { headers: { origin } });
    expect(items.headers.get('access-control-expose-headers')).toBe(
      'x-ratelimit-remaining, X-Extra, X-Request-Id, ETag, X-Error',
    );
    const plain = await test.get('/plain', { headers: { origin } });
    expect(plain.headers.get('access-control-expose-headers')).toBe('x-ratelimit-remaining, X-Extra, X-Request-Id');
  });

  it('falls back to the listed names where no route matched (404), and adds nothing for a disallowed origin', async () => {
    const test = await client({ allowOrigins: [origin], exposeHeaders: ['X-Extra', 'declared'] });
    const unknown = await test.get('/nowhere', { headers: { origin } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('access-control-expose-headers')).toBe('X-Extra');
    const other = await test.get('/items/1', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-expose-headers')).toBeNull();
  });

  it("combines with 'auto': declared names plus whatever the response carries", async () => {
    const test = await client({ allowOrigins: [origin], exposeHeaders: ['declared', 'auto'] });
    const response = await test.get('/items/1', { headers: { origin } });
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'X-Request-Id, X-RateLimit-Remaining, ETag, X-Error, x-undeclared',
    );
  });
});
