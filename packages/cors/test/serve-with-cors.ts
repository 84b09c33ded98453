import type { Response } from '@herald/core';
import { type App, Body, Controller, createApp, Get, HTTPException, JSONResponse, Post, Res } from '@herald/http';
import { ContainerModule } from 'inversify';
import { pino } from 'pino';
import { afterEach } from 'vitest';
import { type CorsOptions, cors } from '../src/index.js';

/** Routes that set the headers CORS must carry or expose. */
@Controller()
export class CorsTestController {
  @Get('/cat')
  cat(@Res() response: Response) {
    response.headers.set('X-Cat-Dog', 'alone in the world');
    response.headers.append('Vary', 'Accept-Encoding');
    response.setCookie('seen', '1');
    return { message: 'Hello World' };
  }

  @Get('/direct')
  direct() {
    return new JSONResponse({}, { headers: { 'X-Direct': '1', 'Content-Language': 'en-US' } });
  }

  @Post('/items')
  create(@Body({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } }) item: object) {
    return item;
  }

  @Get('/missing')
  missing(@Res() response: Response) {
    response.headers.set('X-RateLimit-Remaining', '9');
    throw new HTTPException(404, 'Item not found');
  }

  @Get('/crash')
  crash() {
    throw new Error('boom');
  }
}

const running: App[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close({ graceMs: 500 })));
});

/** A real app on 127.0.0.1 with `cors(options)` installed the one-line way; closed after the test. */
export async function serveWithCors(
  options: CorsOptions,
  controller: new () => unknown = CorsTestController,
): Promise<string> {
  const app = await createApp({
    modules: [new ContainerModule(({ bind }) => void bind(controller).toSelf())],
    middleware: [cors(options)],
    logger: pino({ level: 'silent' }),
  });
  running.push(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/** A preflight as a browser sends it. */
export function preflight(url: string, origin: string, method: string, headers?: string): Promise<globalThis.Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      ...(headers ? { 'access-control-request-headers': headers } : {}),
    },
  });
}

/**
 * Every `access-control-*` header of `response`, plus `vary`: tests compare the whole set, so a
 * header that should not be there fails them as surely as a missing one.
 */
export function corsHeadersOf(response: globalThis.Response): Record<string, string> {
  return Object.fromEntries(
    [...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'),
  );
}
