import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Body, Controller, Cookie, Get, Header, Post, Query } from '../src/index.js';
import { serve } from './serve.js';

// Inputs are read as own properties into null-prototype objects: an absent parameter named after
// an Object.prototype member reads as absent, a `__proto__` parameter is a plain value, and no
// request can reach Object.prototype. (A path parameter is never absent: reading one the route
// does not declare is refused at start-up.)

@Controller()
class InputsController {
  @Get('/inherited')
  inherited(
    @Query('constructor') query: unknown,
    @Query('toString') method: unknown,
    @Header('constructor') header: unknown,
    @Cookie('hasOwnProperty') cookie: unknown,
  ) {
    return {
      query: typeof query,
      method: typeof method,
      header: typeof header,
      cookie: typeof cookie,
    };
  }

  @Get('/required')
  required(@Query('constructor', Type.String()) named: string, @Query('__proto__', Type.String()) proto: string) {
    return { named, proto };
  }

  @Get('/many')
  many(@Query('after') after: string | undefined) {
    return { after };
  }

  @Post('/body')
  body(@Body() body: unknown) {
    return { keys: Object.keys(body as object) };
  }
}

describe('inputs are read without Object.prototype', () => {
  it('an absent parameter named after a prototype member reads as absent, in every location', async () => {
    const { url } = await serve([InputsController]);
    expect(await (await fetch(`${url}/inherited`)).json()).toEqual({
      query: 'undefined',
      method: 'undefined',
      header: 'undefined',
      cookie: 'undefined',
    });
  });

  it('a required `constructor` or `__proto__` query parameter that is absent is a 422 Field required', async () => {
    const { url } = await serve([InputsController]);
    const response = await fetch(`${url}/required`);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [
        { type: 'missing', loc: ['query', 'constructor'], msg: 'Field required', input: null },
        { type: 'missing', loc: ['query', '__proto__'], msg: 'Field required', input: null },
      ],
    });
    const present = await fetch(`${url}/required?constructor=a&__proto__=b`);
    expect(await present.json()).toEqual({ named: 'a', proto: 'b' });
  });

  it('never drops a query parameter: the one after 1,000 others is read; a URL too long is a 431', async () => {
    const { url } = await serve([InputsController]);
    const response = await fetch(`${url}/many?${'a&'.repeat(1000)}after=found`);
    expect(await response.json()).toEqual({ after: 'found' });
    // What bounds the count is node's header size limit, answered with a clear 431 (RFC 6585 §5).
    expect((await fetch(`${url}/many?${'a&'.repeat(10_000)}after=found`)).status).toBe(431);
  });

  it('leaves Object.prototype alone after __proto__ queries and JSON bodies', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const { url } = await serve([InputsController]);
    for (const query of ['__proto__[x]=1', '__proto__.x=1', 'constructor[prototype][x]=1', '__proto__=x']) {
      expect((await fetch(`${url}/required?constructor=a&${query}`)).status).toBeLessThan(500);
    }
    for (const body of [
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '{"a":{"__proto__":{"x":1}}}',
    ]) {
      const response = await fetch(`${url}/body`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { keys: string[] }).keys).not.toContain('__proto__');
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
