import { type Response, SetsHeader } from '@herald/core';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Controller, Get, Header, Param, Query, Res } from '../src/index.js';
import { serve } from './serve.js';

// Strings become booleans and numbers the way FastAPI (pydantic's lax mode) reads them; the
// cases of fastapi/tests/test_path.py and the "query parameter type conversion" tutorial.

@Controller('/path')
class PathController {
  @Get('/bool/{value}')
  bool(@Param('value', Type.Boolean()) value: boolean) {
    return { value };
  }

  @Get('/int/{value}')
  int(@Param('value', Type.Integer()) value: number) {
    return { value };
  }

  @Get('/float/{value}')
  float(@Param('value', Type.Number()) value: number) {
    return { value };
  }

  @Get('/str/{value}')
  str(@Param('value', Type.String()) value: string) {
    return { value };
  }
}

@Controller('/query')
class QueryController {
  @Get('/short')
  short(@Query('short', Type.Boolean({ default: false })) short: boolean) {
    return { short };
  }

  @Get('/list')
  list(@Query('id', Type.Array(Type.Integer())) ids: number[]) {
    return { ids };
  }

  @Get('/page')
  page(
    @Query('page', Type.Union([Type.Integer({ minimum: 1 }), Type.Literal('last'), Type.Literal('01')]))
    page: number | 'last' | '01',
  ) {
    return { page };
  }

  @Get('/nullable')
  nullable(@Query('n', Type.Union([Type.Integer(), Type.Null()])) n: number | null) {
    return { n };
  }

  @Get('/either')
  either(@Query('v', Type.Union([Type.Integer(), Type.String()])) v: number | string) {
    return { v };
  }
}

@Controller('/header')
class HeaderController {
  @Get('')
  @SetsHeader('X-Count', Type.Integer())
  header(@Header('X-Dry-Run', Type.Boolean()) dryRun: boolean, @Res() response: Response) {
    response.headers.set('X-Count', '42');
    return { dryRun };
  }
}

async function read(url: string, headers?: Record<string, string>): Promise<[number, unknown]> {
  const response = await fetch(url, { headers });
  const body = (await response.json()) as { value?: unknown; detail?: unknown };
  return [response.status, response.status === 200 ? body : body.detail];
}

describe('parameter coercion', () => {
  it('reads booleans as FastAPI does: 1/0, true/false, on/off, yes/no, t/f, y/n in any case', async () => {
    const { url } = await serve([PathController, QueryController]);
    for (const text of ['1', 'true', 'True', 'TRUE', 'on', 'yes', 't', 'y', 'Y'])
      expect(await read(`${url}/path/bool/${text}`), text).toEqual([200, { value: true }]);
    for (const text of ['0', 'false', 'False', 'off', 'no', 'f', 'n', 'NO'])
      expect(await read(`${url}/path/bool/${text}`), text).toEqual([200, { value: false }]);
    for (const text of ['foobar', '42', '42.5', '2', '%20true', 'tru'])
      expect((await read(`${url}/path/bool/${text}`))[0], text).toBe(422);
    expect(await read(`${url}/query/short?short=on`)).toEqual([200, { short: true }]);
    expect(await read(`${url}/query/short`)).toEqual([200, { short: false }]);
  });

  it('reads integers in decimal only, as pydantic does', async () => {
    const { url } = await serve([PathController]);
    expect(await read(`${url}/path/int/42`)).toEqual([200, { value: 42 }]);
    expect(await read(`${url}/path/int/-7`)).toEqual([200, { value: -7 }]);
    expect(await read(`${url}/path/int/+7`)).toEqual([200, { value: 7 }]);
    expect(await read(`${url}/path/int/%2042%20`)).toEqual([200, { value: 42 }]);
    expect(await read(`${url}/path/int/42.0`)).toEqual([200, { value: 42 }]);
    // JavaScript's Number() takes all of these; pydantic refuses them, and so does Herald.
    for (const text of ['foobar', 'True', '42.5', '1e3', '0x10', '0b1', '0o7', 'Infinity', '1_000', '%20'])
      expect((await read(`${url}/path/int/${text}`))[0], text).toBe(422);
    // Past 2^53 a number would no longer be the integer sent: refused rather than rounded.
    expect((await read(`${url}/path/int/12345678901234567890`))[0]).toBe(422);
    // The last safe integers are read exactly, the first unsafe one (2^53 + 1, 16 digits) refused.
    expect(await read(`${url}/path/int/999999999999999`)).toEqual([200, { value: 999999999999999 }]);
    expect(await read(`${url}/path/int/9007199254740991`)).toEqual([200, { value: 9007199254740991 }]);
    expect((await read(`${url}/path/int/9007199254740993`))[0]).toBe(422);
    expect(await read(`${url}/path/int/0042`)).toEqual([200, { value: 42 }]);
  });

  it('reads numbers with a fraction or an exponent, but not hex, Infinity or NaN', async () => {
    const { url } = await serve([PathController]);
    expect(await read(`${url}/path/float/42`)).toEqual([200, { value: 42 }]);
    expect(await read(`${url}/path/float/42.5`)).toEqual([200, { value: 42.5 }]);
    expect(await read(`${url}/path/float/-.5`)).toEqual([200, { value: -0.5 }]);
    expect(await read(`${url}/path/float/1e3`)).toEqual([200, { value: 1000 }]);
    for (const text of ['foobar', 'True', '0x10', 'Infinity', 'inf', 'NaN', '1_0', '-', '1e'])
      expect((await read(`${url}/path/float/${text}`))[0], text).toBe(422);
  });

  it('leaves a string parameter as it was sent', async () => {
    const { url } = await serve([PathController]);
    expect(await read(`${url}/path/str/42`)).toEqual([200, { value: '42' }]);
    expect(await read(`${url}/path/str/True`)).toEqual([200, { value: 'True' }]);
  });

  it('reads every item of a list, a lone value included', async () => {
    const { url } = await serve([QueryController]);
    expect(await read(`${url}/query/list?id=1&id=2`)).toEqual([200, { ids: [1, 2] }]);
    expect(await read(`${url}/query/list?id=3`)).toEqual([200, { ids: [3] }]);
    const [status, detail] = await read(`${url}/query/list?id=1&id=0x2`);
    expect(status).toBe(422);
    expect(detail).toEqual([
      {
        type: 'int_parsing',
        loc: ['query', 'id', 1],
        msg: 'Input should be a valid integer, unable to parse string as an integer',
        input: '0x2',
      },
    ]);
  });

  it('reads a union as pydantic does: an exact string match first, else the first member that parses', async () => {
    const { url } = await serve([QueryController]);
    expect(await read(`${url}/query/page?page=3`)).toEqual([200, { page: 3 }]);
    expect(await read(`${url}/query/page?page=last`)).toEqual([200, { page: 'last' }]);
    expect((await read(`${url}/query/page?page=first`))[0]).toBe(422);
    // A literal is an exact match, so it wins over reading the integer 1.
    expect(await read(`${url}/query/page?page=01`)).toEqual([200, { page: '01' }]);
    expect(await read(`${url}/query/nullable?n=5`)).toEqual([200, { n: 5 }]);
    // "null" is text, never null.
    expect((await read(`${url}/query/nullable?n=null`))[0]).toBe(422);
    // A member that takes any string takes it as it is.
    expect(await read(`${url}/query/either?v=5`)).toEqual([200, { v: '5' }]);
  });

  it('reads request headers the same way, and checks declared response headers as they would be read', async () => {
    const { url, logs } = await serve([HeaderController], { strictHeaders: 'warn' });
    expect(await read(`${url}/header`, { 'x-dry-run': 'yes' })).toEqual([200, { dryRun: true }]);
    expect(await read(`${url}/header`, { 'x-dry-run': 'off' })).toEqual([200, { dryRun: false }]);
    expect((await read(`${url}/header`, { 'x-dry-run': 'maybe' }))[0]).toBe(422);
    const response = await fetch(`${url}/header`, { headers: { 'x-dry-run': '1' } });
    // '42' is an integer once read as one: kept, and nothing logged.
    expect(response.headers.get('x-count')).toBe('42');
    expect(logs.filter((line) => line.code === 'HERALD_ERR_HEADER_SCHEMA')).toEqual([]);
  });
});
