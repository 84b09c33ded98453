import { Response } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { Body, Controller, Cookie, Get, Header, Inject, Param, Post, Query } from '../src/index.js';
import { serve } from './serve.js';

// FastAPI's tests/test_dependency_class.py and the "Classes as dependencies" tutorial: a class
// whose constructor declares query parameters, used by a path operation.
const built: string[] = [];

@injectable()
class Paginator {
  constructor(
    @Query('limit', Type.Integer({ minimum: 1, maximum: 100, default: 10 })) readonly limit: number,
    @Query('offset', Type.Integer({ minimum: 0, default: 0 })) readonly offset: number,
    @inject(Response) private readonly response: Response,
  ) {
    built.push('Paginator');
  }

  page<T>(items: readonly T[]): T[] {
    this.response.headers.set('X-Total-Count', String(items.length));
    return items.slice(this.offset, this.offset + this.limit);
  }
}

@injectable()
class Locale {
  constructor(
    @Header('X-Locale', Type.Optional(Type.String({ minLength: 2 }))) readonly language: string | undefined,
    @Cookie('theme', Type.Union([Type.Literal('dark'), Type.Literal('light')], { default: 'light' }))
    readonly theme: string,
    @Param('id', Type.Integer()) readonly id: number,
  ) {}
}

@injectable()
class NoteDraft {
  constructor(@Body(Type.Object({ text: Type.String({ minLength: 1 }) })) readonly body: { text: string }) {}
}

/** Two services asking for the same query parameter, one request-scoped service used twice. */
@injectable()
class Tracer {
  static instances = 0;
  constructor(@Header('X-Trace', Type.Integer()) readonly trace: number) {
    Tracer.instances++;
  }
}

@injectable()
class Audit {
  constructor(
    @inject(Tracer) readonly tracer: Tracer,
    @Header('X-Trace', Type.Integer()) readonly trace: number,
  ) {}
}

@injectable()
class AtLeastOne {
  constructor(@Query('n', Type.Integer({ minimum: 1, default: 2 })) readonly n: number) {}
}

/** Names that are not identifiers: each is read as it was declared, case and quotes included. */
const QUOTED = `it's "quoted" \\ \u2028`;

@injectable()
class OddNames {
  constructor(
    @Query('pageSize', Type.Integer()) readonly pageSize: number,
    @Query(QUOTED, Type.String()) readonly quoted: string,
  ) {}
}

@Controller('/notes')
class NotesController {
  @Get('')
  list(@Inject(Paginator) paginator: Paginator) {
    return paginator.page(['a', 'b', 'c', 'd', 'e']);
  }

  @Get('/:id/locale')
  locale(@Inject(Locale) locale: Locale) {
    return { language: locale.language ?? null, theme: locale.theme, id: locale.id };
  }

  @Post('/:id')
  create(
    @Param('id', Type.Integer({ minimum: 1 })) id: number,
    @Inject(Paginator) paginator: Paginator,
    @Inject(NoteDraft) draft: NoteDraft,
  ) {
    return { id, limit: paginator.limit, text: draft.body.text };
  }

  @Get('/bounded')
  bounded(@Inject(AtLeastOne) atLeast: AtLeastOne, @Query('n', Type.Integer({ maximum: 5 })) n: number) {
    return { dependency: atLeast.n, handler: n };
  }

  @Get('/odd')
  odd(
    @Inject(OddNames) odd: OddNames,
    @Query('pageSize', Type.Integer()) pageSize: number,
    @Query('Ünï', Type.String()) accented: string,
  ) {
    return { dependency: [odd.pageSize, odd.quoted], handler: [pageSize, accented] };
  }

  @Get('/traced')
  traced(
    @Inject(Audit) audit: Audit,
    @Inject(Tracer) tracer: Tracer,
    @Header('X-Trace', Type.Integer()) trace: number,
  ) {
    return { same: audit.tracer === tracer, values: [audit.trace, tracer.trace, trace] };
  }
}

/** A controller may read request inputs in its constructor too (it is transient by default). */
@Controller('/tenant')
class TenantController {
  constructor(@Header('X-Tenant', Type.String({ pattern: '^[a-z]+$' })) private readonly tenant: string) {}

  @Get('')
  read(@Query('q', Type.Optional(Type.String())) q: string | undefined) {
    return { tenant: this.tenant, q: q ?? null };
  }
}

/** A dependency that takes a while, so interleaved requests overlap between validation and SlowReader. */
const Delay = Symbol('Delay');

@injectable()
class SlowReader {
  constructor(@Query('who', Type.String()) readonly who: string) {}
}

@Controller('/slow', { dependencies: [Delay] })
class SlowController {
  @Get('')
  read(@Inject(SlowReader) reader: SlowReader) {
    return { who: reader.who };
  }
}

const services = (bind: (service: never) => { toSelf(): { inRequestScope(): void } }) => {
  for (const service of [Paginator, Locale, NoteDraft, Tracer, Audit, AtLeastOne, OddNames])
    bind(service as never)
      .toSelf()
      .inRequestScope();
};

describe('request parameters on dependency constructors', () => {
  it('read names as declared: mixed case, quotes, backslashes and line separators', async () => {
    const { url } = await serve([NotesController], { bind: ({ bind }) => services(bind as never) });
    const query = new URLSearchParams({ pageSize: '20', [QUOTED]: 'yes', Ünï: 'ü' });
    const response = await fetch(`${url}/notes/odd?${query}`);
    expect(await response.json()).toEqual({ dependency: [20, 'yes'], handler: [20, 'ü'] });
  });

  it('are coerced and defaulted like handler parameters, and the dependency sets headers', async () => {
    const { url } = await serve([NotesController], { bind: ({ bind }) => services(bind as never) });
    const defaulted = await fetch(`${url}/notes`);
    expect(defaulted.status).toBe(200);
    expect(defaulted.headers.get('x-total-count')).toBe('5');
    expect(await defaulted.json()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const paged = await fetch(`${url}/notes?limit=2&offset=1`);
    expect(await paged.json()).toEqual(['b', 'c']);
  });

  it('read headers, cookies and path parameters, Type.Optional ones may be absent', async () => {
    const { url } = await serve([NotesController], { bind: ({ bind }) => services(bind as never) });
    const plain = await fetch(`${url}/notes/7/locale`);
    expect(await plain.json()).toEqual({ language: null, theme: 'light', id: 7 });
    const full = await fetch(`${url}/notes/8/locale`, { headers: { 'x-locale': 'fr', cookie: 'theme=dark' } });
    expect(await full.json()).toEqual({ language: 'fr', theme: 'dark', id: 8 });
  });

  it('put every failure of the graph — dependencies first, then the handler, then the body — in one 422', async () => {
    const { url } = await serve([NotesController], { bind: ({ bind }) => services(bind as never) });
    built.length = 0;
    const response = await fetch(`${url}/notes/0?limit=0&offset=-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '' }),
    });
    expect(response.status).toBe(422);
    const { detail } = (await response.json()) as { detail: Array<{ loc: unknown[]; type: string }> };
    expect(detail.map((issue) => issue.loc)).toEqual([
      ['query', 'limit'],
      ['query', 'offset'],
      ['body', 'text'],
      ['path', 'id'],
    ]);
    // A dependency whose own inputs are invalid is not built (FastAPI does not call it).
    expect(built).toEqual([]);
  });

  it('report a missing required body of a dependency', async () => {
    const { url } = await serve([NotesController], { bind: ({ bind }) => services(bind as never) });
    const response = await fetch(`${url}/notes/3`, { method: 'POST' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
    });
  });

  it("work on a controller's constructor, joining the handler's in one 422", async () => {
    const { url } = await serve([TenantController]);
    expect(await (await fetch(`${url}/tenant?q=x`, { headers: { 'x-tenant': 'acme' } })).json()).toEqual({
      tenant: 'acme',
      q: 'x',
    });
    const bad = await fetch(`${url}/tenant`, { headers: { 'x-tenant': 'ACME' } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { detail: Array<{ loc: unknown[] }> }).detail.map((issue) => issue.loc)).toEqual([
      ['header', 'x-tenant'],
    ]);
  });

  it('keep interleaved requests apart: each dependency reads its own request', async () => {
    const { url } = await serve([SlowController, SlowReader], {
      bind: ({ bind }) => {
        bind(Delay)
          .toResolvedValue(() => new Promise((resolve) => setTimeout(resolve, 20)))
          .inRequestScope();
      },
    });
    const names = ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff'];
    const answers = await Promise.all(names.map(async (who) => (await fetch(`${url}/slow?who=${who}`)).json()));
    expect(answers).toEqual(names.map((who) => ({ who })));
  });

  it('hold an input declared twice with different schemas to both, defaulted once', async () => {
    const { url } = await serve([NotesController], { bind: ({ bind }) => services(bind as never) });
    expect(await (await fetch(`${url}/notes/bounded`)).json()).toEqual({ dependency: 2, handler: 2 });
    expect(await (await fetch(`${url}/notes/bounded?n=3`)).json()).toEqual({ dependency: 3, handler: 3 });
    const high = await fetch(`${url}/notes/bounded?n=7`);
    expect(high.status).toBe(422);
    expect(((await high.json()) as { detail: Array<{ loc: unknown[]; type: string }> }).detail).toMatchObject([
      { loc: ['query', 'n'], type: 'less_than_equal', input: '7' },
    ]);
    expect((await fetch(`${url}/notes/bounded?n=0`)).status).toBe(422);
  });

  it('give two services asking for the same parameter the same value; a request-scoped one is built once', async () => {
    const { url } = await serve([NotesController], { bind: ({ bind }) => services(bind as never) });
    Tracer.instances = 0;
    const response = await fetch(`${url}/notes/traced`, { headers: { 'x-trace': '42' } });
    expect(await response.json()).toEqual({ same: true, values: [42, 42, 42] });
    expect(Tracer.instances).toBe(1);
    const missing = await fetch(`${url}/notes/traced`);
    // One input, one issue, however many services read it.
    expect(await missing.json()).toEqual({
      detail: [{ type: 'missing', loc: ['header', 'x-trace'], msg: 'Field required', input: null }],
    });
  });
});
