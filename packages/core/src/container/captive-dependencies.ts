import type { Binding } from '@inversifyjs/core';
import type { ServiceIdentifier } from 'inversify';
import { CaptiveDependencyError } from '../errors.js';
import { bindingDependencies } from './binding-dependencies.js';
import { describeService } from './describe-service.js';
import { isRequestScoped } from './request-scoped-binding.js';

/** What the check needs to know of the container. */
export interface BindingGraph {
  /** Every binding of the container. */
  all(): Iterable<Binding>;
  /** The bindings of one service. */
  of(service: ServiceIdentifier): Iterable<Binding>;
  /** Services that are request-scoped by nature (the `Response`, scoped values). */
  requestServices: ReadonlySet<ServiceIdentifier>;
}

/**
 * Throws `CaptiveDependencyError` when a singleton depends, directly or through other bindings,
 * on a request-scoped service: inversify would build it once and keep the first request's
 * instance inside it forever — a cross-request leak. Dependencies are those
 * `bindingDependencies` sees; `toDynamicValue` and factory bindings cannot be seen through.
 */
export function assertNoCaptiveDependencies(graph: BindingGraph): void {
  for (const binding of graph.all()) {
    if ((binding as { scope?: string }).scope !== 'Singleton' || isRequestScoped(binding)) continue;
    const chain = findRequestScopedPath(graph, binding, new Set());
    if (chain) throw new CaptiveDependencyError([describeService(binding.serviceIdentifier), ...chain]);
  }
}

function findRequestScopedPath(graph: BindingGraph, binding: Binding, visiting: Set<Binding>): string[] | undefined {
  visiting.add(binding);
  for (const { service } of bindingDependencies(binding)) {
    const name = describeService(service);
    if (graph.requestServices.has(service)) return [name];
    for (const dependency of graph.of(service)) {
      if (isRequestScoped(dependency)) return [name];
      if (visiting.has(dependency)) continue;
      const rest = findRequestScopedPath(graph, dependency, visiting);
      if (rest) return [name, ...rest];
    }
  }
  visiting.delete(binding);
  return undefined;
}
