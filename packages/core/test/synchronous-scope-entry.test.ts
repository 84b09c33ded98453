import { ContainerModule, inject, injectable, postConstruct } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createContainer, RequestScope, Response } from '../src/index.js';

@injectable()
class Limiter {
  constructor(@inject(Response) readonly response: Response) {}
}

@injectable()
class Warmed {
  @postConstruct()
  async warm(): Promise<void> {}
}

const modules = [
  new ContainerModule(({ bind }) => {
    bind(Limiter).toSelf().inRequestScope();
    bind(Warmed).toSelf();
    bind('constant').toConstantValue(1);
    bind('pending').toConstantValue(Promise.resolve(1));
    bind('activated constant')
      .toConstantValue(1)
      .onActivation((_context, value) => value);
    bind('dynamic').toDynamicValue(() => 1);
    bind('resolved').toResolvedValue(() => 1);
    bind('activated')
      .to(Limiter)
      .onActivation((value) => value);
  }),
];

describe('RequestScope.enter', () => {
  it('is the current scope for the synchronous part of its function, and resolves from it', async () => {
    const container = await createContainer({ modules });
    const scope = container.openScope();
    const limiter = scope.enter(() => {
      expect(RequestScope.current()).toBe(scope);
      return container.inversify.get(Limiter);
    });
    expect(limiter.response).toBe(scope.response);
    expect(RequestScope.current()).toBeUndefined();
  });

  it('does not follow a continuation, which never sees the scope it started in', async () => {
    const scope = (await createContainer({ modules })).openScope();
    const later = scope.enter(async () => {
      await null;
      return RequestScope.current();
    });
    expect(await later).toBeUndefined();
  });

  it('gives way to a scope run inside it, and comes back after it, also when it throws', async () => {
    const container = await createContainer({ modules });
    const [outer, inner] = [container.openScope(), container.openScope()];
    outer.enter(() => {
      expect(inner.run(() => RequestScope.current())).toBe(inner);
      expect(() =>
        inner.enter(() => {
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(RequestScope.current()).toBe(outer);
    });
  });

  it('keeps run()s continuations in their own scope, whatever is entered meanwhile', async () => {
    const container = await createContainer({ modules });
    const [first, second] = [container.openScope(), container.openScope()];
    const seen = first.run(async () => {
      await null;
      return RequestScope.current();
    });
    second.enter(() => undefined);
    expect(await seen).toBe(first);
  });
});

describe('HeraldContainer.resolvesSynchronously', () => {
  const synchronous = async (service: unknown) => {
    const container = await createContainer({ modules });
    return container.bindingsOf(service as never).every((binding) => container.resolvesSynchronously(binding));
  };

  it('holds for classes, constants and the scope readers', async () => {
    expect(await synchronous(Limiter)).toBe(true);
    expect(await synchronous('constant')).toBe(true);
    expect(await synchronous(Response)).toBe(true);
    expect(await synchronous(RequestScope)).toBe(true);
  });

  it('does not hold for what may give a promise: factories, promised constants, activations, @postConstruct', async () => {
    for (const service of ['dynamic', 'resolved', 'pending', 'activated', 'activated constant', Warmed]) {
      expect(await synchronous(service), String(service)).toBe(false);
    }
  });

  it('does not hold once the container has an activation for the service', async () => {
    const container = await createContainer({ modules });
    container.inversify.onActivation(Limiter, (_context, limiter) => limiter);
    const [binding] = container.bindingsOf(Limiter);
    expect(binding && container.resolvesSynchronously(binding)).toBe(false);
  });
});
