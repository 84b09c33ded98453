import { Agent, type IncomingMessage, request } from 'node:http';
import { type FinalStatus, Response } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { Controller, Get, HTTPException, IncomingRequest, Inject, Query, Res } from '../src/index.js';
import { openDescriptors } from './raw-exchange.js';
import { serve } from './serve.js';

const REQUESTS = 10_000;
const CONNECTIONS = 200;
/** Every value is `u<index>-<nonce>`; any such token in a reply that is not its own is a leak. */
const VALUE = /u\d+-[a-z0-9]+/g;

const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
const requestValue = (request: IncomingMessage) => new URL(request.url ?? '/', 'http://x').searchParams.get('v') ?? '';
/** What a request asks for, from its value's index: most succeed, some fail on purpose. */
const kindOf = (value: string) => {
  const index = Number(value.slice(1, value.indexOf('-')));
  return index % 10 === 3 ? 'http-exception' : index % 10 === 7 ? 'unexpected' : 'ok';
};
const statusOf = (value: string) => (200 + (Number(value.slice(1, value.indexOf('-'))) % 4)) as FinalStatus;

interface Seen {
  value: string;
}
const Depth3 = Symbol('Depth3');
const Depth2 = Symbol('Depth2');

/** Depth 1, a class: sets the status and its own header and cookie; may fail unexpectedly. */
@injectable()
class Depth1 {
  constructor(
    @inject(Depth2) readonly below: Seen,
    @inject(IncomingRequest) readonly request: IncomingMessage,
    @inject(Response) readonly response: Response,
  ) {}

  async run(): Promise<string> {
    const value = requestValue(this.request);
    await jitter();
    if (kindOf(value) === 'unexpected') throw new Error(`unexpected failure for ${value}`);
    this.response.status = statusOf(value);
    this.response.headers.set('X-Depth-1', value);
    this.response.setCookie('d1', value);
    return this.below.value;
  }
}

@Controller()
class IsolationController {
  @Get('/isolation')
  async isolation(@Query('v', Type.String()) value: string, @Inject(Depth1) depth1: Depth1, @Res() response: Response) {
    await jitter();
    const below = await depth1.run();
    await jitter();
    response.headers.set('X-Handler', value);
    return { value, below };
  }
}

async function isolationApp() {
  return serve([IsolationController], {
    bind: ({ bind }) => {
      // Depths 3 and 2 are async factories: each waits, then writes to the temporal Response.
      bind<Seen>(Depth3)
        .toResolvedValue(
          async (request: IncomingMessage, response: Response) => {
            const value = requestValue(request);
            await jitter();
            response.headers.set('X-Depth-3', value);
            response.setCookie('d3', value);
            return { value };
          },
          [IncomingRequest, Response],
        )
        .inRequestScope();
      bind<Seen>(Depth2)
        .toResolvedValue(
          async (below: Seen, request: IncomingMessage, response: Response) => {
            const value = requestValue(request);
            await jitter();
            response.headers.set('X-Depth-2', below.value);
            response.setCookie('d2', below.value);
            if (kindOf(value) === 'http-exception') throw new HTTPException(409, value, { 'X-Exception': value });
            return below;
          },
          [Depth3, IncomingRequest, Response],
        )
        .inRequestScope();
      bind(Depth1).toSelf().inRequestScope();
    },
  });
}

interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

function get(agent: Agent, url: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** What this value's reply must carry, field by field; anything else carrying a value is foreign. */
function expected(value: string): { status: number; fields: Record<string, string>; cookies: string[]; body: unknown } {
  switch (kindOf(value)) {
    case 'http-exception':
      return {
        status: 409,
        fields: { 'x-depth-3': value, 'x-depth-2': value, 'x-exception': value },
        cookies: [`d3=${value}`, `d2=${value}`],
        body: { detail: value },
      };
    case 'unexpected':
      // An unexpected error drops the temporal state: nothing of the request goes out.
      return { status: 500, fields: {}, cookies: [], body: { detail: 'Internal Server Error' } };
    default:
      return {
        status: statusOf(value),
        fields: { 'x-depth-3': value, 'x-depth-2': value, 'x-depth-1': value, 'x-handler': value },
        cookies: [`d3=${value}`, `d2=${value}`, `d1=${value}`],
        body: { value, below: value },
      };
  }
}

describe('isolation under load', () => {
  it(`keeps ${REQUESTS} requests on ${CONNECTIONS} keep-alive connections apart`, async () => {
    const { url, logs } = await isolationApp();
    const descriptorsBefore = openDescriptors();
    const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const nonce = Math.random().toString(36).slice(2, 8);
    const sockets = new Set<unknown>();
    agent.on('free', (socket) => sockets.add(socket));
    let foreign = 0;
    let missing = 0;
    let wrongStatus = 0;
    const examples: string[] = [];
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < REQUESTS) {
          const value = `u${next++}-${nonce}`;
          const reply = await get(agent, `${url}/isolation?v=${value}`);
          const want = expected(value);
          const cookies = (reply.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]);
          const seen = [JSON.stringify(reply.headers), reply.body].join('\n').match(VALUE) ?? [];
          const alien = seen.filter((token) => token !== value);
          foreign += alien.length;
          let lacking = Object.entries(want.fields).filter(([name, own]) => reply.headers[name] !== own).length;
          lacking += want.cookies.filter((cookie) => !cookies.includes(cookie)).length;
          // Own state where it must not be (the temporal headers on a 500) is as wrong as a gap.
          const names = Object.keys(reply.headers).filter((name) => name.startsWith('x-'));
          lacking += names.filter((name) => !(name in want.fields)).length;
          if (cookies.length !== want.cookies.length) lacking++;
          if (reply.body !== JSON.stringify(want.body)) lacking++;
          missing += lacking;
          if (reply.status !== want.status) wrongStatus++;
          if ((alien.length > 0 || lacking > 0 || reply.status !== want.status) && examples.length < 5) {
            examples.push(`${value}: ${reply.status} ${JSON.stringify(reply.headers)} ${reply.body}`);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    // Closed sockets leave the descriptor table a moment later.
    for (let wait = 0; wait < 100 && openDescriptors() > descriptorsBefore + 5; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const descriptorsAfter = openDescriptors();
    const unexpected = REQUESTS / 10;
    const serverErrors = logs.filter(({ level }) => Number(level) >= 50);
    // Each logged error names its own request: the logger is not crossed either.
    const crossedLogs = serverErrors.filter(({ url: logged, err }) => {
      const own = String(logged).match(VALUE)?.[0];
      return !own || !String((err as { message?: string })?.message).includes(own);
    });
    console.log(
      `isolation: ${REQUESTS} requests, ${sockets.size} connections, ${seconds.toFixed(1)} s; ` +
        `foreign ${foreign}, missing ${missing}, wrong status ${wrongStatus}; ` +
        `faults injected: ${REQUESTS / 10} HTTPException, ${unexpected} unexpected; ` +
        `errors logged ${serverErrors.length}; descriptors ${descriptorsBefore} → ${descriptorsAfter}`,
    );
    expect(examples).toEqual([]);
    expect(foreign).toBe(0);
    expect(missing).toBe(0);
    expect(wrongStatus).toBe(0);
    expect(sockets.size).toBeGreaterThan(CONNECTIONS / 2);
    expect(serverErrors).toHaveLength(unexpected);
    expect(crossedLogs).toEqual([]);
    expect(descriptorsAfter).toBeLessThanOrEqual(descriptorsBefore + 5);
  }, 120_000);
});
