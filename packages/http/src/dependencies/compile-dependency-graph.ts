import { type BindingDependency, bindingDependencies, describeService, type HeraldContainer } from '@herald/core';
import type { ServiceIdentifier } from 'inversify';
import { DependencyGraphError } from '../errors.js';
import type { ParameterSource } from '../routing/route-metadata.js';
import { dependencyParameters, parameterReader } from './dependency-parameters.js';

/** One service of a route's graph, as start-up found it. */
export interface DependencyNode {
  readonly service: ServiceIdentifier;
  /** The inputs its own constructor reads, as `location name` / `body` keys. */
  readonly reads: readonly string[];
  /** What it injects, in declaration order; shared nodes appear once per graph. */
  readonly children: readonly DependencyNode[];
}

/** A route's graph: its roots in evaluation order, and every input they read, deepest first. */
export interface DependencyGraph {
  readonly roots: readonly DependencyNode[];
  readonly sources: readonly ParameterSource[];
  /** Whether every binding of the graph resolves without a promise (`resolvesSynchronously`). */
  readonly synchronous: boolean;
}

const ROOT: Pick<BindingDependency, 'optional' | 'multiple' | 'name' | 'tags'> = {
  optional: false,
  multiple: false,
  name: undefined,
  tags: new Map(),
};

/**
 * Walks a route's graph once at start-up, from its roots (app, controller and route
 * dependencies, the controller, the handler's `@Inject`s) through constructor and property
 * injections and `toResolvedValue` arguments. It fails with `DependencyGraphError`, naming the
 * chain, on a service with no binding (optional injections excepted), several bindings where one
 * is injected, or a cycle — what inversify would otherwise report on the first request.
 */
export function compileDependencyGraph(
  container: HeraldContainer,
  roots: readonly ServiceIdentifier[],
  route: string,
): DependencyGraph {
  const nodes = new Map<ServiceIdentifier, DependencyNode>();
  const sources: ParameterSource[] = [];
  let synchronous = true;

  const visit = (
    service: ServiceIdentifier,
    dependency: typeof ROOT,
    chain: readonly string[],
    path: ReadonlySet<ServiceIdentifier>,
  ): DependencyNode | undefined => {
    const known = nodes.get(service);
    if (known) return known;
    if (path.has(service)) throw new DependencyGraphError(route, chain, 'circular dependency');
    // Request parameters, the Response, the request: values of the scope, nothing to walk.
    if (parameterReader(service)) return undefined;
    const bound = container.bindingsOf(service);
    if (bound.length === 0) {
      if (dependency.optional) return undefined;
      throw new DependencyGraphError(route, chain, 'no binding');
    }
    const constraints = {
      name: dependency.name,
      tags: new Map(dependency.tags),
      serviceIdentifier: service,
      getAncestor: () => undefined,
    };
    const matching = dependency.multiple ? bound : bound.filter((binding) => binding.isSatisfiedBy(constraints));
    if (matching.length > 1 && !dependency.multiple) {
      throw new DependencyGraphError(route, chain, `ambiguous: ${matching.length} bindings match`);
    }
    const inner = new Set(path).add(service);
    const children: DependencyNode[] = [];
    const reads: string[] = [];
    // Constraints on ancestors cannot be judged without a parent: walk every binding then.
    for (const binding of matching.length > 0 ? matching : bound) {
      synchronous &&= container.resolvesSynchronously(binding);
      for (const next of bindingDependencies(binding)) {
        const child = visit(next.service, next, [...chain, describeService(next.service)], inner);
        if (child && !children.includes(child)) children.push(child);
      }
      if (binding.type !== 'Instance') continue;
      for (const source of dependencyParameters(binding.implementationType)) {
        if (!source) continue;
        sources.push(source);
        reads.push(source.kind === 'body' ? 'body' : `${source.kind} ${(source as { name: string }).name}`);
      }
    }
    const node: DependencyNode = { service, reads, children };
    nodes.set(service, node);
    return node;
  };

  const nodesOfRoots = roots.map(
    (service) => visit(service, ROOT, [describeService(service)], new Set()) ?? { service, reads: [], children: [] },
  );
  return { roots: nodesOfRoots, sources, synchronous };
}
