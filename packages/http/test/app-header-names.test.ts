import type { Response } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Body, Controller, Get, HTTPException, JSONResponse, type Middleware, Post, Res } from '../src/index.js';
import { serve } from './serve.js';

@Controller()
class HeadersController {
  @Get('/plain')
  plain(@Res() response: Response) {
    response.headers.set('X-Cat-Dog', 'alone in the world');
    return { ok: true };
  }

  @Get('/typed')
  typed(@Res() response: Response) {
    response.headers.set('Content-Type', 'application/vnd.herald+json');
    return { ok: true };
  }

  @Get('/direct')
  direct(@Res() response: Response) {
    response.setCookie('temporal', '1');
    return new JSONResponse({ ok: true }, { headers: { 'Content-Language': 'en-US' } });
  }

  @Get('/missing')
  missing(@Res() response: Response) {
    response.headers.set('X-RateLimit-Remaining', '9');
    throw new HTTPException(404, 'Item not found', { 'X-Error': 'item-missing' });
  }

  @Get('/crash')
  crash(@Res() response: Response) {
    response.headers.set('X-RateLimit-Remaining', '9');
    throw new Error('boom');
  }

  @Post('/upload')
  upload(@Body(Type.Object({})) _body: unknown) {
    return { ok: true };
  }
}

/** Serves `HeadersController` with a middleware that records what `appHeaderNames` held. */
async function serveRecording(bodyLimit?: number) {
  const seen: Record<string, string[]> = {};
  const record: Middleware = async (context, next) => {
    const response = await next();
    seen[`${context.method} ${context.path}`] = [...response.appHeaderNames].sort();
    return response;
  };
  const { url } = await serve([HeadersController], { middleware: [record], bodyLimit });
  return { url, seen };
}

describe('OutgoingResponse.appHeaderNames', () => {
  it('lists what the app set on the temporal Response, not the default content-type', async () => {
    const { url, seen } = await serveRecording();
    await fetch(`${url}/plain`);
    await fetch(`${url}/typed`);
    expect(seen['GET /plain']).toEqual(['x-cat-dog']);
    expect(seen['GET /typed']).toEqual(['content-type']);
  });

  it('lists the headers of a returned response along with the temporal ones', async () => {
    const { url, seen } = await serveRecording();
    await fetch(`${url}/direct`);
    expect(seen['GET /direct']).toEqual(['content-language', 'set-cookie']);
  });

  it("lists an app's HTTPException headers but not the framework's Allow or Connection", async () => {
    const { url, seen } = await serveRecording(8);
    await fetch(`${url}/missing`);
    expect((await fetch(`${url}/plain`, { method: 'DELETE' })).headers.get('allow')).toBe('GET, HEAD');
    const tooLarge = await fetch(`${url}/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(64) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(seen['GET /missing']).toEqual(['x-error', 'x-ratelimit-remaining']);
    expect(seen['DELETE /plain']).toEqual([]);
    expect(seen['POST /upload']).toEqual([]);
  });

  it('is empty on the 500 of an unexpected error, which drops the temporal state', async () => {
    const { url, seen } = await serveRecording();
    expect((await fetch(`${url}/crash`)).status).toBe(500);
    expect(seen['GET /crash']).toEqual([]);
  });
});
