import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Controller, Get, Param } from '../src/index.js';
import { serve } from './serve.js';

const Item = Type.Object({ id: Type.Integer(), name: Type.String(), tags: Type.Array(Type.String()) });
const stored = { id: 1, name: 'Plumbus', tags: ['fleeb'], internalCost: 12.5, secret: 'do-not-send' };
const snapshot = structuredClone(stored);

@Controller('/items')
class ItemsController {
  // @ts-expect-error the handler's return does not fit its model: the run-time check behind the type is under test
  @Get('/:id', { responseModel: Item })
  read(@Param('id') id: string) {
    return id === 'broken' ? { id: 'not-a-number', name: 'x', tags: [] } : stored;
  }

  @Get('', { responseModel: Type.Array(Item) })
  list() {
    return [stored, stored];
  }
}

// Defaults on optional properties: what FastAPI users write for `label: str = 'unnamed'`.
const WithDefaults = Type.Object({
  id: Type.Integer(),
  label: Type.Optional(Type.String({ default: 'unnamed' })),
  meta: Type.Object({
    views: Type.Optional(Type.Integer({ default: 0 })),
    tags: Type.Optional(Type.Array(Type.String(), { default: [] })),
  }),
  parts: Type.Array(Type.Object({ kind: Type.Optional(Type.String({ default: 'plain' })) })),
});
const sparse = { id: 7, meta: {}, parts: [{}], extra: 'not sent' };
const sparseSnapshot = structuredClone(sparse);

@Controller('/sparse')
class SparseController {
  @Get('', { responseModel: WithDefaults })
  read() {
    return sparse;
  }
}

describe('response models', () => {
  it('send only declared properties and never mutate the returned object', async () => {
    const { url } = await serve([ItemsController]);
    const response = await fetch(`${url}/items/1`);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ id: 1, name: 'Plumbus', tags: ['fleeb'] });
    expect(text).not.toContain('do-not-send');
    expect(stored).toEqual(snapshot);
  });

  it('with defaults never write them into the returned object, nested ones included', async () => {
    const { url } = await serve([SparseController]);
    const response = await fetch(`${url}/sparse`);
    expect(response.status).toBe(200);
    const sent = await response.json();
    expect(sent).toMatchObject({ id: 7 });
    expect(sent).not.toHaveProperty('extra');
    expect(sparse).toStrictEqual(sparseSnapshot);
    expect(sparse.meta).toStrictEqual({});
    expect(sparse.parts).toStrictEqual([{}]);
  });

  it('filter every element of a list model', async () => {
    const { url } = await serve([ItemsController]);
    expect(await (await fetch(`${url}/items`)).json()).toEqual([
      { id: 1, name: 'Plumbus', tags: ['fleeb'] },
      { id: 1, name: 'Plumbus', tags: ['fleeb'] },
    ]);
  });

  it('turn a value that does not match into a 500 logged with the route', async () => {
    const { url, logs } = await serve([ItemsController]);
    const response = await fetch(`${url}/items/broken`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ detail: 'Internal Server Error' });
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 50,
        route: 'GET /items/:id',
        msg: 'Response of GET /items/:id does not match its response model',
        issues: [expect.objectContaining({ loc: ['response', 'id'] })],
      }),
    );
  });
});
