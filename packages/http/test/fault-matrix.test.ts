import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { RequestScope, Response, ResponseAlreadySentError } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { inject, injectable } from 'inversify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Body,
  Controller,
  Get,
  HTTPException,
  IncomingRequest,
  Inject,
  JSONResponse,
  type Middleware,
  Param,
  Post,
  Res,
  StreamingResponse,
} from '../src/index.js';
import { exchange } from './raw-exchange.js';
import { type LogLines, serve } from './serve.js';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));
const fault = (request: IncomingMessage) => new URL(request.url ?? '/', 'http://x').searchParams.get('fault');

class Declined extends Error {}
class HandlerFailsSync extends Error {}
class HandlerFailsAsync extends Error {}

const Deep3 = Symbol('Deep3');
const Deep2 = Symbol('Deep2');
const cleanups = { registered: 0, ran: 0 };
const late: { error?: unknown } = {};

/** Depth 3: registers a cleanup, then fails as `?fault=` asks — sync, async, or with a bad header. */
function deep3(request: IncomingMessage, response: Response, scope: RequestScope): unknown {
  cleanups.registered++;
  scope.addCleanup(() => void cleanups.ran++);
  switch (fault(request)) {
    case 'deep-sync':
      throw new Error('depth 3 failed synchronously');
    case 'deep-http':
      throw new HTTPException(403, 'depth 3 refused', { 'X-Refused-By': 'depth-3' });
    case 'header-crlf':
      response.headers.set('X-Injected', 'a\r\nSet-Cookie: evil=1');
      break;
    case 'header-nul':
      response.headers.set('X-Injected', 'a\0b');
      break;
    case 'header-name':
      response.headers.set('Bad Name', 'x');
      break;
    case 'cookie-name':
      response.setCookie('bad;name', 'x');
      break;
    case 'cookie-value':
      response.setCookie('session', 'a;b', { encode: (value) => value });
      break;
    case 'cookie-domain':
      response.setCookie('session', 'x', { domain: 'a\r\nb' });
      break;
  }
  return tick().then(() => {
    if (fault(request) === 'deep-async') throw new Error('depth 3 failed after an await');
    return { depth: 3 };
  });
}

@injectable()
class DeepClass {
  constructor(@inject(IncomingRequest) request: IncomingMessage) {
    if (fault(request) === 'constructor') throw new Error('constructor failed');
  }
}

@Controller('/fault')
class FaultController {
  @Get('/ok')
  ok() {
    return { ok: true };
  }

  @Post('/body')
  body(@Body() body: unknown) {
    return { body };
  }

  @Get('/handler-sync')
  handlerSync() {
    throw new Error('handler failed synchronously');
  }

  @Get('/handler-async')
  async handlerAsync() {
    await tick();
    throw new Error('handler failed after an await');
  }

  @Get('/throw/:what')
  throwValue(@Param('what') what: string) {
    throw what === 'string' ? 'a string' : what === 'null' ? null : undefined;
  }

  @Get('/http-sync')
  httpSync(@Res() response: Response) {
    response.headers.set('X-Temporal', 'kept');
    throw new HTTPException(418, 'short and stout');
  }

  @Get('/http-async')
  async httpAsync() {
    await tick();
    throw new HTTPException(409, { reason: 'conflict' });
  }

  @Get('/deep')
  deep(@Inject(Deep2) value: unknown) {
    return { value };
  }

  @Get('/constructor')
  constructorFails(@Inject(DeepClass) _value: DeepClass) {
    return { reached: true };
  }

  @Get('/handled/:which')
  handled(@Param('which') which: string) {
    if (which === 'declined') throw new Declined('card declined');
    if (which === 'sync') throw new HandlerFailsSync('sync handler target');
    throw new HandlerFailsAsync('async handler target');
  }

  @Get('/cleanup/:how')
  cleanup(@Param('how') how: string, @Inject(RequestScope) scope: RequestScope) {
    scope.addCleanup(() => {
      if (how === 'sync') throw new Error('cleanup failed synchronously');
      return tick().then(() => Promise.reject(new Error('cleanup failed after an await')));
    });
    return { cleanup: how };
  }

  // @ts-expect-error the handler's return does not fit its model: the run-time check behind the type is under test
  @Get('/model', { responseModel: Type.Object({ id: Type.Integer() }) })
  model() {
    return { id: 'not-an-integer' };
  }

  @Get('/late-background')
  lateBackground(@Res() response: Response) {
    void tick(20).then(() => {
      try {
        response.headers.set('X-Late', '1');
      } catch (error) {
        late.error = error;
      }
    });
    return { answered: true };
  }

  @Get('/late-stream')
  lateStream(@Res() response: Response) {
    async function* body() {
      yield 'first chunk\n';
      await tick();
      response.headers.set('X-Too-Late', '1');
      yield 'never sent\n';
    }
    return new StreamingResponse(body(), { mediaType: 'text/plain' });
  }
}

const failingMiddleware: Middleware = (context, next) => {
  if (context.path === '/fault/middleware-sync') throw new Error('middleware failed synchronously');
  if (context.path === '/fault/middleware-async') {
    return tick().then(() => Promise.reject(new Error('middleware failed after an await')));
  }
  return next();
};

interface Case {
  path: string;
  status: number;
  body: unknown;
  /** The error-level message a server fault must log; `null`: a client-facing outcome, no error logged. */
  logged: RegExp | null;
  headers?: Record<string, string>;
}

const INTERNAL = { detail: 'Internal Server Error' };
const UNHANDLED = /Unhandled error while handling the request/;
const cases: Case[] = [
  { path: '/fault/handler-sync', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/handler-async', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/throw/string', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/throw/null', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/throw/undefined', status: 500, body: INTERNAL, logged: UNHANDLED },
  {
    path: '/fault/http-sync',
    status: 418,
    body: { detail: 'short and stout' },
    logged: null,
    headers: { 'x-temporal': 'kept' },
  },
  { path: '/fault/http-async', status: 409, body: { detail: { reason: 'conflict' } }, logged: null },
  { path: '/fault/deep?fault=deep-sync', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/deep?fault=deep-async', status: 500, body: INTERNAL, logged: UNHANDLED },
  {
    path: '/fault/deep?fault=deep-http',
    status: 403,
    body: { detail: 'depth 3 refused' },
    logged: null,
    headers: { 'x-refused-by': 'depth-3' },
  },
  { path: '/fault/deep?fault=depth-2-async', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/constructor?fault=constructor', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/handled/declined', status: 402, body: { detail: 'declined' }, logged: null },
  { path: '/fault/handled/sync', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/handled/async', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/cleanup/sync', status: 200, body: { cleanup: 'sync' }, logged: /Request cleanup failed/ },
  { path: '/fault/cleanup/async', status: 200, body: { cleanup: 'async' }, logged: /Request cleanup failed/ },
  { path: '/fault/deep?fault=header-crlf', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/deep?fault=header-nul', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/deep?fault=header-name', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/deep?fault=cookie-name', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/deep?fault=cookie-value', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/deep?fault=cookie-domain', status: 500, body: INTERNAL, logged: UNHANDLED },
  { path: '/fault/model', status: 500, body: INTERNAL, logged: /does not match its response model/ },
  { path: '/fault/middleware-sync', status: 500, body: INTERNAL, logged: /Middleware failed/ },
  { path: '/fault/middleware-async', status: 500, body: INTERNAL, logged: /Middleware failed/ },
  { path: '/fault/nowhere', status: 404, body: { detail: 'Not Found' }, logged: null },
];

const escaped: Array<{ kind: string; error: unknown }> = [];
const onRejection = (error: unknown) => escaped.push({ kind: 'unhandledRejection', error });
const onException = (error: unknown) => escaped.push({ kind: 'uncaughtException', error });
beforeAll(() => {
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
});
afterAll(() => {
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
  // Checked once every case ran: nothing escaped to the process, whichever case caused it.
  expect(escaped).toEqual([]);
});

async function faultApp() {
  return serve([FaultController], {
    middleware: [failingMiddleware],
    exceptionHandlers: new Map<never, never>([
      [Declined as never, (() => new JSONResponse({ detail: 'declined' }, { status: 402 })) as never],
      [
        HandlerFailsSync as never,
        (() => {
          throw new Error('exception handler failed synchronously');
        }) as never,
      ],
      [
        HandlerFailsAsync as never,
        (async () => {
          await tick();
          throw new Error('exception handler failed after an await');
        }) as never,
      ],
    ]),
    bind: ({ bind }) => {
      bind(Deep3).toResolvedValue(deep3, [IncomingRequest, Response, RequestScope]).inRequestScope();
      bind(Deep2)
        .toResolvedValue(
          async (below: unknown, request: IncomingMessage) => {
            await tick();
            if (fault(request) === 'depth-2-async') throw new Error('depth 2 failed after an await');
            return { below };
          },
          [Deep3, IncomingRequest],
        )
        .inRequestScope();
      bind(DeepClass).toSelf().inRequestScope();
    },
  });
}

/** Error-level lines logged since `from`, once the request's cleanups had time to run. */
async function errorsSince(logs: LogLines, from: number): Promise<LogLines> {
  await tick(30);
  return logs.slice(from).filter(({ level }) => Number(level) >= 50);
}

describe('fault matrix', () => {
  it(`answers each of ${cases.length} faults correctly, logs server faults only, and keeps serving`, async () => {
    const { url, logs } = await faultApp();
    const failures: string[] = [];
    for (const { path, status, body, logged, headers = {} } of cases) {
      const from = logs.length;
      const response = await fetch(`${url}${path}`);
      const text = await response.text();
      const errors = await errorsSince(logs, from);
      const problems: string[] = [];
      if (response.status !== status) problems.push(`status ${response.status}`);
      if (text !== JSON.stringify(body)) problems.push(`body ${text}`);
      if (response.headers.get('content-type') !== 'application/json') problems.push('content-type');
      for (const [name, value] of Object.entries(headers)) {
        if (response.headers.get(name) !== value) problems.push(`header ${name}`);
      }
      if (logged === null && errors.length > 0) problems.push(`logged ${JSON.stringify(errors)}`);
      if (logged !== null && !(errors.length === 1 && logged.test(String(errors[0]?.msg)))) {
        problems.push(`expected one error log ${logged}, got ${JSON.stringify(errors.map(({ msg }) => msg))}`);
      }
      // A stack never reaches the client.
      if (/at .+:\d+:\d+/.test(text)) problems.push('stack in body');
      const followUp = await fetch(`${url}/fault/ok`);
      if (followUp.status !== 200 || (await followUp.text()) !== '{"ok":true}') problems.push('follow-up failed');
      if (problems.length > 0) failures.push(`${path}: ${problems.join('; ')}`);
    }
    console.log(`fault matrix: ${cases.length} faults injected, cleanups ${cleanups.ran}/${cleanups.registered} ran`);
    expect(failures).toEqual([]);
    // Every cleanup a failing request registered still ran.
    expect(cleanups.ran).toBe(cleanups.registered);
  }, 30_000);

  it('refuses a write to the temporal Response after it was sent, at the writer', async () => {
    const { url, logs } = await faultApp();
    expect(await (await fetch(`${url}/fault/late-background`)).json()).toEqual({ answered: true });
    await tick(60);
    expect(late.error).toBeInstanceOf(ResponseAlreadySentError);
    expect(logs.filter(({ level }) => Number(level) >= 50)).toEqual([]);
  });

  it('cuts a stream whose generator writes to the sealed Response, logs it, and keeps serving', async () => {
    const { url, logs } = await faultApp();
    const reply = await exchange(url, ['GET /fault/late-stream HTTP/1.1\r\nHost: x\r\n\r\n']);
    // Status and first chunk went out; the chunked body never ends, so the client sees a cut.
    expect(reply.closed).toBe(true);
    expect(reply.responses).toEqual([]);
    expect(String(reply.rest)).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*first chunk/);
    expect(String(reply.rest)).not.toContain('never sent');
    expect(await errorsSince(logs, 0)).toEqual([
      expect.objectContaining({
        msg: 'Failed to write the response',
        err: expect.objectContaining({ type: 'ResponseAlreadySentError' }),
      }),
    ]);
    expect((await fetch(`${url}/fault/ok`)).status).toBe(200);
  });

  it('does not log a client that leaves while its body is read as a server fault (defect 9)', async () => {
    const { url, logs } = await faultApp();
    await exchange(
      url,
      ['POST /fault/body HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":'],
      { idleMs: 50 },
    );
    expect(await errorsSince(logs, 0)).toEqual([]);
    expect((await fetch(`${url}/fault/ok`)).status).toBe(200);
  });
});

/**
 * A promise that rejects and that nobody awaits is outside every request's promise chain: no
 * framework can tie it to a request (fastify does not either — the process's
 * `unhandledRejection` policy decides). Herald installs no process-level handler, since that
 * policy belongs to the app: under Node's default the process dies, after the request already
 * got its answer. These tests pin that reality in a child process.
 */
// Each test starts a child Node process that imports Herald: under a loaded 2-core machine that
// alone passed vitest's 5 s default (both tests failed so in a full run of the http suite).
describe('a rejected promise nobody awaited', { timeout: 30_000 }, () => {
  const fixture = fileURLToPath(new URL('./fixtures/unawaited-rejection.mjs', import.meta.url));

  async function child(args: string[]) {
    const process = spawn(globalThis.process.execPath, [fixture, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    process.stderr.on('data', (chunk) => (stderr += chunk));
    const [line] = (await once(process.stdout, 'data')) as [Buffer];
    return { process, url: String(line).trim(), stderr: () => stderr };
  }

  it('kills the process under Node’s default policy, after the request was answered', async () => {
    const { process, url, stderr } = await child([]);
    const exited = once(process, 'exit');
    const response = await fetch(`${url}/leak`);
    expect(await response.json()).toEqual({ answered: true });
    const [code] = await exited;
    expect(code).not.toBe(0);
    expect(stderr()).toContain('nobody awaited this rejection');
  });

  it('keeps serving when the app installs its own unhandledRejection handler', async () => {
    const { process, url, stderr } = await child(['--app-handles-rejections']);
    try {
      expect((await fetch(`${url}/leak`)).status).toBe(200);
      await tick(50);
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect(stderr()).toContain('app handler saw: nobody awaited this rejection');
    } finally {
      process.kill();
    }
  });
});
