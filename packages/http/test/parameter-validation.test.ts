import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Body, Controller, Cookie, Get, Header, Param, Post, Query } from '../src/index.js';
import { serve } from './serve.js';

const NewItem = Type.Object({ name: Type.String({ minLength: 1 }), price: Type.Number({ minimum: 0 }) });

@Controller('/items')
class ItemsController {
  @Get('/:id')
  read(
    @Param('id', Type.Integer()) id: number,
    @Query('limit', Type.Integer({ minimum: 1, default: 10 })) limit: number,
    @Query('tag', Type.Array(Type.String())) tags: string[],
    @Query('raw') raw: string | undefined,
    @Header('X-Version', Type.Integer()) version: number,
    @Cookie('session') session: string | undefined,
  ) {
    return { id, limit, tags, raw, version, session };
  }

  @Post('/:id')
  update(
    @Param('id', Type.Integer()) id: number,
    @Query('dry', Type.Boolean()) dry: boolean,
    @Body(NewItem) item: unknown,
  ) {
    return { id, dry, item };
  }
}

@Controller('/search')
class SearchController {
  @Get('')
  search(@Query('page', Type.Optional(Type.Integer({ minimum: 1 }))) page: number | undefined) {
    return { page: page ?? null };
  }
}

describe('parameters', () => {
  it('are coerced from strings, defaulted and decoded', async () => {
    const { url } = await serve([ItemsController]);
    const response = await fetch(`${url}/items/7?tag=a&tag=b&raw=x&raw=y`, {
      headers: { 'x-version': '2', cookie: 'session=a%20b; other=1' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 7, limit: 10, tags: ['a', 'b'], raw: 'y', version: 2, session: 'a b' });
  });

  it('decode the query as Starlette does: + is a space, a malformed escape is U+FFFD', async () => {
    const { url } = await serve([ItemsController]);
    const read = async (query: string) => {
      const response = await fetch(`${url}/items/7?tag=t&${query}`, { headers: { 'x-version': '1' } });
      return ((await response.json()) as { raw: string; tags: string[] }).raw;
    };
    expect(await read('raw=a+b%41')).toBe('a bA');
    expect(await read('raw=%E9t%C3%A9')).toBe('\uFFFDt\u00E9');
    expect(await read('raw=100%')).toBe('100%');
  });

  it('lift a single query value into a list where the schema wants one', async () => {
    const { url } = await serve([ItemsController]);
    const response = await fetch(`${url}/items/7?tag=solo`, { headers: { 'x-version': '1' } });
    expect(((await response.json()) as { tags: string[] }).tags).toEqual(['solo']);
  });

  it('report every failure of a request together in FastAPI shape', async () => {
    const { url } = await serve([ItemsController]);
    const response = await fetch(`${url}/items/abc?limit=0`);
    expect(response.status).toBe(422);
    const { detail } = (await response.json()) as { detail: unknown[] };
    expect(detail).toEqual(
      expect.arrayContaining([
        {
          type: 'int_parsing',
          loc: ['path', 'id'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'abc',
        },
        {
          type: 'greater_than_equal',
          loc: ['query', 'limit'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
        { type: 'missing', loc: ['query', 'tag'], msg: 'Field required', input: null },
        { type: 'missing', loc: ['header', 'x-version'], msg: 'Field required', input: null },
      ]),
    );
    expect(detail).toHaveLength(4);
  });

  it('validate the body with its schema alongside the other parameters', async () => {
    const { url } = await serve([ItemsController]);
    const bad = await fetch(`${url}/items/x?dry=maybe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', price: -1 }),
    });
    expect(bad.status).toBe(422);
    const { detail } = (await bad.json()) as { detail: Array<{ loc: unknown[] }> };
    expect(detail.map((issue) => issue.loc)).toEqual(
      expect.arrayContaining([
        ['path', 'id'],
        ['query', 'dry'],
        ['body', 'name'],
        ['body', 'price'],
      ]),
    );

    const missing = await fetch(`${url}/items/1?dry=true`, { method: 'POST' });
    expect(await missing.json()).toEqual({
      detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
    });

    const good = await fetch(`${url}/items/1?dry=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Plumbus', price: 3 }),
    });
    expect(await good.json()).toEqual({ id: 1, dry: true, item: { name: 'Plumbus', price: 3 } });
  });
});

describe('an optional parameter', () => {
  it('may be absent when its TypeBox schema is Type.Optional, and is still validated when present', async () => {
    const { url } = await serve([SearchController]);
    expect(await (await fetch(`${url}/search`)).json()).toEqual({ page: null });
    expect(await (await fetch(`${url}/search?page=3`)).json()).toEqual({ page: 3 });
    const bad = await fetch(`${url}/search?page=0`);
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      detail: [
        {
          type: 'greater_than_equal',
          loc: ['query', 'page'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
      ],
    });
  });
});
