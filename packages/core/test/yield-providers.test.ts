import { ContainerModule } from 'inversify';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createContainer,
  type Outcome,
  OutsideRequestScopeError,
  TeardownSwallowedError,
  withYield,
  YieldProviderError,
} from '../src/index.js';

const Session = Symbol('Session');
const Engine = Symbol('Engine');

class FakeSession {
  readonly log: string[] = [];
}

/** A container with `Session` bound to `provider`, and the outcome of one request that uses it. */
async function requestWith(
  provider: (engine: string) => unknown,
  outcome: Outcome,
): Promise<{ session: FakeSession; end: Outcome }> {
  const container = await createContainer({
    modules: [
      new ContainerModule(({ bind }) => {
        bind(Engine).toConstantValue('engine');
        bind(Session)
          .toResolvedValue(provider as (engine: string) => FakeSession, [Engine])
          .inRequestScope();
      }),
    ],
  });
  const scope = container.openScope();
  const session = await scope.run(() => container.getAsync<FakeSession>(Session));
  const end = await scope.settle(outcome);
  await scope.close();
  return { session, end };
}

function* commitOrRollBack(engine: string) {
  const session = new FakeSession();
  session.log.push(`begin on ${engine}`);
  try {
    yield session;
    session.log.push('commit');
  } catch (error) {
    session.log.push('rollback');
    throw error;
  } finally {
    session.log.push('close');
  }
}

describe('withYield providers', () => {
  it('inject the yielded value and resume after the yield on success', async () => {
    const { session, end } = await requestWith(withYield(commitOrRollBack), { failed: false });
    expect(session.log).toEqual(['begin on engine', 'commit', 'close']);
    expect(end).toEqual({ failed: false });
  });

  it('throw the request error in at the yield, so catch and finally run and a re-throw keeps it', async () => {
    const error = new Error('handler failed');
    const { session, end } = await requestWith(withYield(commitOrRollBack), { failed: true, error });
    expect(session.log).toEqual(['begin on engine', 'rollback', 'close']);
    expect(end).toEqual({ failed: true, error });
  });

  it('let an async generator translate an error into another one', async () => {
    class KeyError extends Error {}
    const translated = new Error('404');
    const provider = withYield(async function* () {
      try {
        yield new FakeSession();
      } catch (error) {
        if (error instanceof KeyError) throw translated;
        throw error;
      }
    });
    const { end } = await requestWith(provider, { failed: true, error: new KeyError('missing') });
    expect(end).toEqual({ failed: true, error: translated });
  });

  it('turn a swallowed error into a TeardownSwallowedError carrying it, as FastAPI answers 500', async () => {
    const error = new Error('lost');
    const provider = withYield(function* () {
      try {
        yield new FakeSession();
      } catch {
        // swallowed on purpose
      }
    });
    const { end } = await requestWith(provider, { failed: true, error });
    expect(end.failed).toBe(true);
    expect(end.error).toBeInstanceOf(TeardownSwallowedError);
    expect((end.error as Error).cause).toBe(error);
  });

  it('run after-response ones at close, not at settle', async () => {
    const log: string[] = [];
    const container = await createContainer({
      modules: [
        new ContainerModule(({ bind }) => {
          bind(Session)
            .toResolvedValue(
              withYield(
                function* () {
                  yield 'session';
                  log.push('closed');
                },
                { when: 'after-response' },
              ),
            )
            .inRequestScope();
        }),
      ],
    });
    const scope = container.openScope();
    expect(scope.run(() => container.get(Session))).toBe('session');
    await scope.settle({ failed: false });
    expect(log).toEqual([]);
    await scope.close();
    expect(log).toEqual(['closed']);
  });

  it('refuse a generator that does not yield, or yields twice', async () => {
    const none = withYield(function* noYield() {});
    await expect(requestWith(none, { failed: false })).rejects.toThrow(YieldProviderError);
    const twice = withYield(function* twice() {
      yield new FakeSession();
      yield new FakeSession();
    });
    const { end } = await requestWith(twice, { failed: false });
    expect(end.error).toBeInstanceOf(YieldProviderError);
    expect((end.error as Error).message).toContain('withYield(twice) yielded more than once');
  });

  it('cannot be resolved outside a request scope', async () => {
    expect(() => withYield(commitOrRollBack)('engine')).toThrow(OutsideRequestScopeError);
  });

  it('fail at start-up when bound as a singleton', async () => {
    const loading = createContainer({
      modules: [
        new ContainerModule(({ bind }) => {
          bind(Engine).toConstantValue('engine');
          bind(Session).toResolvedValue(withYield(commitOrRollBack), [Engine]).inSingletonScope();
        }),
      ],
    });
    await expect(loading).rejects.toMatchObject({
      code: 'HERALD_ERR_YIELD_PROVIDER',
      message: expect.stringContaining('Session is bound to a withYield provider in singleton scope'),
    });
  });
});

describe('withYield types', () => {
  it('give a sync provider for a generator and an async one for an async generator', () => {
    const sync = withYield(function* (engine: string) {
      yield engine.length;
    });
    const async = withYield(async function* (engine: string) {
      yield engine.length;
    });
    expectTypeOf(sync).toEqualTypeOf<(engine: string) => number>();
    expectTypeOf(async).toEqualTypeOf<(engine: string) => Promise<number>>();
  });
});
