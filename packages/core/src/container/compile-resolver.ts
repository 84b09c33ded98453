import { type Binding, ClassElementMetadataKind, getClassMetadata } from '@inversifyjs/core';
import { LazyServiceIdentifier, type Newable, type ServiceIdentifier } from 'inversify';
import type { RequestScope } from '../scope/RequestScope.js';
import { isRequestScoped } from './request-scoped-binding.js';

/**
 * Builds one service, and what it injects, in `scope`, synchronously; throws what a constructor
 * throws.
 *
 * @example
 * ```ts
 * const limiter = compiled(scope);
 * ```
 */
export type CompiledResolver<T = unknown> = (scope: RequestScope) => T;

/** What compiling needs to know of the container's bindings. */
export interface ResolverBindings {
  bindingsOf(service: ServiceIdentifier): readonly Binding[];
  /** How a Herald scope reader (`Response`, `RequestScope`, `bindScopedValue`) reads, else `undefined`. */
  scopeRead(binding: Binding): CompiledResolver | undefined;
  /**
   * Whether the binding itself never resolves to a promise (`HeraldContainer.resolvesSynchronously`):
   * no activation, no `@postConstruct`, no constant promise — what a compiled graph cannot do.
   */
  resolvesSynchronously(binding: Binding): boolean;
  /** Whether the binding has no `when…` constraint: then it is the one inversify picks. */
  unconstrained(binding: Binding): boolean;
}

/** The bindings whose value inversify caches per its scope. */
type CachedBinding = Extract<Binding, { type: 'ConstantValue' | 'Instance' }>;

/** inversify's cache entry of a scoped binding (its `Either`). */
interface CacheEntry {
  readonly isRight: boolean;
  readonly value: unknown;
}

/**
 * Compiles, once, what inversify does to build `service` — for a graph it would build plainly:
 * every service has one unconstrained binding, and each is a class whose constructor injects
 * other such services (no property injection, `@postConstruct`, activation, `@multiInject` or
 * `@unmanaged`), a constant, or one of Herald's scope readers. The
 * result builds the same instances, cached where inversify caches them (a request-scoped one in
 * the scope, a singleton on its binding, shared with inversify's own resolutions), without
 * inversify's per-node resolution parameters, promise checks and cache accessors: on the bench's
 * route with three request-scoped services, ~3,800 of its ~5,400 instructions per request.
 * `undefined` for any other graph, which inversify resolves as before.
 *
 * It reads the bindings as they are when it runs: a caller compiles again after they change
 * (Herald's adapter does on every `override` and `restore`).
 *
 * @example
 * ```ts
 * const build = compileResolver(RateLimiter, bindings);
 * const limiter = build ? build(scope) : await scope.run(() => container.resolve(RateLimiter));
 * ```
 */
export function compileResolver<T>(
  service: ServiceIdentifier<T>,
  bindings: ResolverBindings,
): CompiledResolver<T> | undefined {
  // The graph is acyclic (the route's graph was checked at start-up); a diamond compiles once.
  const compiled = new Map<ServiceIdentifier, CompiledResolver | undefined>();
  const compile = (current: ServiceIdentifier): CompiledResolver | undefined => {
    if (compiled.has(current)) return compiled.get(current);
    const bound = bindings.bindingsOf(current);
    const binding = bound.length === 1 ? (bound[0] as Binding) : undefined;
    const resolver =
      binding && bindings.unconstrained(binding) ? compileBinding(binding, bindings, compile) : undefined;
    compiled.set(current, resolver);
    return resolver;
  };
  return compile(service) as CompiledResolver<T> | undefined;
}

function compileBinding(
  binding: Binding,
  bindings: ResolverBindings,
  compile: (service: ServiceIdentifier) => CompiledResolver | undefined,
): CompiledResolver | undefined {
  if (!bindings.resolvesSynchronously(binding)) return undefined;
  switch (binding.type) {
    case 'DynamicValue':
      return bindings.scopeRead(binding);
    case 'ConstantValue': {
      const { value } = binding;
      return cached(binding, () => value);
    }
    case 'Instance': {
      const construct = compileConstructor(binding.implementationType, compile);
      return construct && cached(binding, construct);
    }
    default:
      return undefined;
  }
}

/** `new Class(...)` with each argument built by its compiled resolver; `undefined` if one cannot be. */
function compileConstructor(
  Class: Newable,
  compile: (service: ServiceIdentifier) => CompiledResolver | undefined,
): CompiledResolver | undefined {
  const metadata = getClassMetadata(Class);
  // `@postConstruct` and activations were refused with the binding (`resolvesSynchronously`).
  if (metadata.properties.size > 0) return;
  const args: CompiledResolver[] = [];
  for (const element of metadata.constructorArguments) {
    // `@optional`, `@named` and `@tagged` change nothing here: the service has one binding, which
    // matches any name and tag when it has no constraint, and is there.
    if (element === undefined || element.kind !== ClassElementMetadataKind.singleInjection) return;
    const service = element.value instanceof LazyServiceIdentifier ? element.value.unwrap() : element.value;
    const argument = compile(service);
    if (argument === undefined) return;
    args.push(argument);
  }
  // Spelled out for the common arities: no array per instance.
  const [a, b, c] = args as [CompiledResolver, CompiledResolver, CompiledResolver];
  switch (args.length) {
    case 0:
      return () => new Class();
    case 1:
      return (scope) => new Class(a(scope));
    case 2:
      return (scope) => new Class(a(scope), b(scope));
    case 3:
      return (scope) => new Class(a(scope), b(scope), c(scope));
    default:
      return (scope) => new Class(...args.map((argument) => argument(scope)));
  }
}

/** Where inversify keeps the value of the binding's scope: nowhere, the request scope, the binding. */
function cached(binding: CachedBinding, build: CompiledResolver): CompiledResolver {
  if (isRequestScoped(binding as Binding)) {
    return (scope) => {
      const entry = scope.cached(binding) as CacheEntry | undefined;
      if (entry?.isRight) return entry.value;
      const value = build(scope);
      scope.cache(binding, { isRight: true, value } satisfies CacheEntry);
      return value;
    };
  }
  if (binding.scope === 'Transient') return build;
  return (scope) => {
    if (binding.cache.isRight) return binding.cache.value;
    const value = build(scope);
    binding.cache = { isRight: true, value };
    return value;
  };
}
