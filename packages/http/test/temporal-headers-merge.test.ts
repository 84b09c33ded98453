import { Response } from '@herald/core';
import { inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import {
  appendVary,
  Controller,
  Get,
  HTTPException,
  Inject,
  JSONResponse,
  type Middleware,
  Res,
} from '../src/index.js';
import { parseResponse } from './parse-response.js';
import { rawExchange } from './raw-http.js';
import { serve } from './serve.js';

@injectable()
class DeepDependency {
  constructor(@inject(Response) response: Response) {
    response.headers.set('X-Layer', 'deep');
    response.headers.append('X-Trace', 'deep');
    response.setCookie('deep', '1');
    response.headers.append('Vary', 'Accept');
  }
}

@injectable()
class ShallowDependency {
  constructor(
    @inject(DeepDependency) readonly deep: DeepDependency,
    @inject(Response) response: Response,
  ) {
    response.headers.set('X-Layer', 'shallow');
    response.headers.append('X-Trace', 'shallow');
    response.setCookie('shallow', '2', { httpOnly: true });
    response.headers.append('Vary', 'accept, Accept-Encoding');
  }
}

@Controller()
class MergeController {
  @Get('/headers-and-object/')
  object(@Res() response: Response) {
    response.headers.set('X-Cat-Dog', 'alone in the world');
    return { message: 'Hello World' };
  }

  @Get('/layers')
  layers(@Inject(ShallowDependency) _dependency: ShallowDependency) {
    return { ok: true };
  }

  @Get('/content-type')
  contentType(@Res() response: Response) {
    response.headers.set('Content-Type', 'application/vnd.herald+json');
    return { ok: true };
  }

  @Get('/no-content', { status: 200 })
  noContent(@Res() response: Response) {
    response.status = 204;
    response.headers.set('X-Kept', 'yes');
    return { dropped: true };
  }

  @Get('/direct')
  direct(@Res() response: Response) {
    response.headers.set('X-Cat-Dog', 'temporal');
    response.headers.set('X-Temporal-Only', 'kept');
    response.setCookie('temporal', '1');
    return new JSONResponse(
      { message: 'Hello World' },
      { headers: { 'X-Cat-Dog': 'alone in the world', 'Content-Language': 'en-US', 'Set-Cookie': 'direct=1; Path=/' } },
    );
  }

  @Get('/exception')
  exception(@Res() response: Response) {
    response.headers.set('X-RateLimit-Remaining', '9');
    response.headers.set('X-Error', 'temporal');
    throw new HTTPException(404, 'Item not found', { 'X-Error': 'item-missing' });
  }

  @Get('/crash')
  crash(@Res() response: Response) {
    response.headers.set('X-RateLimit-Remaining', '9');
    response.setCookie('session', 'secret');
    throw new Error('database password is hunter2');
  }

  @Get('/created', { status: 201 })
  created() {
    return { id: 1 };
  }

  @Get('/vary-star')
  varyStar(@Res() response: Response) {
    response.headers.set('Vary', '*');
    return {};
  }

  @Get('/direct-status')
  directStatus(@Res() response: Response) {
    response.status = 201;
    return new JSONResponse({ queued: true }, { status: 202 });
  }

  @Get('/not-modified')
  notModified(@Res() response: Response) {
    response.status = 304;
    response.headers.set('ETag', '"v1"');
    return { unchanged: true };
  }

  @Get('/accepted', { status: 201 })
  accepted(@Res() response: Response) {
    response.status = 202;
    return { id: 1 };
  }
}

describe('the temporal Response merge', () => {
  it('puts a header set in the handler on a plain JSON return', async () => {
    const { url } = await serve([MergeController]);
    const response = await fetch(`${url}/headers-and-object/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cat-dog')).toBe('alone in the world');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ message: 'Hello World' });
  });

  it('lets the last write win across dependency depths, keeps appends, cookies and merges Vary', async () => {
    const { url } = await serve([MergeController, DeepDependency, ShallowDependency]);
    const response = await fetch(`${url}/layers`);
    expect(response.headers.get('x-layer')).toBe('shallow');
    expect(response.headers.get('x-trace')).toBe('deep, shallow');
    expect(response.headers.getSetCookie()).toEqual([
      'deep=1; Path=/; SameSite=Lax',
      'shallow=2; Path=/; HttpOnly; SameSite=Lax',
    ]);
    expect(response.headers.get('vary')).toBe('Accept, Accept-Encoding');
  });

  it('replaces the default content-type with exactly one set on the temporal Response', async () => {
    const { url } = await serve([MergeController]);
    const response = await fetch(`${url}/content-type`);
    expect(response.headers.get('content-type')).toBe('application/vnd.herald+json');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('sends no body, content-type or length for a temporal 204', async () => {
    const { url } = await serve([MergeController]);
    const response = await fetch(`${url}/no-content`);
    expect(response.status).toBe(204);
    expect(response.headers.get('x-kept')).toBe('yes');
    expect(response.headers.has('content-type')).toBe(false);
    expect(response.headers.has('content-length')).toBe(false);
    expect(await response.text()).toBe('');
  });

  it('orders status: temporal over the route declared one over 200', async () => {
    const { url } = await serve([MergeController]);
    expect((await fetch(`${url}/created`)).status).toBe(201);
    expect((await fetch(`${url}/accepted`)).status).toBe(202);
  });

  it('keeps a temporal Vary: * exactly * when middleware appends Origin (RFC 9110 §12.5.5)', async () => {
    const origin: Middleware = async (_context, next) => {
      const response = await next();
      appendVary(response.headers, 'Origin');
      return response;
    };
    const { url } = await serve([MergeController], { middleware: [origin] });
    expect((await fetch(`${url}/vary-star`)).headers.get('vary')).toBe('*');
  });

  it("lets a returned response's own status win over a temporal one", async () => {
    const { url } = await serve([MergeController]);
    const response = await fetch(`${url}/direct-status`);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ queued: true });
  });

  it('sends a temporal 304 with its headers but no content-type, no length and no body, on the wire', async () => {
    const { url } = await serve([MergeController]);
    const raw = (await rawExchange(url, 'GET /not-modified HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).text;
    const reply = parseResponse(raw);
    expect(reply.status).toBe(304);
    expect(reply.headers).toContainEqual(['etag', '"v1"']);
    const names = reply.headers.map(([name]) => name);
    expect(names).not.toContain('content-type');
    expect(names).not.toContain('content-length');
    expect(names).not.toContain('transfer-encoding');
    expect(reply.rest).toBe('');
  });

  it('keeps a direct JSONResponse headers and adds the temporal ones, its own winning', async () => {
    const { url } = await serve([MergeController]);
    const response = await fetch(`${url}/direct`);
    expect(response.headers.get('x-cat-dog')).toBe('alone in the world');
    expect(response.headers.get('content-language')).toBe('en-US');
    expect(response.headers.get('x-temporal-only')).toBe('kept');
    expect(response.headers.getSetCookie()).toEqual(['temporal=1; Path=/; SameSite=Lax', 'direct=1; Path=/']);
    expect(await response.json()).toEqual({ message: 'Hello World' });
  });

  it('keeps temporal headers on an HTTPException, the exception winning on conflict', async () => {
    const { url } = await serve([MergeController]);
    const response = await fetch(`${url}/exception`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('9');
    expect(response.headers.get('x-error')).toBe('item-missing');
    expect(await response.json()).toEqual({ detail: 'Item not found' });
  });

  it('answers an unexpected error with a bare 500: no temporal headers, no stack, logged', async () => {
    const { url, logs } = await serve([MergeController]);
    const response = await fetch(`${url}/crash`);
    expect(response.status).toBe(500);
    expect(response.headers.has('x-ratelimit-remaining')).toBe(false);
    expect(response.headers.getSetCookie()).toEqual([]);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ detail: 'Internal Server Error' });
    expect(text).not.toMatch(/hunter2|at .*\.ts/);
    expect(logs).toContainEqual(expect.objectContaining({ level: 50, route: 'GET /crash' }));
  });
});
