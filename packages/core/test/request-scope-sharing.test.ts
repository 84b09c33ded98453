import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createContainer, OutsideRequestScopeError, Response } from '../src/index.js';

@injectable()
class Session {
  readonly id = Math.random();
  constructor(@inject(Response) readonly response: Response) {}
}

@injectable()
class Handler {
  constructor(
    @inject(Session) readonly session: Session,
    @inject(Response) readonly response: Response,
  ) {}
}

const module = new ContainerModule(({ bind }) => {
  bind(Session).toSelf().inRequestScope();
  bind(Handler).toSelf();
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

  it('refuses to resolve request-scoped services outside a scope', async () => {
    const container = await createContainer({ modules: [module] });
    expect(() => container.get(Session)).toThrow(OutsideRequestScopeError);
    expect(() => container.get(Response)).toThrow(/HERALD|request-scoped/);
  });
});
