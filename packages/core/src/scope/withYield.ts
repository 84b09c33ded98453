import { OutsideRequestScopeError, TeardownSwallowedError, YieldProviderError } from '../errors.js';
import type { DeferOptions, Outcome } from './Outcome.js';
import { RequestScope } from './RequestScope.js';

type Step<T> = IteratorResult<T, unknown>;
type AnyGenerator<T> = Generator<T, unknown, undefined> | AsyncGenerator<T, unknown, undefined>;

/**
 * Turns a generator into a provider, FastAPI's dependency with `yield`: the code before `yield`
 * sets up, the yielded value is injected, and the code after it runs as a teardown of the current
 * request scope (`before-response` unless `options.when` says otherwise). A failed request is
 * thrown into the generator at the `yield`, so `try`/`catch`/`finally` read as in Python:
 * re-throw, throw an `HTTPException` instead, or clean up in `finally`. Catching the error without
 * throwing leaves no response to send: the request answers 500 with a `TeardownSwallowedError`
 * logged (as FastAPI does). A sync generator gives a sync provider, an async one an async one.
 *
 * @example
 * ```ts
 * bind(Session).toResolvedValue(withYield(function* (engine: Engine) {
 *   const session = engine.begin();
 *   try {
 *     yield session;
 *     session.commit();
 *   } catch (error) {
 *     session.rollback();
 *     throw error;
 *   }
 * }), [Engine]).inRequestScope();
 * ```
 */
export function withYield<Args extends unknown[], T>(
  generator: (...args: Args) => Generator<T, unknown, undefined>,
  options?: DeferOptions,
): (...args: Args) => T;
export function withYield<Args extends unknown[], T>(
  generator: (...args: Args) => AsyncGenerator<T, unknown, undefined>,
  options?: DeferOptions,
): (...args: Args) => Promise<T>;
export function withYield<Args extends unknown[], T>(
  generator: (...args: Args) => AnyGenerator<T>,
  options: DeferOptions = {},
): (...args: Args) => T | Promise<T> {
  const name = `withYield(${generator.name || 'anonymous'})`;
  const provider = (...args: Args): T | Promise<T> => {
    const scope = RequestScope.current();
    if (scope === undefined) throw new OutsideRequestScopeError(name);
    const iterator = generator(...args);
    const first = iterator.next();
    const begin = (step: Step<T>): T => {
      if (step.done) throw new YieldProviderError(name, 'returned without yielding a value');
      scope.defer((outcome) => finish(iterator, outcome), options);
      return step.value;
    };
    return first instanceof Promise ? first.then(begin) : begin(first as Step<T>);
  };
  const finish = async (iterator: AnyGenerator<T>, outcome: Outcome): Promise<void> => {
    // Resuming at the `yield`: a failure is thrown there, so the generator's own `catch` sees it.
    const end = await (outcome.failed ? iterator.throw(outcome.error) : iterator.next());
    if (!end.done) {
      await iterator.return(undefined);
      throw new YieldProviderError(name, 'yielded more than once; yield exactly one value');
    }
    if (outcome.failed && (options.when ?? 'before-response') === 'before-response') {
      throw new TeardownSwallowedError(name, outcome.error);
    }
  };
  yieldProviders.add(provider);
  return provider;
}

const yieldProviders = new WeakSet<object>();

/** Whether `factory` was made by `withYield`; start-up uses it to refuse singleton bindings of one. */
export function isYieldProvider(factory: unknown): boolean {
  return typeof factory === 'function' && yieldProviders.has(factory);
}
