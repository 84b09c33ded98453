import { Controller, createApp, Get, Header, Inject } from '@herald/http';
import { Type } from '@sinclair/typebox';
import { ContainerModule, injectable } from 'inversify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../src/index.js';

// A dependency's own parameters belong to its class: once it is overridden, the route must stop
// asking for them (FastAPI drops an overridden dependency's inputs too), and ask again on restore.

@injectable()
class ApiKey {
  constructor(@Header('x-api-key', Type.String({ minLength: 3 })) readonly key: string) {}
}

@injectable()
class Region {
  constructor(@Header('x-region', Type.String({ enum: ['eu', 'us'] })) readonly name: string) {}
}

@Controller('/keys', { dependencies: [ApiKey] })
class KeysController {
  @Get('/mine')
  mine(@Inject(ApiKey) apiKey: ApiKey) {
    return { key: apiKey.key };
  }
}

let client: TestClient;

beforeAll(async () => {
  const app = await createApp({
    modules: [
      new ContainerModule(({ bind }) => {
        bind(ApiKey).toSelf().inRequestScope();
        bind(Region).toSelf().inRequestScope();
        bind(KeysController).toSelf();
      }),
    ],
  });
  client = new TestClient(app);
});

afterEach(() => client.restore());

describe('an override recompiles the routes it touches', () => {
  it('drops the inputs of an overridden dependency, and asks for them again on restore', async () => {
    expect((await client.get('/keys/mine')).status).toBe(422);
    client.override(ApiKey, { useValue: { key: 'fake' } as ApiKey });
    const overridden = await client.get('/keys/mine');
    expect(overridden.status).toBe(200);
    expect(overridden.json()).toEqual({ key: 'fake' });
    client.restore(ApiKey);
    const restored = await client.get('/keys/mine');
    expect(restored.status).toBe(422);
    expect(restored.json<{ detail: Array<{ loc: string[] }> }>().detail.map((issue) => issue.loc)).toEqual([
      ['header', 'x-api-key'],
    ]);
  });

  it("validates an overriding class's own parameters", async () => {
    client.override(ApiKey, { useClass: Region as never });
    const missing = await client.get('/keys/mine');
    expect(missing.status).toBe(422);
    expect(missing.json<{ detail: Array<{ loc: string[] }> }>().detail.map((issue) => issue.loc)).toEqual([
      ['header', 'x-region'],
    ]);
    expect((await client.get('/keys/mine', { headers: { 'x-region': 'eu' } })).status).toBe(200);
  });
});
