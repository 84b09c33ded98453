import type { Binding, BindingScope, BindingService } from '@inversifyjs/core';
import type { Container, Newable, ServiceIdentifier } from 'inversify';
import { bindingDependencies } from './binding-dependencies.js';
import { isRequestScoped } from './request-scoped-binding.js';

/**
 * What replaces a token while an override is active, NestJS/Angular style: a value, a class
 * (built with its own `@inject` dependencies) or a factory whose arguments are the `inject`
 * tokens. A class or factory keeps the original binding's scope unless `scope` says otherwise,
 * so an overridden request-scoped service is still built once per request.
 *
 * @example
 * ```ts
 * const fakeUser: Override<User> = { useValue: { id: 1, name: 'Test' } };
 * const fakeMailer: Override<Mailer> = { useClass: RecordingMailer };
 * const fakeClock: Override<Clock> = { useFactory: (config: Config) => new FixedClock(config.now), inject: [Config] };
 * ```
 */
export type Override<T> =
  | { useValue: T }
  | { useClass: Newable<T>; scope?: BindingScope }
  // `never[]`: any factory is assignable whatever its parameters (they are typed by whoever writes
  // it and matched to `inject` at run time), and nothing can call it unchecked — unlike `any[]`.
  | { useFactory: (...dependencies: never[]) => T | Promise<T>; inject?: ServiceIdentifier[]; scope?: BindingScope };

/** What the overrides need of the container they change. */
export interface OverridableContainer {
  readonly inversify: Container;
  readonly bindings: () => BindingService;
  readonly requestServices: ReadonlySet<ServiceIdentifier>;
  /** Re-adopts request scopes, clears plans, runs the start-up checks; throws if they fail. */
  readonly prepare: () => void;
}

type Cache = { isRight: boolean; value: unknown };
type CachedBinding = Binding & { cache: Cache };

const EMPTY: Cache = Object.freeze({ isRight: false, value: undefined });

/**
 * Test-time replacement of bindings (FastAPI's `dependency_overrides`), done by rebinding, so a
 * request pays nothing for it: the resolution plans are the ordinary ones, rebuilt once per
 * change. Singletons built on an overridden token are set aside while it is overridden (they
 * would keep the original inside them) and given back, instance and all, on restore.
 */
export class BindingOverrides {
  readonly #container: OverridableContainer;
  /** The bindings each overridden token had before its first override. */
  readonly #originals = new Map<ServiceIdentifier, Binding[]>();
  /** Singletons rebuilt while overrides are active, with the instance they had before. */
  readonly #setAside = new Map<CachedBinding, Cache>();

  constructor(container: OverridableContainer) {
    this.#container = container;
  }

  /** Replaces `token`; throws (and changes nothing) if the new graph fails the start-up checks. */
  override<T>(token: ServiceIdentifier<T>, replacement: Override<T>): void {
    const bindings = this.#container.bindings();
    const current = [...(bindings.get(token) ?? [])];
    const firstOverride = !this.#originals.has(token);
    if (firstOverride) this.#originals.set(token, current);
    const scope = this.#scopeOf(token, this.#originals.get(token) ?? []);
    // Removed without inversify's `unbind`, which would deactivate (preDestroy) the originals
    // that `restore` puts back.
    bindings.removeAllByServiceId(token);
    this.#bind(token, replacement, scope);
    try {
      this.#refresh();
    } catch (error) {
      bindings.removeAllByServiceId(token);
      for (const binding of current) bindings.set(binding);
      if (firstOverride) this.#originals.delete(token);
      this.#refresh();
      throw error;
    }
  }

  /** Puts back the original binding of `token`, or of every overridden token. */
  restore(token?: ServiceIdentifier): void {
    const tokens = token === undefined ? [...this.#originals.keys()] : [token];
    const bindings = this.#container.bindings();
    for (const service of tokens) {
      const originals = this.#originals.get(service);
      if (!originals) continue;
      bindings.removeAllByServiceId(service);
      for (const binding of originals) bindings.set(binding);
      this.#originals.delete(service);
    }
    this.#refresh();
  }

  #bind<T>(token: ServiceIdentifier<T>, replacement: Override<T>, scope: BindingScope): void {
    const bind = this.#container.inversify.bind(token);
    if ('useValue' in replacement) {
      bind.toConstantValue(replacement.useValue);
      return;
    }
    const syntax =
      'useClass' in replacement
        ? bind.to(replacement.useClass)
        : // inversify calls the factory with the resolved `inject` tokens, in order.
          bind.toResolvedValue(
            replacement.useFactory as (...dependencies: unknown[]) => T | Promise<T>,
            replacement.inject ?? [],
          );
    const chosen = replacement.scope ?? scope;
    if (chosen === 'Request') syntax.inRequestScope();
    else if (chosen === 'Singleton') syntax.inSingletonScope();
    else syntax.inTransientScope();
  }

  /** The scope a class or factory override gets by default: the original's. */
  #scopeOf(token: ServiceIdentifier, originals: readonly Binding[]): BindingScope {
    if (this.#container.requestServices.has(token) || originals.some(isRequestScoped)) return 'Request';
    return (originals[0] as { scope?: BindingScope } | undefined)?.scope ?? 'Transient';
  }

  /**
   * Re-runs the start-up work, then makes every singleton that reaches an overridden token build
   * anew, and hands the others back the instance they had before any override.
   */
  #refresh(): void {
    this.#container.prepare();
    const stale = new Set(this.#singletonsReaching(new Set(this.#originals.keys())));
    for (const [binding, cache] of this.#setAside) {
      if (!stale.has(binding)) {
        binding.cache = cache;
        this.#setAside.delete(binding);
      }
    }
    for (const binding of stale) {
      if (!this.#setAside.has(binding)) this.#setAside.set(binding, binding.cache);
      binding.cache = EMPTY;
    }
  }

  *#singletonsReaching(tokens: ReadonlySet<ServiceIdentifier>): IterableIterator<CachedBinding> {
    if (tokens.size === 0) return;
    const bindings = this.#container.bindings();
    const reaches = new Map<Binding, boolean>();
    const visit = (binding: Binding): boolean => {
      const known = reaches.get(binding);
      if (known !== undefined) return known;
      reaches.set(binding, false); // a cycle does not reach anything by itself
      const found = bindingDependencies(binding).some(
        ({ service }) => tokens.has(service) || [...(bindings.get(service) ?? [])].some(visit),
      );
      reaches.set(binding, found);
      return found;
    };
    for (const service of bindings.getBoundServices()) {
      for (const binding of bindings.get(service) ?? []) {
        // Constants have no dependencies; request-scoped and transient ones are rebuilt anyway.
        const singleton = (binding as { scope?: string }).scope === 'Singleton' && !isRequestScoped(binding);
        if (singleton && visit(binding)) yield binding as unknown as CachedBinding;
      }
    }
  }
}
