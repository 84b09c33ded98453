import { ContainerModule, inject, injectable, LazyServiceIdentifier } from 'inversify';
import { describe, expect, it } from 'vitest';
import { CaptiveDependencyError, createContainer, Response } from '../src/index.js';

@injectable()
class Ping {
  constructor(@inject(new LazyServiceIdentifier(() => Pong)) readonly pong: unknown) {}
}

@injectable()
class Pong {
  constructor(@inject(Ping) readonly ping: Ping) {}
}

describe('the captive-dependency check', () => {
  it('sees the arguments of a singleton toResolvedValue', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind('report')
          .toResolvedValue((response: Response) => ({ response }), [Response])
          .inSingletonScope();
      }),
    ];
    const failure = createContainer({ modules });
    await expect(failure).rejects.toThrow(CaptiveDependencyError);
    await expect(failure).rejects.toMatchObject({ chain: ['report', 'Response'] });
  });

  it('walks a dependency cycle among singletons once, without hanging or a false alarm', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(Ping).toSelf().inSingletonScope();
        bind(Pong).toSelf().inSingletonScope();
      }),
    ];
    await expect(createContainer({ modules })).resolves.toBeDefined();
  });
});
