import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServiceIdentifier } from 'inversify';
import { describeService } from '../container/describe-service.js';
import { CleanupError, ScopeClosedError, ScopedValueMissingError, TeardownTooLateError } from '../errors.js';
import { Response } from '../response/Response.js';
import { type DeferOptions, type Outcome, SUCCEEDED, type Teardown } from './Outcome.js';

/**
 * A function run when the scope ends; it may return a promise.
 *
 * @example
 * ```ts
 * const release: Cleanup = () => connection.release();
 * ```
 */
export type Cleanup = () => unknown;

// One store for the whole process: a scope is found by the async context it runs in, which is
// what keeps interleaved requests apart without a child container per request.
const storage = new AsyncLocalStorage<RequestScope>();
const RESOLVED = Promise.resolve();
/**
 * The scope whose synchronous code runs right now (`enter`, and the synchronous part of `run`).
 * Always restored before the stack unwinds, so no continuation — which starts on an empty
 * stack — ever sees another request's scope here; it finds its own through the storage.
 */
let entered: RequestScope | undefined;

/**
 * One HTTP request's worth of state, whatever the transport: the temporal `Response`, the
 * instances of request-scoped services, values the adapter provides (such as the request) and
 * the teardowns to run at the end. Code run through `scope.run()` — and every async continuation
 * it starts — resolves request-scoped services from this scope and no other.
 *
 * Inject `RequestScope` to register a teardown (`defer`) or a cleanup from a request-scoped provider.
 *
 * @example
 * ```ts
 * const scope = container.openScope();
 * const service = await scope.run(() => container.getAsync(Service));
 * await scope.close();
 * ```
 */
export class RequestScope {
  /** The scope the current async context runs in, if any. */
  static current(): RequestScope | undefined {
    return entered ?? storage.getStore();
  }

  /** The temporal response shared by everything resolved in this scope. */
  readonly response = new Response();
  // A scope is opened per request, so what most requests never use is allocated on first use:
  // the cache of request-scoped instances, the provided values, the teardown lists. Both caches
  // are flat key, value, key, value… arrays: a request builds a handful of request-scoped
  // services and gets one or two provided values, which a scan finds faster than a Map, made
  // per request, would.
  #instances: unknown[] | undefined;
  #values: unknown[] | undefined;
  // Each list in order of setup; both run last first, like `finally` blocks unwinding.
  #beforeResponse: Teardown[] | undefined;
  #afterResponse: Teardown[] | undefined;
  #outcome: Outcome = SUCCEEDED;
  #settled = false;
  #closed = false;

  /** Runs `fn` inside this scope; what it resolves, now or after any `await`, comes from here. */
  run<T>(fn: () => T): T {
    const outer = entered;
    entered = this;
    try {
      return storage.run(this, fn);
    } finally {
      entered = outer;
    }
  }

  /**
   * Runs `fn` inside this scope for its synchronous part only: what it resolves before it
   * returns comes from here, but continuations it starts (after an `await`, in a timer) do not
   * carry the scope — use `run` for those. It never enters AsyncLocalStorage, whose hooks, once
   * any storage is entered, run for every async resource of the process on Node 20 (each socket
   * write, timer and tick): they were a third of a synchronous request's CPU. Herald's adapter
   * enters the routes it can prove synchronous this way (see `resolvesSynchronously`).
   *
   * @example
   * ```ts
   * const limiter = scope.enter(() => container.resolve(RateLimiter)); // a class: never a promise
   * ```
   */
  enter<T>(fn: () => T): T {
    const outer = entered;
    entered = this;
    try {
      return fn();
    } finally {
      entered = outer;
    }
  }

  /**
   * Provides the value of a token bound with `container.bindScopedValue(token)` for this scope,
   * e.g. the transport's request object.
   */
  provide<T>(token: ServiceIdentifier<T>, value: T): this {
    this.#values = store(this.#values, token, value);
    return this;
  }

  /** The value provided for `token`; throws `ScopedValueMissingError` if none was. */
  valueOf<T>(token: ServiceIdentifier<T>): T {
    const index = indexOf(this.#values, token);
    if (index === -1) throw new ScopedValueMissingError(describeService(token));
    return this.#values?.[index + 1] as T;
  }

  /** @internal The cache entry of a request-scoped binding in this scope (`undefined`: not built yet). */
  cached(binding: object): unknown {
    const index = indexOf(this.#instances, binding);
    return index === -1 ? undefined : this.#instances?.[index + 1];
  }

  /** @internal Stores the cache entry of a request-scoped binding for this scope. */
  cache(binding: object, entry: unknown): void {
    this.#instances = store(this.#instances, binding, entry);
  }

  /**
   * Whether `close()` has nothing to run (no teardown or cleanup is registered, or the scope is
   * closed): an adapter can then end the request without waiting for it.
   *
   * @example
   * ```ts
   * if (scope.idle) void scope.close();
   * else await scope.close();
   * ```
   */
  get idle(): boolean {
    return this.#closed || ((this.#beforeResponse?.length ?? 0) === 0 && (this.#afterResponse?.length ?? 0) === 0);
  }

  /**
   * Registers `teardown` to run when the request is over, with its `Outcome`. Before the
   * response (the default) it can still change it: throw an `HTTPException` to answer with it,
   * re-throw or throw anything else for a 500, write headers to the temporal `Response`. After
   * the response it is cleanup only. Each timing runs last registered first; one that throws
   * does not stop the others.
   *
   * @example
   * ```ts
   * @injectable()
   * class UnitOfWork {
   *   constructor(@inject(Store) readonly store: Store, @inject(RequestScope) scope: RequestScope) {
   *     scope.defer(({ failed }) => (failed ? store.rollback() : store.commit()));
   *   }
   * }
   * ```
   */
  defer(teardown: Teardown, { when = 'before-response' }: DeferOptions = {}): void {
    if (this.#closed) throw new ScopeClosedError();
    if (when === 'after-response') {
      this.#afterResponse ??= [];
      this.#afterResponse.push(teardown);
    } else if (this.#settled) throw new TeardownTooLateError();
    else {
      this.#beforeResponse ??= [];
      this.#beforeResponse.push(teardown);
    }
  }

  /**
   * Registers `cleanup` to run after the response is sent — `defer(cleanup, { when:
   * 'after-response' })`; it receives the outcome too.
   *
   * @example
   * ```ts
   * bind(Db).toResolvedValue(async (scope: RequestScope) => {
   *   const db = await pool.connect();
   *   scope.addCleanup(() => db.release());
   *   return db;
   * }, [RequestScope]).inRequestScope();
   * ```
   */
  addCleanup(cleanup: Cleanup): void {
    this.defer(cleanup, { when: 'after-response' });
  }

  /**
   * The adapter's hook between the handler and the response: runs the `before-response`
   * teardowns with how the handler went and returns how the request ends — what to answer with.
   * Synchronous when there is nothing to run, which is most requests. Called once; later
   * `before-response` registrations throw `TeardownTooLateError`.
   *
   * @example
   * ```ts
   * const outcome = await scope.settle(handlerError === undefined ? { failed: false } : { failed: true, error: handlerError });
   * ```
   */
  settle(outcome: Outcome): Outcome | Promise<Outcome> {
    this.#settled = true;
    this.#outcome = outcome;
    return (this.#beforeResponse?.length ?? 0) === 0 ? outcome : this.#runBeforeResponse();
  }

  async #runBeforeResponse(): Promise<Outcome> {
    const teardowns = this.#beforeResponse?.splice(0) ?? [];
    for (let index = teardowns.length - 1; index >= 0; index--) {
      try {
        await teardowns[index]?.(this.#outcome);
      } catch (error) {
        // The thrown error becomes the outcome the outer teardowns see, and the response.
        this.#outcome = { failed: true, error };
      }
    }
    return this.#outcome;
  }

  /**
   * Records that delivering the response failed — a stream broke, the client left — so the
   * `after-response` teardowns see it, unless the request had already failed. The adapter calls it.
   *
   * @example
   * ```ts
   * try { await send(outgoing) } catch (error) { scope.fail(error) }
   * ```
   */
  fail(error: unknown): void {
    if (!this.#outcome.failed) this.#outcome = { failed: true, error };
  }

  /**
   * Ends the scope once the response is out: runs the `after-response` teardowns and cleanups
   * (and any `before-response` one nobody settled, e.g. when middleware answered alone), last
   * registered first, with the request's outcome. A failing one does not stop the others; once
   * all have run, their errors are thrown together as one `CleanupError`.
   */
  close(): Promise<void> {
    const idle = this.idle;
    this.#closed = true;
    this.#settled = true;
    // Most requests register no teardown: skip the async machinery for them.
    return idle ? RESOLVED : this.#runAfterResponse();
  }

  async #runAfterResponse(): Promise<void> {
    const teardowns = [...(this.#afterResponse?.splice(0) ?? []), ...(this.#beforeResponse?.splice(0) ?? [])];
    const errors: unknown[] = [];
    for (let index = teardowns.length - 1; index >= 0; index--) {
      try {
        await teardowns[index]?.(this.#outcome);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new CleanupError(errors);
  }
}

/** Where `key` sits in a flat key, value, … array (made on first use, so maybe not yet); -1 when absent. */
function indexOf(entries: unknown[] | undefined, key: unknown): number {
  if (entries === undefined) return -1;
  for (let index = 0; index < entries.length; index += 2) if (entries[index] === key) return index;
  return -1;
}

/**
 * Sets `key`'s value in a flat key, value, … array, replacing the one it had; returns the array.
 * The first pair makes an array of exactly two: one `push` onto `[]` would reserve room for 17.
 */
function store(entries: unknown[] | undefined, key: unknown, value: unknown): unknown[] {
  if (entries === undefined) return [key, value];
  const index = indexOf(entries, key);
  if (index === -1) entries.push(key, value);
  else entries[index + 1] = value;
  return entries;
}
