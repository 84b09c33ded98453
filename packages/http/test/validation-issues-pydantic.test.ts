import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Body, Controller, Get, Param, Post, Query } from '../src/index.js';
import { serve } from './serve.js';

// A 422 names each failure as FastAPI does (pydantic v2's `type`, `msg`, `input`, `ctx`): the
// expected issues below are those of fastapi/tests/test_path.py, test_query.py and the body
// tutorials, without pydantic's `url`.

@Controller('/path')
class PathController {
  @Get('/int/{item_id}')
  int(@Param('item_id', Type.Integer()) id: number) {
    return id;
  }

  @Get('/float/{item_id}')
  float(@Param('item_id', Type.Number()) id: number) {
    return id;
  }

  @Get('/bool/{item_id}')
  bool(@Param('item_id', Type.Boolean()) id: boolean) {
    return id;
  }

  @Get('/param-minlength/{item_id}')
  minLength(@Param('item_id', Type.String({ minLength: 3 })) id: string) {
    return id;
  }

  @Get('/param-maxlength/{item_id}')
  maxLength(@Param('item_id', Type.String({ maxLength: 3 })) id: string) {
    return id;
  }

  @Get('/param-gt/{item_id}')
  gt(@Param('item_id', Type.Number({ exclusiveMinimum: 3 })) id: number) {
    return id;
  }

  @Get('/param-le/{item_id}')
  le(@Param('item_id', Type.Number({ maximum: 3 })) id: number) {
    return id;
  }
}

@Controller('/query')
class QueryController {
  @Get('/int')
  int(@Query('query', Type.Integer()) query: number) {
    return query;
  }

  @Get('/list')
  list(@Query('q', Type.Array(Type.Integer(), { maxItems: 2 })) q: number[]) {
    return q;
  }

  @Get('/choice')
  choice(
    @Query('model', Type.Union([Type.Literal('alexnet'), Type.Literal('resnet'), Type.Literal('lenet')])) m: string,
  ) {
    return m;
  }

  @Get('/pattern')
  pattern(@Query('q', Type.String({ pattern: '^fixedquery$' })) q: string) {
    return q;
  }
}

const Item = Type.Object(
  { name: Type.String(), price: Type.Number(), tags: Type.Optional(Type.Array(Type.String())) },
  { additionalProperties: false },
);

@Controller('/items')
class ItemsController {
  @Post('')
  create(@Body(Item) item: unknown) {
    return item;
  }
}

async function detail(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  expect(response.status).toBe(422);
  return ((await response.json()) as { detail: unknown }).detail;
}

const post = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('validation issues in pydantic v2 words', () => {
  it('names a string that is no integer, number or boolean as pydantic does, with the string as input', async () => {
    const { url } = await serve([PathController]);
    const issue = (type: string, msg: string, input: string) => [{ type, loc: ['path', 'item_id'], msg, input }];
    const notInteger = 'Input should be a valid integer, unable to parse string as an integer';
    expect(await detail(`${url}/path/int/foobar`)).toEqual(issue('int_parsing', notInteger, 'foobar'));
    expect(await detail(`${url}/path/int/True`)).toEqual(issue('int_parsing', notInteger, 'True'));
    expect(await detail(`${url}/path/int/42.5`)).toEqual(
      issue('int_from_float', 'Input should be a valid integer, got a number with a fractional part', '42.5'),
    );
    expect(await detail(`${url}/path/float/foobar`)).toEqual(
      issue('float_parsing', 'Input should be a valid number, unable to parse string as a number', 'foobar'),
    );
    expect(await detail(`${url}/path/bool/42`)).toEqual(
      issue('bool_parsing', 'Input should be a valid boolean, unable to interpret input', '42'),
    );
  });

  it('names a broken limit with its ctx', async () => {
    const { url } = await serve([PathController]);
    expect(await detail(`${url}/path/param-minlength/fo`)).toEqual([
      {
        type: 'string_too_short',
        loc: ['path', 'item_id'],
        msg: 'String should have at least 3 characters',
        input: 'fo',
        ctx: { min_length: 3 },
      },
    ]);
    expect(await detail(`${url}/path/param-maxlength/foobar`)).toEqual([
      {
        type: 'string_too_long',
        loc: ['path', 'item_id'],
        msg: 'String should have at most 3 characters',
        input: 'foobar',
        ctx: { max_length: 3 },
      },
    ]);
    expect(await detail(`${url}/path/param-gt/2`)).toEqual([
      {
        type: 'greater_than',
        loc: ['path', 'item_id'],
        msg: 'Input should be greater than 3',
        input: '2',
        ctx: { gt: 3 },
      },
    ]);
    expect(await detail(`${url}/path/param-le/42`)).toEqual([
      {
        type: 'less_than_equal',
        loc: ['path', 'item_id'],
        msg: 'Input should be less than or equal to 3',
        input: '42',
        ctx: { le: 3 },
      },
    ]);
  });

  it('names a missing parameter with input null, a list item by index, a literal and a pattern', async () => {
    const { url } = await serve([QueryController]);
    expect(await detail(`${url}/query/int`)).toEqual([
      { type: 'missing', loc: ['query', 'query'], msg: 'Field required', input: null },
    ]);
    expect(await detail(`${url}/query/list?q=1&q=x`)).toEqual([
      {
        type: 'int_parsing',
        loc: ['query', 'q', 1],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: 'x',
      },
    ]);
    expect(await detail(`${url}/query/list?q=1&q=2&q=3`)).toEqual([
      {
        type: 'too_long',
        loc: ['query', 'q'],
        msg: 'List should have at most 2 items after validation, not 3',
        input: ['1', '2', '3'],
        ctx: { field_type: 'List', max_length: 2, actual_length: 3 },
      },
    ]);
    expect(await detail(`${url}/query/choice?model=foo`)).toEqual([
      {
        type: 'literal_error',
        loc: ['query', 'model'],
        msg: "Input should be 'alexnet', 'resnet' or 'lenet'",
        input: 'foo',
        ctx: { expected: "'alexnet', 'resnet' or 'lenet'" },
      },
    ]);
    expect(await detail(`${url}/query/pattern?q=nonregexquery`)).toEqual([
      {
        type: 'string_pattern_mismatch',
        loc: ['query', 'q'],
        msg: "String should match pattern '^fixedquery$'",
        input: 'nonregexquery',
        ctx: { pattern: '^fixedquery$' },
      },
    ]);
  });

  it('names body failures with the JSON value as input, and a missing field with its object', async () => {
    const { url } = await serve([ItemsController]);
    expect(await detail(`${url}/items`, post('{"name":"Foo","price":"twenty"}'))).toEqual([
      {
        type: 'float_parsing',
        loc: ['body', 'price'],
        msg: 'Input should be a valid number, unable to parse string as a number',
        input: 'twenty',
      },
    ]);
    expect(await detail(`${url}/items`, post('{"price":1}'))).toEqual([
      { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: { price: 1 } },
    ]);
    expect(await detail(`${url}/items`, post('{"name":"Foo","price":1,"extra":true}'))).toEqual([
      { type: 'extra_forbidden', loc: ['body', 'extra'], msg: 'Extra inputs are not permitted', input: true },
    ]);
    expect(await detail(`${url}/items`, post('{"name":"Foo","price":1,"tags":"a"}'))).toEqual([
      { type: 'list_type', loc: ['body', 'tags'], msg: 'Input should be a valid list', input: 'a' },
    ]);
    expect(await detail(`${url}/items`, post('[1]'))).toEqual([
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input: [1],
      },
    ]);
  });
});
