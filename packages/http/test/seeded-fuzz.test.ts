import type { Response } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import {
  Body,
  Controller,
  Cookie,
  Delete,
  Get,
  Header,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamingResponse,
} from '../src/index.js';
import { alive, exchange, mulberry32, openDescriptors } from './raw-exchange.js';
import { serve } from './serve.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const INPUTS = 2000;
const PARALLEL = 8;

const Item = Type.Object({ name: Type.String({ maxLength: 50 }), price: Type.Number({ minimum: 0 }) });

@Controller()
class FuzzController {
  @Get('/health')
  health() {
    return { ok: true };
  }

  @Get('/items/:id', { responseModel: Type.Object({ id: Type.Integer() }) })
  read(@Param('id', Type.Integer({ minimum: 1 })) id: number) {
    return { id, secret: 'not in the model' };
  }

  @Get('/items/:id/tags/:tag')
  tag(@Param('id') id: string, @Param('tag') tag: string, @Res() response: Response) {
    response.setCookie('last-tag', tag);
    return { id, tag };
  }

  @Get('/search')
  search(
    @Query('q') q: string | undefined,
    @Query('limit', Type.Integer({ minimum: 1, maximum: 100, default: 10 })) limit: number,
    @Header('x-token') token: string | undefined,
    @Cookie('session') session: string | undefined,
  ) {
    return { q: q ?? null, limit, token: token ?? null, session: session ?? null };
  }

  @Post('/items', { status: 201 })
  create(@Body(Item) item: unknown) {
    return item;
  }

  @Put('/items/:id')
  replace(@Param('id', Type.Integer()) id: number, @Body(Item) item: unknown) {
    return { id, item };
  }

  @Patch('/echo')
  echo(@Body() body: unknown) {
    return { body };
  }

  @Delete('/items/:id', { status: 204 })
  remove(@Param('id') _id: string) {
    return null;
  }

  @Get('/stream')
  stream() {
    async function* lines() {
      for (let line = 0; line < 3; line++) yield `line ${line}\n`;
    }
    return new StreamingResponse(lines(), { mediaType: 'text/plain' });
  }
}

/** One generated input: the bytes, and whether the framing leaves the server waiting for more. */
interface Input {
  bytes: Buffer;
  head: boolean;
  incomplete: boolean;
  pipelined: boolean;
}

/** Random-but-plausible HTTP/1.1 requests, with a minority of broken ones, all from one seed. */
function generator(seed: number): () => Input {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const int = (max: number) => Math.floor(random() * max);
  const segment = () =>
    pick([
      String(int(1000)),
      '-1',
      '0',
      'abc',
      '%20',
      '%zz',
      '%',
      '..',
      '.',
      '%C3%A9',
      '%E0%A4%A',
      '%00',
      '__proto__',
      'constructor',
      '1e3',
      'a'.repeat(int(3000)),
      '',
    ]);
  const path = () =>
    pick([
      () => '/health',
      () => `/items/${segment()}`,
      () => `/items/${segment()}/tags/${segment()}`,
      () => '/search',
      () => '/items',
      () => '/echo',
      () => '/stream',
      () => `/${segment()}/${segment()}`,
      () => '*',
      () => `//${segment()}`,
    ])();
  const query = () =>
    Array.from({ length: int(8) }, () => {
      const key = pick(['q', 'limit', '__proto__', 'constructor', 'a[b]', 'x', '', '%', 'limit']);
      const value = pick([String(int(200)), '-3', 'abc', '%', '%zz', '&', '==', '+', 'é', '']);
      return `${key}=${value}`;
    }).join('&');
  const json = (depth: number): unknown => {
    if (depth > 3 || chance(0.3)) return pick([int(100), -1.5, 'name', '', null, true, '\u2028', 'x'.repeat(int(80))]);
    if (chance(0.5)) return Array.from({ length: int(4) }, () => json(depth + 1));
    const object: Record<string, unknown> = {};
    for (let index = 0; index < int(5); index++) {
      object[pick(['name', 'price', '__proto__', 'constructor', 'extra', 'a'])] = json(depth + 1);
    }
    return object;
  };
  const body = (): Buffer =>
    pick([
      () => Buffer.from(JSON.stringify({ name: 'widget', price: int(100) })),
      () => Buffer.from(JSON.stringify(json(0))),
      () => Buffer.from('{"name": "unterminated'),
      () => Buffer.from(`${'['.repeat(int(5000))}`),
      () => Buffer.from('{"__proto__": {"polluted": true}, "name": "x", "price": 1}'),
      () => Buffer.from(Array.from({ length: int(64) }, () => int(256))),
      () => Buffer.alloc(0),
    ])();
  const token = () => Array.from({ length: 1 + int(20) }, () => pick([...'abcXYZ019-_.~!#$%&*+^`|'])).join('');
  return () => {
    const method = chance(0.95)
      ? pick(['GET', 'GET', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])
      : pick(['get', 'BREW', 'CONNECT', 'TRACE', 'G ET', '', 'PROPFIND']);
    const q = chance(0.5) ? `?${query()}` : '';
    const version = chance(0.95) ? 'HTTP/1.1' : pick(['HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 ', 'HTTX/1.1', '']);
    const eol = chance(0.97) ? '\r\n' : pick(['\n', '\r', '\n\r']);
    const fields: string[] = [];
    if (chance(0.97))
      fields.push(`Host: ${chance(0.95) ? pick(['localhost', 'example.org:8000']) : pick(['', 'a b'])}`);
    for (let count = int(5); count > 0; count--) {
      const good = [
        () => `X-Token: ${token()}`,
        () => `Cookie: session=${token()}; ${pick(['__proto__=1', 'constructor=2', 'a', '=', ';;'])}`,
        () => `Accept: ${pick(['*/*', 'application/json', 'text/html;q=0.5'])}`,
        () => `Connection: ${pick(['close', 'keep-alive', 'upgrade', 'x'])}`,
        () => 'Expect: 100-continue',
      ];
      const bad = [
        () => `X-Long: ${'v'.repeat(int(20_000))}`,
        () => `${pick(['Bad Name', 'X-\u00c4', 'X:Colon', ''])}: x`,
        () => `X-Ctl: a${pick(['\x00', '\x7f', '\x01'])}b`,
      ];
      fields.push(pick(chance(0.94) ? good : bad)());
    }
    const content = ['POST', 'PUT', 'PATCH'].includes(method) || chance(0.05) ? body() : undefined;
    let incomplete = false;
    let payload: Buffer = Buffer.alloc(0);
    if (content !== undefined) {
      if (chance(0.9))
        fields.push(
          `Content-Type: ${pick(['application/json', 'application/json; charset=utf-8', 'application/problem+json', 'text/plain', 'application/jsonx'])}`,
        );
      const framing = random();
      if (framing < 0.7) {
        fields.push(`Content-Length: ${content.length}`);
        payload = content;
      } else if (framing < 0.85) {
        fields.push('Transfer-Encoding: chunked');
        payload = Buffer.concat([
          ...(content.length > 0
            ? [Buffer.from(`${content.length.toString(16)}\r\n`), content, Buffer.from('\r\n')]
            : []),
          Buffer.from('0\r\n\r\n'),
        ]);
      } else if (framing < 0.9) {
        fields.push(`Content-Length: ${content.length + 1 + int(100)}`);
        payload = content;
        incomplete = true;
      } else if (framing < 0.95) {
        fields.push(`Content-Length: ${Math.max(0, content.length - 1)}`, 'Transfer-Encoding: chunked');
        payload = content;
        incomplete = true;
      } else {
        fields.push(`Content-Length: ${content.length}`, `Content-Length: ${content.length + 1}`);
        payload = content;
      }
    }
    let head = `${method} ${path()}${q} ${version}${eol}${fields.join(eol)}${eol}${eol}`;
    if (chance(0.02)) {
      head = head.slice(0, int(head.length));
      payload = Buffer.alloc(0);
      incomplete = true;
    }
    const pipelined = !incomplete && chance(0.1);
    const next = pipelined ? 'GET /health HTTP/1.1\r\nHost: x\r\n\r\n' : '';
    return {
      bytes: Buffer.concat([Buffer.from(head, 'latin1'), payload, Buffer.from(next)]),
      head: method === 'HEAD',
      incomplete,
      pipelined,
    };
  };
}

describe('seeded fuzz over raw TCP', () => {
  it(`keeps the server up and every reply well-formed for ${INPUTS} generated requests`, async () => {
    const { url, logs } = await serve([FuzzController]);
    const descriptorsBefore = openDescriptors();
    const next = generator(SEED);
    const inputs = Array.from({ length: INPUTS }, next);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let closedWithout = 0;
    let waited = 0;
    const started = performance.now();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (cursor < inputs.length) {
          const index = cursor++;
          const input = inputs[index] as Input;
          const where = `seed ${SEED} input #${index} ${JSON.stringify(input.bytes.toString('latin1').slice(0, 300))}`;
          try {
            const reply = await exchange(url, [input.bytes], {
              expect: input.pipelined ? 2 : 1,
              heads: [input.head, false],
              idleMs: input.incomplete ? 300 : 5000,
            });
            const finals = reply.responses.filter(({ status }) => status >= 200);
            for (const { status } of finals) statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (finals.some(({ status }) => status >= 500)) failures.push(`${where}: a 5xx`);
            if (reply.rest.length > 0 && !reply.closed) failures.push(`${where}: a partial reply`);
            // The pipelined /health after a request must get its own answer, never the first's.
            if (input.pipelined && finals.length === 2 && String(finals[1]?.body) !== '{"ok":true}') {
              failures.push(`${where}: pipelined reply out of step`);
            }
            if (finals.length === 0) {
              if (reply.closed) closedWithout++;
              else if (input.incomplete) waited++;
              else failures.push(`${where}: no reply, connection left open`);
            }
          } catch (error) {
            failures.push(`${where}: ${(error as Error).message}`);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const serverErrors = logs.filter(({ level }) => Number(level) >= 50);
    for (let wait = 0; wait < 100 && openDescriptors() > descriptorsBefore + 5; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const descriptorsAfter = openDescriptors();
    console.log(
      `fuzz seed ${SEED} (FUZZ_SEED to change): ${INPUTS} inputs in ${seconds.toFixed(1)} s; statuses ` +
        `${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; closed without reply ` +
        `${closedWithout}; incomplete left waiting ${waited}; failures ${failures.length}; errors logged ` +
        `${serverErrors.length}; descriptors ${descriptorsBefore} → ${descriptorsAfter}`,
    );
    expect(failures.slice(0, 10), `seed ${SEED}`).toEqual([]);
    expect(
      serverErrors
        .map(({ msg, url: logged, err }) => `${msg} ${logged} ${(err as { message?: string })?.message}`)
        .slice(0, 10),
      `seed ${SEED}`,
    ).toEqual([]);
    expect(await alive(url)).toBe(200);
    expect(({} as Record<string, unknown>).polluted, `seed ${SEED}`).toBeUndefined();
    expect(descriptorsAfter).toBeLessThanOrEqual(descriptorsBefore + 5);
  }, 120_000);

  it('generates the same inputs from the same seed', () => {
    const first = generator(7);
    const second = generator(7);
    for (let index = 0; index < 50; index++) expect(first().bytes).toEqual(second().bytes);
    expect(generator(8)().bytes).not.toEqual(generator(7)().bytes);
  });
});
