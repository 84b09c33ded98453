import { type App, Controller, createApp, Delete, Get, Options, Patch, Post, Put } from '@herald/http';
import { ContainerModule } from 'inversify';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../src/index.js';

/** One path answering every method with the method it was reached by. */
@Controller()
class MethodController {
  @Get('/method')
  get() {
    return { method: 'GET' };
  }
  @Post('/method')
  post() {
    return { method: 'POST' };
  }
  @Put('/method')
  put() {
    return { method: 'PUT' };
  }
  @Patch('/method')
  patch() {
    return { method: 'PATCH' };
  }
  @Delete('/method')
  delete() {
    return { method: 'DELETE' };
  }
  @Options('/method')
  options() {
    return { method: 'OPTIONS' };
  }
}

let client: TestClient;
beforeAll(async () => {
  const app: App = await createApp({
    modules: [new ContainerModule(({ bind }) => void bind(MethodController).toSelf())],
    logger: pino({ level: 'silent' }),
  });
  client = new TestClient(app);
});

describe('the method shortcuts', () => {
  it.each(['get', 'post', 'put', 'patch', 'delete', 'options'] as const)('%s sends its own method', async (name) => {
    const response = await client[name]('/method');
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ method: name.toUpperCase() });
  });

  it('head sends HEAD: the GET route answers with its length and no body', async () => {
    const response = await client.head('/method');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String('{"method":"GET"}'.length));
    expect(response.text()).toBe('');
  });
});
