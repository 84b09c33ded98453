import { type Binding, getClassMetadata } from '@inversifyjs/core';
import { isThenable } from '../utils/is-thenable.js';

/** What decides whether a binding resolves synchronously, besides the binding itself. */
export interface SynchronousBindingContext {
  /** Herald's own scope readers (`Response`, `RequestScope`, `bindScopedValue`): plain reads. */
  isScopeReader(factory: unknown): boolean;
  /** Whether the container has `onActivation` handlers for the service (any may be async). */
  hasActivations(binding: Binding): boolean;
}

/**
 * Whether resolving `binding` itself can never give a promise: a class without `onActivation`
 * or `@postConstruct` (either may be async), a constant that is not a promise, or one of
 * Herald's scope readers. Factories, dynamic and resolved values may return a promise, so they
 * count as asynchronous whatever they do. Its dependencies are the caller's to check.
 *
 * @example
 * ```ts
 * const synchronous = container.bindingsOf(RateLimiter).every((binding) => container.resolvesSynchronously(binding));
 * ```
 */
export function resolvesSynchronously(binding: Binding, context: SynchronousBindingContext): boolean {
  switch (binding.type) {
    case 'Instance':
      return (
        binding.onActivation === undefined &&
        !context.hasActivations(binding) &&
        getClassMetadata(binding.implementationType).lifecycle.postConstructMethodNames.size === 0
      );
    case 'ConstantValue':
      return binding.onActivation === undefined && !context.hasActivations(binding) && !isThenable(binding.value);
    case 'DynamicValue':
      return context.isScopeReader(binding.value);
    default:
      return false;
  }
}
