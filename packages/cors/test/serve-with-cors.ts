import type { OutgoingHttpHeaders } from 'node:http';
import type { Response } from '@herald/core';
import { type App, Body, Controller, createApp, Get, HTTPException, JSONResponse, Post, Res } from '@herald/http';
import { TestClient, type TestRequest } from '@herald/testing';
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
const clients = new Map<string, TestClient>();
afterEach(async () => {
  clients.clear();
  await Promise.all(running.splice(0).map((app) => app.close({ graceMs: 500 })));
});

async function createCorsApp(options: CorsOptions, controller: new () => unknown): Promise<App> {
  return createApp({
    modules: [new ContainerModule(({ bind }) => void bind(controller).toSelf())],
    middleware: [cors(options)],
    logger: pino({ level: 'silent' }),
  });
}

/**
 * An app with `cors(options)` installed the one-line way, answering in process through
 * `TestClient` (no socket: what CORS decides is headers, not networking). Returns a base URL for
 * this file's `fetch`, which sends a request there to that app.
 */
export async function serveWithCors(
  options: CorsOptions,
  controller: new () => unknown = CorsTestController,
): Promise<string> {
  const base = `http://app-${clients.size + 1}.in-process`;
  clients.set(base, new TestClient(await createCorsApp(options, controller)));
  return base;
}

/** The same app listening on 127.0.0.1, for a real browser; closed after the test. */
export async function listenWithCors(
  options: CorsOptions,
  controller: new () => unknown = CorsTestController,
): Promise<string> {
  const app = await createCorsApp(options, controller);
  running.push(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/** What the tests read of a reply: `fetch`'s shape, over a `TestClient` response. */
export interface Reply {
  status: number;
  headers: Headers;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/** `fetch` for the apps of `serveWithCors`: the request goes to its app in process. */
export async function fetch(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const { origin, pathname, search } = new URL(url);
  const client = clients.get(origin);
  if (client === undefined) throw new Error(`No app at ${origin}: start it with serveWithCors`);
  const response = await client.request({
    method: (init.method ?? 'GET') as TestRequest['method'],
    path: `${pathname}${search}`,
    headers: init.headers as OutgoingHttpHeaders | undefined,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: async () => response.json(),
    text: async () => response.text(),
  };
}

/** A preflight as a browser sends it. */
export function preflight(url: string, origin: string, method: string, headers?: string): Promise<Reply> {
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
export function corsHeadersOf(response: { headers: Headers }): Record<string, string> {
  return Object.fromEntries(
    [...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'),
  );
}
