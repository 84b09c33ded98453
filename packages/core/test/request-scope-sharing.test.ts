import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createContainer, OutsideRequestScopeError, RequestScope, Response } from '../src/index.js';

@injectable()
class Session {
  constructor(@inject(Response) readonly response: Response) {}
}

@injectable()
class Handler {
  constructor(
    @inject(Session) readonly session: Session,
    @inject(Response) readonly response: Response,
  ) {}
}

const Database = Symbol('Database');
interface Database {
  session: Session;
}

const module = new ContainerModule(({ bind }) => {
  bind(Session).toSelf().inRequestScope();
  bind(Handler).toSelf();
  bind<Database>(Database)
    .toResolvedValue(
      async (session: Session) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { session };
      },
      [Session],
    )
    .inRequestScope();
});

describe('a request scope', () => {
  it('gives separate resolutions the same request-scoped instance and Response', async () => {
    const container = await createContainer({ modules: [module] });
    const scope = container.openScope();
    const [first, second] = scope.run(() => [container.get(Handler), container.get(Handler)]);
    expect(first).not.toBe(second);
    expect(first?.session).toBe(second?.session);
    expect(first?.response).toBe(scope.response);
    expect(first?.session.response).toBe(scope.response);
  });

  it('shares async request-scoped providers across sync and async resolutions', async () => {
    const container = await createContainer({ modules: [module] });
    const scope = container.openScope();
    const [a, b] = await scope.run(() =>
      Promise.all([container.getAsync<Database>(Database), container.getAsync<Database>(Database)]),
    );
    const later = await scope.run(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return container.getAsync<Database>(Database);
    });
    expect(a).toBe(b);
    expect(later).toBe(a);
    expect(a?.session).toBe(scope.run(() => container.get(Session)));
  });

  it('never shares instances between two scopes', async () => {
    const container = await createContainer({ modules: [module] });
    const a = container.openScope();
    const b = container.openScope();
    const fromA = a.run(() => container.get(Session));
    const fromB = b.run(() => container.get(Session));
    expect(fromA).not.toBe(fromB);
    expect(fromA.response).toBe(a.response);
    expect(fromB.response).toBe(b.response);
  });

  it('injects the current RequestScope itself', async () => {
    const container = await createContainer({ modules: [module] });
    const scope = container.openScope();
    expect(scope.run(() => container.get(RequestScope))).toBe(scope);
    expect(RequestScope.current()).toBeUndefined();
  });

  it('refuses to resolve request-scoped services outside a scope', async () => {
    const container = await createContainer({ modules: [module] });
    expect(() => container.get(Session)).toThrow(OutsideRequestScopeError);
    expect(() => container.get(Response)).toThrow(
      expect.objectContaining({ code: 'HERALD_ERR_OUTSIDE_REQUEST_SCOPE' }),
    );
  });

  it('resolves a scoped value provided by the transport', async () => {
    const container = await createContainer({ modules: [] });
    const RequestId = Symbol('RequestId');
    container.bindScopedValue<string>(RequestId);
    const scope = container.openScope().provide(RequestId, 'req-1');
    expect(scope.run(() => container.get(RequestId))).toBe('req-1');
    expect(() => container.openScope().run(() => container.get(RequestId))).toThrow(
      expect.objectContaining({ code: 'HERALD_ERR_SCOPED_VALUE_MISSING' }),
    );
  });
});
