import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServiceIdentifier } from 'inversify';
import { describeService } from '../container/describe-service.js';
import { CleanupError, ScopeClosedError, ScopedValueMissingError } from '../errors.js';
import { Response } from '../response/Response.js';

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
 * One HTTP request's worth of state, whatever the transport: the temporal `Response`, the
 * instances of request-scoped services, values the adapter provides (such as the request) and
 * the cleanups to run at the end. Code run through `scope.run()` — and every async continuation
 * it starts — resolves request-scoped services from this scope and no other.
 *
 * Inject `RequestScope` to register a cleanup from a request-scoped provider.
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
    return storage.getStore();
  }

  /** The temporal response shared by everything resolved in this scope. */
  readonly response = new Response();
  /** @internal Cache entries of request-scoped bindings, keyed by binding. */
  readonly instances = new Map<object, unknown>();
  readonly #values = new Map<ServiceIdentifier, unknown>();
  readonly #cleanups: Cleanup[] = [];
  #closed = false;

  /** Runs `fn` inside this scope; what it resolves, now or after any `await`, comes from here. */
  run<T>(fn: () => T): T {
    return storage.run(this, fn);
  }

  /**
   * Provides the value of a token bound with `container.bindScopedValue(token)` for this scope,
   * e.g. the transport's request object.
   */
  provide<T>(token: ServiceIdentifier<T>, value: T): this {
    this.#values.set(token, value);
    return this;
  }

  /** The value provided for `token`; throws `ScopedValueMissingError` if none was. */
  valueOf<T>(token: ServiceIdentifier<T>): T {
    if (!this.#values.has(token)) throw new ScopedValueMissingError(describeService(token));
    return this.#values.get(token) as T;
  }

  /**
   * Registers `cleanup` to run when the scope closes. Cleanups run in reverse order of
   * registration, like `finally` blocks unwinding.
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
    if (this.#closed) throw new ScopeClosedError();
    this.#cleanups.push(cleanup);
  }

  /**
   * Runs every cleanup, last registered first. A failing cleanup does not stop the others; once
   * all have run, their errors are thrown together as one `CleanupError`.
   */
  close(): Promise<void> {
    const pending = this.#closed ? 0 : this.#cleanups.length;
    this.#closed = true;
    // Most requests register no cleanup: skip the async machinery for them.
    return pending === 0 ? RESOLVED : this.#runCleanups();
  }

  async #runCleanups(): Promise<void> {
    const errors: unknown[] = [];
    for (let index = this.#cleanups.length - 1; index >= 0; index--) {
      try {
        await this.#cleanups[index]?.();
      } catch (error) {
        errors.push(error);
      }
    }
    this.#cleanups.length = 0;
    if (errors.length > 0) throw new CleanupError(errors);
  }
}
