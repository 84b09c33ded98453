import { type HeraldContainer, type RequestScope, Thrown } from '@herald/core';
import type { ServiceIdentifier } from 'inversify';
import { RequestValidationError, RouteDefinitionError, type ValidationIssue } from '../errors.js';
import type { Validators } from '../model/validators.js';
import { compileParameters, issueKey } from '../params/compile-parameters.js';
import type { RequestInputs } from '../params/RequestInputs.js';
import type { ParameterSource } from '../routing/route-metadata.js';
import { compileDependencyGraph, type DependencyNode } from './compile-dependency-graph.js';
import { compileValueReader } from './compile-value-reader.js';
import { type ParameterValues, ParameterValuesToken } from './dependency-parameters.js';

/** What one route asks of a request, compiled once at start-up. */
export interface RoutePlan {
  /**
   * Solves the route for one request, inside its scope, in FastAPI's order: the inputs of the
   * whole graph are validated; the dependencies are built (app → controller → route, the
   * controller, the handler's `@Inject`s), sub-dependencies first, skipping those whose inputs
   * are invalid — an `HTTPException` one of them throws answers at once; then the body is read
   * (before the dependencies when one of them reads it) and every failure is one 422. What a
   * dependency throws while the graph builds synchronously comes back as a `Thrown`.
   */
  solve(input: RequestInputs, scope: RequestScope): SolvedRoute | Thrown | Promise<SolvedRoute>;
  /**
   * Whether every binding of the graph resolves without a promise: then nothing of the graph
   * continues after an `await` on its own, and the scope needs no AsyncLocalStorage (the plan
   * re-enters it wherever it resumes, after reading the body).
   */
  readonly synchronous: boolean;
}

/** The controller instance and the handler's arguments. */
export interface SolvedRoute {
  readonly controller: Record<string | symbol, (...args: unknown[]) => unknown>;
  readonly args: unknown[];
}

/** Everything that shapes a route's graph. */
export interface RouteGraphDefinition {
  /** `GET /items/:id`, for start-up errors. */
  label: string;
  controller: ServiceIdentifier;
  /** App, controller and route dependencies, in that order. */
  dependencies: readonly ServiceIdentifier[];
  /** The handler's parameters, by index. */
  handler: readonly ParameterSource[];
  /** The handler's declared arity: every parameter must be decorated. */
  arity: number;
  /** The names of the route path's parameters (`/items/:id` → `id`). */
  pathParameters: readonly string[];
}

/** Reads one handler argument from what `solve` gathered. */
type ArgumentReader = (input: RequestInputs, values: ParameterValues, resolved: readonly unknown[]) => unknown;

/** Compiles a route's plan: its whole graph walked, its inputs merged into one validator per location. */
export function compileRoutePlan(
  container: HeraldContainer,
  validators: Validators,
  route: RouteGraphDefinition,
): RoutePlan {
  const { label, handler } = route;
  // Without emitDecoratorMetadata nothing says what an undecorated parameter wants; refuse it
  // at start-up rather than hand the handler `undefined` at request time.
  for (let index = 0; index < route.arity; index++) {
    if (!handler[index]) {
      throw new RouteDefinitionError(
        `Parameter ${index} of ${label} has no Herald decorator (@Param, @Query, @Header, @Cookie, @Body, @Res, @Inject)`,
      );
    }
  }
  const services = [...route.dependencies, route.controller];
  // Where each handler `@Inject` argument sits among the roots, resolved after the controller.
  const rootOf = handler.map((source) =>
    source.kind === 'inject' ? services.push(source.token as ServiceIdentifier) - 1 : undefined,
  );
  const graph = compileDependencyGraph(container, services, label);
  for (const source of [...graph.sources, ...handler]) {
    // Otherwise every request would be a 422 for an input no client can send.
    if (source.kind === 'path' && !route.pathParameters.includes(source.name)) {
      throw new RouteDefinitionError(`${label} has no path parameter "${source.name}", yet its graph reads it`);
    }
  }
  // The handler's own inputs come after its dependencies', as FastAPI reports them.
  const parameters = compileParameters([...graph.sources, ...handler], validators, label);
  const bodyFirst = graph.sources.some((source) => source.kind === 'body');
  const providesValues = graph.sources.length > 0;
  const controllerIndex = route.dependencies.length;
  const roots = graph.roots;
  // Each root's resolution compiled once (see `compileAttempt`), for the common, synchronous case.
  const attempts = roots.map((root) => container.compileAttempt(root.service));

  const checkBody = async (input: RequestInputs, issues: ValidationIssue[]) => {
    input.body = await input.readBody();
    parameters.checkBody(input.body, issues);
  };

  // Where each handler argument comes from, decided here rather than per request.
  const readers = handler.map((source, index): ArgumentReader => {
    switch (source.kind) {
      case 'response':
        return (input) => input.response;
      case 'body':
        return (input) => input.body;
      case 'inject': {
        const root = rootOf[index] as number;
        return (_input, _values, resolved) => resolved[root];
      }
      default: {
        const read = compileValueReader(source.kind, source.name);
        return (_input, values) => read(values);
      }
    }
  });

  const solved = (input: RequestInputs, values: ParameterValues, resolved: unknown[]): SolvedRoute => {
    const args: unknown[] = new Array(readers.length);
    for (let index = 0; index < readers.length; index++) {
      args[index] = (readers[index] as ArgumentReader)(input, values, resolved);
    }
    return { controller: resolved[controllerIndex] as SolvedRoute['controller'], args };
  };

  /**
   * The rest of `solve` once something is asynchronous: the roots from `from` on (the first of
   * them already pending when `pending` is given), or the partial build when inputs are
   * invalid; then the body, then one 422 for every issue.
   */
  const solveLater = async (
    input: RequestInputs,
    scope: RequestScope,
    issues: ValidationIssue[],
    values: ParameterValues,
    resolved: unknown[],
    from: number,
    pending?: PromiseLike<unknown>,
  ): Promise<SolvedRoute> => {
    if (issues.length === 0) {
      if (pending) resolved[from] = await pending;
      // inversify builds each root with its sub-dependencies, in order.
      for (let index = pending ? from + 1 : from; index < roots.length; index++) {
        const root = roots[index] as DependencyNode;
        resolved[index] = await scope.enter(() => container.resolve(root.service));
      }
    } else {
      const invalid = invalidNodes(roots, new Set(issues.map(issueKey)));
      const built = new Set<DependencyNode>();
      for (const [index, root] of roots.entries()) {
        resolved[index] = await resolveValid(container, scope, root, invalid, built);
      }
    }
    if (!bodyFirst && parameters.readsBody) await checkBody(input, issues);
    if (issues.length > 0) throw new RequestValidationError(parameters.sort(issues));
    return solved(input, values, resolved);
  };

  const solveBodyFirst = async (
    input: RequestInputs,
    scope: RequestScope,
    issues: ValidationIssue[],
    values: ParameterValues,
  ): Promise<SolvedRoute> => {
    await checkBody(input, issues);
    values.body = input.body;
    scope.provide(ParameterValuesToken, values);
    return solveLater(input, scope, issues, values, new Array(roots.length), 0);
  };

  return {
    synchronous: graph.synchronous,
    solve(input, scope) {
      const issues: ValidationIssue[] = [];
      const values = parameters.read(input, issues);
      if (bodyFirst) return solveBodyFirst(input, scope, issues, values);
      // One value per request; every parameter token reads its field (see ParameterValuesToken).
      if (providesValues) scope.provide(ParameterValuesToken, values);
      // Sized once: filled in order, it never grows.
      const resolved: unknown[] = new Array(roots.length);
      if (issues.length > 0 || parameters.readsBody) return solveLater(input, scope, issues, values, resolved, 0);
      // The common case: each root built synchronously, unless something in its graph is async.
      // Pending only as a native promise: a compiled graph never is, and inversify hands back
      // a value's own thenable as one; `isThenable` would read `.then` on every instance.
      for (let index = 0; index < attempts.length; index++) {
        const value = (attempts[index] as (typeof attempts)[number])(scope);
        if (value instanceof Thrown) return value;
        if (value instanceof Promise) return solveLater(input, scope, issues, values, resolved, index, value);
        resolved[index] = value;
      }
      return solved(input, values, resolved);
    },
  };
}

/** The nodes that read an invalid input, directly or through a sub-dependency (failure path only). */
function invalidNodes(roots: readonly DependencyNode[], invalidKeys: ReadonlySet<string>): Set<DependencyNode> {
  const invalid = new Set<DependencyNode>();
  const seen = new Set<DependencyNode>();
  const check = (node: DependencyNode): boolean => {
    if (seen.has(node)) return invalid.has(node);
    seen.add(node);
    let bad = node.reads.some((key) => invalidKeys.has(key));
    for (const child of node.children) bad = check(child) || bad;
    if (bad) invalid.add(node);
    return bad;
  };
  for (const root of roots) check(root);
  return invalid;
}

/**
 * Builds what can be built when some inputs are invalid: a node whose inputs are all valid is
 * built whole; one that is not is skipped (FastAPI does not call it) after its valid
 * sub-dependencies were built, in declaration order — so their side effects and their
 * `HTTPException`s happen as they would in FastAPI.
 */
async function resolveValid(
  container: HeraldContainer,
  scope: RequestScope,
  node: DependencyNode,
  invalid: ReadonlySet<DependencyNode>,
  built: Set<DependencyNode>,
): Promise<unknown> {
  if (!invalid.has(node)) return scope.enter(() => container.resolve(node.service));
  // A shared sub-dependency is built once, as FastAPI's per-request cache would.
  for (const child of node.children) {
    if (built.has(child)) continue;
    built.add(child);
    await resolveValid(container, scope, child, invalid, built);
  }
  return undefined;
}
