import type { IncomingMessage } from 'node:http';
import { CaptiveDependencyError } from '@herald/core';
import { type App, DependencyGraphError, IncomingRequest } from '@herald/http';
import { inject, injectable } from 'inversify';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClient } from '../src/index.js';
import { CurrentUser, createFixtureApp, RequestTag, type User } from './fixture-app.js';

interface Me {
  user: User;
  tag: string;
  sameTag: boolean;
}

let app: App;
let client: TestClient;
const alice = { headers: { authorization: 'Bearer alice-token' } };

beforeAll(async () => {
  app = await createFixtureApp();
  client = new TestClient(app);
});

beforeEach(() => {
  RequestTag.closed = [];
});

afterEach(() => client.restore());

const Unbound = Symbol('Unbound');

@injectable()
class NeedsUnbound {
  constructor(@inject(Unbound) readonly value: unknown) {}
}

@injectable()
class FakeTag {
  static built = 0;
  readonly id = `fake-${++FakeTag.built}`;
}

describe('dependency overrides', () => {
  it('replace a request-scoped dependency by a class, still built once per request', async () => {
    client.override(RequestTag, { useClass: FakeTag });
    const first = (await client.get('/me', alice)).json<Me>();
    const second = (await client.get('/me', alice)).json<Me>();
    expect(first.tag).toMatch(/^fake-/);
    expect(first.sameTag).toBe(true);
    expect(second.tag).not.toBe(first.tag);
    // The real one never ran, so neither did its cleanup.
    expect(RequestTag.closed).toEqual([]);
  });

  it('are gone in the next test: the real dependency is back, cleanup included', async () => {
    const response = await client.get('/me', alice);
    const { tag, sameTag } = response.json<Me>();
    expect(tag).toMatch(/^real-/);
    expect(sameTag).toBe(true);
    // The client answers once the request's cleanups have run.
    expect(RequestTag.closed).toEqual([tag]);
  });

  it('replace the auth dependency by a fake user, so no token is needed', async () => {
    expect((await client.get('/me')).status).toBe(401);
    client.override<User>(CurrentUser, { useValue: { id: 42, name: 'fake' } });
    const response = await client.get('/me');
    expect(response.status).toBe(200);
    expect(response.json<Me>().user).toEqual({ id: 42, name: 'fake' });
  });

  it('build a factory override from the tokens it injects, per request', async () => {
    client.override<User>(CurrentUser, {
      useFactory: (tag: RequestTag) => ({ id: 7, name: `built with ${tag.id}` }),
      inject: [RequestTag],
    });
    const { user, tag } = (await client.get('/me')).json<Me>();
    expect(user.name).toBe(`built with ${tag}`);
  });

  it('replace a scoped value the adapter provides, such as the request object', async () => {
    const signedIn = { headers: { authorization: 'Bearer alice-token' } } as IncomingMessage;
    client.override(IncomingRequest, { useValue: signedIn });
    expect((await client.get('/me')).json<Me>().user.name).toBe('alice');
  });

  it('restore one token and keep the others overridden', async () => {
    client.override<User>(CurrentUser, { useValue: { id: 42, name: 'fake' } });
    client.override(RequestTag, { useClass: FakeTag });
    client.restore(CurrentUser);
    expect((await client.get('/me')).status).toBe(401);
    const { user, tag } = (await client.get('/me', alice)).json<Me>();
    expect(user.name).toBe('alice');
    expect(tag).toMatch(/^fake-/);
  });

  it('refuse an override that makes a singleton capture a request-scoped service, and change nothing', async () => {
    expect(() =>
      client.override<User>(CurrentUser, {
        useFactory: (tag: RequestTag) => ({ id: 1, name: tag.id }),
        inject: [RequestTag],
        scope: 'Singleton',
      }),
    ).toThrow(CaptiveDependencyError);
    expect((await client.get('/me')).status).toBe(401);
  });

  it('refuse an override whose class needs an unbound token, naming the route and chain, and change nothing', async () => {
    expect(() => client.override(CurrentUser, { useClass: NeedsUnbound as never })).toThrow(DependencyGraphError);
    expect(() => client.override(CurrentUser, { useClass: NeedsUnbound as never })).toThrow(
      'GET /me -> CurrentUser -> Unbound: no binding',
    );
    const me = await client.get('/me', alice);
    expect(me.status).toBe(200);
    expect(me.json<Me>().user.name).toBe('alice');
  });
});
