import {
  type Binding,
  InversifyCoreError,
  InversifyCoreErrorKind,
  PlanResultCacheService,
  type ResolutionContext,
  type ResolutionParams,
  resolve,
} from '@inversifyjs/core';
import { Plugin, type PluginApi, type PluginContext } from '@inversifyjs/plugin';
import { Container, type ContainerModule, type GetOptions, type Newable, type ServiceIdentifier } from 'inversify';
import { ModuleLoadError, OutsideRequestScopeError } from '../errors.js';
import { Response } from '../response/Response.js';
import { RequestScope } from '../scope/RequestScope.js';
import { Thrown } from '../utils/Thrown.js';
import { BindingOverrides, type Override } from './BindingOverrides.js';
import { assertNoCaptiveDependencies } from './captive-dependencies.js';
import { compileResolver } from './compile-resolver.js';
import { describeService } from './describe-service.js';
import { adoptRequestScope } from './request-scoped-binding.js';
import { resolvesSynchronously } from './synchronous-binding.js';
import { assertYieldProvidersNotSingletons } from './yield-provider-scopes.js';

/**
 * A registered service and, for class bindings, the class that implements it.
 *
 * @example
 * ```ts
 * for (const { implementationType } of container.services()) console.log(implementationType?.name);
 * ```
 */
export interface BoundService {
  readonly serviceIdentifier: ServiceIdentifier;
  readonly implementationType: Newable | undefined;
}

/**
 * Herald's application container: an inversify `Container` that knows about request scopes.
 * `Response` and `RequestScope` are bound to the current scope's instances, `inRequestScope()`
 * bindings get one instance per scope, and `prepare()` rejects captive dependencies.
 * Build one with `createContainer`.
 *
 * @example
 * ```ts
 * const container = await createContainer({ modules: [itemsModule] });
 * const scope = container.openScope();
 * const items = await scope.run(() => container.getAsync(ItemsService));
 * ```
 */
export class HeraldContainer {
  /** The underlying inversify container, for binding and rebinding (e.g. test overrides). */
  readonly inversify = new Container();
  readonly #plugin: () => PluginContext;
  #plans: PlanResultCacheService | null | undefined;
  readonly #requestServices = new Set<ServiceIdentifier>([Response, RequestScope]);
  readonly #overrides = new BindingOverrides({
    inversify: this.inversify,
    bindings: () => this.#plugin().bindingService,
    requestServices: this.#requestServices,
    prepare: () => {
      this.prepare();
      for (const listener of this.#rebindListeners) listener();
    },
  });
  readonly #rebindListeners: Array<() => void> = [];
  /** The factories of Herald's scope readers, which resolve synchronously, and what each reads. */
  readonly #scopeReaders = new WeakMap<() => unknown, (scope: RequestScope) => unknown>();
  /** `isSatisfiedBy` of a binding without a `when…` constraint (the scope readers' own). */
  readonly #unconstrained: Binding['isSatisfiedBy'];
  /** What inversify hands dynamic values and activations, as its own `get` does. */
  readonly #resolutionContext: ResolutionContext = {
    get: (service: ServiceIdentifier, options?: GetOptions) => this.inversify.get(service, options),
    getAll: (service, options) => this.inversify.getAll(service, options),
    getAllAsync: (service, options) => this.inversify.getAllAsync(service, options),
    getAsync: (service: ServiceIdentifier, options?: GetOptions) => this.inversify.getAsync(service, options),
    getActivations: (service) => this.#plugin().activationService.get(service),
  } as ResolutionContext;

  constructor() {
    let context: PluginContext | undefined;
    this.inversify.register(
      class BindingsProbe extends Plugin<Container> {
        constructor(container: Container, pluginContext: PluginContext) {
          super(container, pluginContext);
          context = pluginContext;
        }
        load(_api: PluginApi): void {}
      },
    );
    this.#plugin = () => context as PluginContext;
    this.#bindScopeReader(RequestScope, (scope) => scope);
    this.#bindScopeReader(Response, (scope) => scope.response);
    this.#unconstrained = (this.bindingsOf(RequestScope)[0] as Binding).isSatisfiedBy;
  }

  /**
   * Loads modules one by one (sync or async), so a failure names the module that failed.
   * Call `prepare()` afterwards; `createContainer` does both.
   */
  async load(...modules: ContainerModule[]): Promise<void> {
    for (const [index, module] of modules.entries()) {
      try {
        await this.inversify.loadAsync(module);
      } catch (error) {
        const name = (module as { name?: unknown }).name;
        const label =
          typeof name === 'string' && name ? `module "${name}"` : `module #${index + 1} of ${modules.length}`;
        throw new ModuleLoadError(label, error);
      }
    }
  }

  /**
   * Binds `token` to a value each scope provides with `scope.provide(token, value)` — how an
   * adapter makes its request object injectable. The token counts as request-scoped. `read`
   * derives the value from the scope instead, e.g. one field of a value provided once.
   */
  bindScopedValue<T>(
    token: ServiceIdentifier<T>,
    read: (scope: RequestScope) => T = (scope) => scope.valueOf(token),
  ): void {
    this.#requestServices.add(token);
    this.#bindScopeReader(token, read);
  }

  /** Binds `token` to what `read` takes from the current scope; a plain read, never a promise. */
  #bindScopeReader<T>(token: ServiceIdentifier<T>, read: (scope: RequestScope) => T): void {
    const reader = () => read(currentScope(token));
    this.#scopeReaders.set(reader, read as (scope: RequestScope) => unknown);
    this.inversify.bind(token).toDynamicValue(reader);
  }

  /**
   * Whether resolving `binding` itself never gives a promise — its dependencies aside (see
   * `resolvesSynchronously`). A route whose whole graph does can be run without
   * AsyncLocalStorage (`RequestScope.enter`).
   *
   * @example
   * ```ts
   * const synchronous = container.bindingsOf(RateLimiter).every((binding) => container.resolvesSynchronously(binding));
   * ```
   */
  resolvesSynchronously(binding: Binding): boolean {
    return resolvesSynchronously(binding, {
      isScopeReader: (factory) => this.#scopeReaders.has(factory as () => unknown),
      hasActivations: ({ serviceIdentifier }) => this.#plugin().activationService.get(serviceIdentifier) !== undefined,
    });
  }

  /** The bindings of `service`, e.g. to check at start-up that a graph can be resolved. */
  bindingsOf(service: ServiceIdentifier): readonly Binding[] {
    return [...(this.#plugin().bindingService.get(service) ?? [])];
  }

  /**
   * Makes every `inRequestScope()` binding per-scope and throws `CaptiveDependencyError` if a
   * singleton depends on a request-scoped service (`YieldProviderError` if one is `withYield`). Idempotent: run it again after rebinding.
   */
  prepare(): void {
    assertYieldProvidersNotSingletons(this.#allBindings());
    for (const binding of this.#allBindings()) adoptRequestScope(binding);
    // A plan built before adoption would keep inversify's per-`get` request scope.
    this.#plugin().planResultCacheService.clearCache();
    assertNoCaptiveDependencies({
      all: () => this.#allBindings(),
      of: (service) => this.#plugin().bindingService.get(service) ?? [],
      requestServices: this.#requestServices,
    });
  }

  /**
   * Replaces `token` — a service, a request-scoped service, a scoped value — until `restore`,
   * e.g. for a test (FastAPI's `dependency_overrides`). Takes effect for the next resolution; no
   * rebuild, nothing to call afterwards, no cost per request. The overridden graph must pass the
   * start-up checks: an override that makes a singleton capture a request-scoped service throws
   * `CaptiveDependencyError` here and changes nothing.
   *
   * @example
   * ```ts
   * container.override(Mailer, { useClass: RecordingMailer });
   * container.override(CurrentUser, { useValue: { id: 1, name: 'Test' } });
   * ```
   */
  override<T>(token: ServiceIdentifier<T>, replacement: Override<T>): void {
    this.#overrides.override(token, replacement);
  }

  /**
   * Puts back the original binding of `token`, or of every overridden token when called without
   * one; singletons built with an override are dropped and the original instances come back.
   *
   * @example
   * ```ts
   * afterEach(() => container.restore());
   * ```
   */
  restore(token?: ServiceIdentifier): void {
    this.#overrides.restore(token);
  }

  /**
   * Runs `listener` after every `override` and `restore`, once the container is prepared again:
   * an adapter recompiles there what it derived from the bindings at start-up (its route plans).
   * A listener that throws fails the override, which is then undone.
   *
   * @example
   * ```ts
   * container.onRebind(() => { routes = compileRoutes(container); });
   * ```
   */
  onRebind(listener: () => void): void {
    this.#rebindListeners.push(listener);
  }

  /** Every bound service, with its implementing class for class bindings. */
  *services(): IterableIterator<BoundService> {
    for (const binding of this.#allBindings()) {
      yield {
        serviceIdentifier: binding.serviceIdentifier,
        implementationType: binding.type === 'Instance' ? binding.implementationType : undefined,
      };
    }
  }

  /** Opens a request scope with a fresh temporal `Response`. */
  openScope(): RequestScope {
    return new RequestScope();
  }

  /** Resolves a service synchronously (inside `scope.run()` for request-scoped ones). */
  get<T>(service: ServiceIdentifier<T>, options?: GetOptions): T {
    return this.inversify.get(service, options);
  }

  /**
   * Resolves a service and returns it as soon as it is built: the value itself when its whole
   * graph built synchronously, a promise only when something in it (a dynamic value, an
   * activation, a `postConstruct`) returned one. `getAsync` always costs a promise — and with
   * AsyncLocalStorage's hooks on, each promise costs more; `get` throws on an asynchronous graph
   * after it started building it. This is the same resolution as both (inversify's `resolve`
   * over the plan inversify cached for the service), without either cost; a service not planned
   * yet is planned through `getAsync`.
   *
   * @example
   * ```ts
   * const handler = scope.run(() => container.resolve(Handler));
   * const ready = handler instanceof Promise ? await handler : handler;
   * ```
   */
  resolve<T>(service: ServiceIdentifier<T>): T | Promise<T> {
    return Thrown.unwrap(this.attempt(service));
  }

  /**
   * `resolve`, except that what building the graph throws comes back as a `Thrown`: for a caller
   * that answers errors rather than passing them on, where a dependency raising is routine (a
   * 404 from a lookup), one throw instead of two and no frame of its own unwound (see `Thrown`).
   *
   * @example
   * ```ts
   * const item = scope.enter(() => container.attempt(Item));
   * if (item instanceof Thrown) return answerError(item.error);
   * ```
   */
  attempt<T>(service: ServiceIdentifier<T>): T | Promise<T> | Thrown {
    const plans = this.#ownPlans();
    if (plans === null) return this.inversify.getAsync(service);
    const planResult = plans.getByServiceIdentifier(service);
    if (planResult === undefined) return this.inversify.getAsync(service);
    const params: ResolutionParams = { context: this.#resolutionContext, planResult, requestScopeCache: undefined };
    try {
      // inversify's `resolve` is this call in a try/catch that rethrows: a second throw per error.
      return planResult.tree.root.resolve(params) as T | Promise<T>;
    } catch (error) {
      return new Thrown(isDepthOverflow(error) ? namedCycle(params, error) : error);
    }
  }

  /**
   * inversify's plan cache when its resolver is core's own `@inversifyjs/core`, else `null`:
   * plans made by another one (an inversify before 8.2.3 brings its own) take other resolution
   * params, so inversify resolves those itself, as a promise. Decided on first use, once.
   */
  #ownPlans(): PlanResultCacheService | null {
    if (this.#plans === undefined) {
      const cache = this.#plugin().planResultCacheService;
      this.#plans = cache instanceof PlanResultCacheService ? cache : null;
    }
    return this.#plans;
  }

  /**
   * `attempt(service)` compiled once, for a caller that resolves the same service in scope after
   * scope (an adapter's route): called inside `scope`, it builds the same instances. A graph of
   * plain class bindings, constants and scope readers is built by code compiled from its bindings
   * (`compileResolver`), skipping inversify's per-node work; any other goes through `attempt`.
   * Compile again after the bindings change (`onRebind`).
   *
   * @example
   * ```ts
   * const build = container.compileAttempt(RateLimiter);
   * const limiter = scope.enter(() => build(scope)); // the instance, a promise or a `Thrown`
   * ```
   */
  compileAttempt<T>(service: ServiceIdentifier<T>): (scope: RequestScope) => T | Promise<T> | Thrown {
    const build = compileResolver(service, {
      bindingsOf: (current) => this.bindingsOf(current),
      scopeRead: (binding) =>
        binding.type === 'DynamicValue' ? this.#scopeReaders.get(binding.value as () => unknown) : undefined,
      resolvesSynchronously: (binding) => this.resolvesSynchronously(binding),
      unconstrained: (binding) => binding.isSatisfiedBy === this.#unconstrained,
    });
    if (build === undefined) return () => this.attempt(service);
    return (scope) => {
      try {
        return build(scope);
      } catch (error) {
        return new Thrown(error);
      }
    };
  }

  /** Resolves a service whose graph may be asynchronous. */
  getAsync<T>(service: ServiceIdentifier<T>, options?: GetOptions): Promise<T> {
    return this.inversify.getAsync(service, options);
  }

  *#allBindings(): IterableIterator<Binding> {
    const bindings = this.#plugin().bindingService;
    for (const service of bindings.getBoundServices()) yield* bindings.get(service) ?? [];
  }
}

/** What a cycle the planner could not see (a factory's `get`, a re-planned node) ends in. */
function isDepthOverflow(error: unknown): boolean {
  return (
    error instanceof RangeError ||
    InversifyCoreError.isErrorOfKind(error, InversifyCoreErrorKind.planningMaxDepthExceeded)
  );
}

/** Rare and fatal, so resolved once more by inversify's own `resolve`, which names the cycle. */
function namedCycle(params: ResolutionParams, overflow: unknown): unknown {
  try {
    resolve(params);
  } catch (named) {
    return named;
  }
  return overflow;
}

function currentScope(service: ServiceIdentifier): RequestScope {
  const scope = RequestScope.current();
  if (scope === undefined) throw new OutsideRequestScopeError(describeService(service));
  return scope;
}
