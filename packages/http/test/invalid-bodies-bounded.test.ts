import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Body, Controller, Post } from '../src/index.js';
import { serve } from './serve.js';

// Every issue of an invalid body is an object while it is validated. Unbounded, a megabyte of
// `[{},{},…]` made 666,000 of them: 2.5 s of CPU, 115 MB, then a 500 (a stack overflow while
// spreading them). A 422 lists at most 100 issues, and a large body only its first.

const Item = Type.Object({ name: Type.String(), price: Type.Number() });

@Controller('/items')
class ItemsController {
  @Post('/batch')
  batch(@Body(Type.Array(Item)) items: unknown[]) {
    return items.length;
  }
}

const post = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });
const empties = (count: number) => `[${Array(count).fill('{}').join(',')}]`;

describe('invalid bodies', () => {
  it('list their first 100 issues, then say the list was cut', async () => {
    const { url } = await serve([ItemsController]);
    const response = await fetch(`${url}/items/batch`, post(empties(300)));
    expect(response.status).toBe(422);
    const { detail } = (await response.json()) as { detail: Array<{ type: string; loc: unknown[]; msg: string }> };
    expect(detail).toHaveLength(101);
    expect(detail[0]).toMatchObject({ type: 'missing', loc: ['body', 0, 'name'] });
    expect(detail[99]).toMatchObject({ type: 'missing', loc: ['body', 49, 'price'] });
    expect(detail[100]).toEqual({
      type: 'too_many_errors',
      loc: ['body'],
      msg: 'Only the first 100 issues are listed',
      input: null,
    });
  });

  it('list only their first issue when they are too large for every one to be cheap', async () => {
    const { url } = await serve([ItemsController]);
    const body = empties(333_000); // just under the 1 MiB body limit
    const response = await fetch(`${url}/items/batch`, post(body));
    expect(response.status).toBe(422);
    const { detail } = (await response.json()) as { detail: Array<{ type: string; loc: unknown[] }> };
    expect(detail.map((issue) => issue.type)).toEqual(['missing', 'too_many_errors']);
    expect(detail[0]?.loc).toEqual(['body', 0, 'name']);
  });

  it('still list every issue of a small body', async () => {
    const { url } = await serve([ItemsController]);
    const response = await fetch(`${url}/items/batch`, post('[{"name":"a","price":"x"},{"price":1}]'));
    expect(response.status).toBe(422);
    const { detail } = (await response.json()) as { detail: Array<{ type: string; loc: unknown[] }> };
    expect(detail.map((issue) => [issue.type, issue.loc])).toEqual([
      ['float_parsing', ['body', 0, 'price']],
      ['missing', ['body', 1, 'name']],
    ]);
    expect(await (await fetch(`${url}/items/batch`, post('[{"name":"a","price":1}]'))).json()).toBe(1);
  });
});
