import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { CaptiveDependencyError, createContainer, Response } from '../src/index.js';

@injectable()
class Headers {
  constructor(@inject(Response) readonly response: Response) {}
}

@injectable()
class Middle {
  constructor(@inject(Headers) readonly headers: Headers) {}
}

@injectable()
class Cache {
  constructor(@inject(Middle) readonly middle: Middle) {}
}

@injectable()
class UsesSession {
  constructor(@inject('session') readonly session: unknown) {}
}

const HeadersAlias = Symbol('HeadersAlias');

@injectable()
class UsesAlias {
  constructor(@inject(HeadersAlias) readonly headers: Headers) {}
}

@injectable()
class PropertyInjected {
  @inject(Response) readonly response!: Response;
}

describe('captive dependencies', () => {
  it('reject a singleton that reaches the Response through transient services, naming the chain', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(Headers).toSelf();
        bind(Middle).toSelf();
        bind(Cache).toSelf().inSingletonScope();
      }),
    ];
    const failure = createContainer({ modules });
    await expect(failure).rejects.toThrow(CaptiveDependencyError);
    await expect(failure).rejects.toMatchObject({
      code: 'HERALD_ERR_CAPTIVE_DEPENDENCY',
      chain: ['Cache', 'Middle', 'Headers', 'Response'],
      message: expect.stringContaining('Singleton Cache -> Middle -> Headers -> Response'),
    });
  });

  it('reject a singleton resolved value depending on a request-scoped binding', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind('session').toConstantValue({}).whenNamed('never');
        bind('session')
          .toResolvedValue(() => ({}))
          .inRequestScope();
        bind(UsesSession).toSelf().inSingletonScope();
      }),
    ];
    await expect(createContainer({ modules })).rejects.toMatchObject({ chain: ['UsesSession', 'session'] });
  });

  it('follow toService() redirections', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(Headers).toSelf();
        bind(HeadersAlias).toService(Headers);
        bind(UsesAlias).toSelf().inSingletonScope();
      }),
    ];
    await expect(createContainer({ modules })).rejects.toMatchObject({
      code: 'HERALD_ERR_CAPTIVE_DEPENDENCY',
      chain: ['UsesAlias', 'HeadersAlias', 'Headers', 'Response'],
    });
  });

  it('follow property injections', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(PropertyInjected).toSelf().inSingletonScope();
      }),
    ];
    await expect(createContainer({ modules })).rejects.toMatchObject({
      code: 'HERALD_ERR_CAPTIVE_DEPENDENCY',
      chain: ['PropertyInjected', 'Response'],
    });
  });

  it('accept the same graph when the top service is transient or request-scoped', async () => {
    const modules = [
      new ContainerModule(({ bind }) => {
        bind(Headers).toSelf();
        bind(Middle).toSelf();
        bind(Cache).toSelf().inRequestScope();
      }),
    ];
    const container = await createContainer({ modules });
    const scope = container.openScope();
    expect(scope.run(() => container.get(Cache)).middle.headers.response).toBe(scope.response);
  });
});
