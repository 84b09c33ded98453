import { declaredHeaders, describeService, type HeaderDeclaration, type HeraldContainer } from '@herald/core';
import type { ServiceIdentifier } from 'inversify';
import { compileDependencyGraph, type DependencyNode } from '../dependencies/compile-dependency-graph.js';
import { dependencyParameters } from '../dependencies/dependency-parameters.js';
import type { HttpMethod, ParameterSource, RouteOptions } from '../routing/route-metadata.js';
import type { RouteDescription, RouteHeader, RouteParameter } from './RouteDescription.js';

/** What `RouteTable` knows of a route when it compiles it. */
export interface RouteFacts {
  method: HttpMethod;
  path: string;
  label: string;
  controller: ServiceIdentifier;
  controllerClass: abstract new (...args: never[]) => unknown;
  handler: string | symbol;
  options: RouteOptions;
  /** App, controller and route dependencies, in that order. */
  dependencies: readonly ServiceIdentifier[];
  handlerSources: readonly ParameterSource[];
  /** Headers set on every response by plugins (e.g. a request id). */
  appHeaders: readonly RouteHeader[];
}

/**
 * Describes a route at start-up by walking the same graph its plan is compiled from (the walk is
 * start-up work, done again here so the request path's plan stays untouched): its inputs, and
 * the headers declared by every service of the graph, the handler and the plugins.
 */
export function describeRoute(container: HeraldContainer, facts: RouteFacts): RouteDescription {
  const injected = facts.handlerSources.flatMap((source) =>
    source.kind === 'inject' ? [source.token as ServiceIdentifier] : [],
  );
  const graph = compileDependencyGraph(container, [...facts.dependencies, facts.controller, ...injected], facts.label);
  const parameters: RouteParameter[] = [];
  let body: RouteDescription['body'];
  const add = (source: ParameterSource, declaredBy: string) => {
    if (source.kind === 'body') body = { schema: body?.schema ?? source.schema };
    else if (source.kind !== 'response' && source.kind !== 'inject')
      parameters.push({ in: source.kind, name: source.name, schema: source.schema, declaredBy });
  };
  const nodes = flatten(graph.roots);
  for (const node of nodes) for (const source of sourcesOf(container, node)) add(source, describeService(node.service));
  for (const source of facts.handlerSources) add(source, 'handler');

  const headers = new Map<string, RouteHeader>();
  const declare = (list: readonly HeaderDeclaration[], declaredBy: string, on: RouteHeader['on']) => {
    for (const header of list) {
      const key = header.name.toLowerCase();
      // A header set on every response stays so, whoever else declares it for the success.
      if (!headers.has(key) || (on === 'every' && headers.get(key)?.on === 'success'))
        headers.set(key, { ...header, declaredBy, on });
    }
  };
  for (const header of facts.appHeaders) declare([header], header.declaredBy, 'every');
  for (const node of nodes) {
    const name = describeService(node.service);
    declare(declaredHeaders(node.service), name, 'every');
    for (const binding of container.bindingsOf(node.service)) {
      if (binding.type === 'Instance' && binding.implementationType !== node.service)
        declare(declaredHeaders(binding.implementationType), name, 'every');
    }
  }
  declare(declaredHeaders(facts.controllerClass, facts.handler), 'handler', 'success');

  return {
    method: facts.method,
    path: facts.path,
    label: facts.label,
    controller: facts.controllerClass,
    handler: facts.handler,
    options: facts.options,
    parameters,
    body,
    headers: [...headers.values()],
  };
}

/** Every node of the graph once, sub-dependencies before the services that inject them. */
function flatten(roots: readonly DependencyNode[]): DependencyNode[] {
  const seen = new Set<DependencyNode>();
  const visit = (node: DependencyNode) => {
    if (seen.has(node)) return;
    for (const child of node.children) visit(child);
    seen.add(node);
  };
  for (const root of roots) visit(root);
  return [...seen];
}

/** The request inputs a node's own constructor reads, as its plan would read them. */
function sourcesOf(container: HeraldContainer, node: DependencyNode): ParameterSource[] {
  return container
    .bindingsOf(node.service)
    .flatMap((binding) => (binding.type === 'Instance' ? dependencyParametersOf(binding.implementationType) : []));
}

function dependencyParametersOf(target: object): ParameterSource[] {
  return dependencyParameters(target).filter((source): source is ParameterSource => source !== undefined);
}
