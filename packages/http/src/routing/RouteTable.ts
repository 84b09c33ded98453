import { maxHeaderSize } from 'node:http';
import { assertStatus, type HeraldContainer } from '@herald/core';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import type { ServiceIdentifier } from 'inversify';
import { compileRoutePlan, type RoutePlan } from '../dependencies/compile-route-plan.js';
import { describeRoute } from '../description/describe-route.js';
import type { RouteDescription, RouteHeader } from '../description/RouteDescription.js';
import { RouteDefinitionError } from '../errors.js';
import { compileResponseModel, type Serializer, serializeAnyValue } from '../model/compile-response-model.js';
import type { Validators } from '../model/validators.js';
import { controllerDefinition, type HttpMethod } from './route-metadata.js';
import { otherSlashForm } from './slash-redirect.js';

/** Everything a request to one route needs, computed once at start-up. */
export interface CompiledRoute {
  /** `GET /items/:id`, for logs. */
  readonly label: string;
  /** The path pattern as find-my-way matches it, e.g. `/items/:id`. */
  readonly path: string;
  readonly handler: string | symbol;
  /** The names of its path parameters; none matches an empty segment (see `RouteTable.match`). */
  readonly parameters: readonly string[];
  /** The route's whole dependency graph and inputs, solved per request. */
  readonly plan: RoutePlan;
  readonly status: number | undefined;
  readonly serialize: Serializer;
  /**
   * Whether the route runs in AsyncLocalStorage (`RequestScope.run`): when its graph has a
   * binding that may resolve to a promise, or its handler is an `async` function — code that
   * continues after an `await` and may look the scope up. Otherwise the scope is only entered
   * (`RequestScope.enter`) and the storage's hooks, a third of a request's CPU on Node 20, stay off.
   */
  readonly asyncContext: boolean;
}

/**
 * The outcome of matching a request: a route with its path parameters, or the methods allowed
 * for the path (none: a 404), or a path that does not decode (`malformed`: a 400).
 */
export type RouteMatch =
  | { route: CompiledRoute; params: Record<string, string | undefined> }
  | { route: undefined; allowed: string[]; malformed?: true };

/** What find-my-way's `find` gives: a match with its store and params, or `null`. */
type Found = ReturnType<ReturnType<typeof FindMyWay>['find']>;

const MALFORMED: RouteMatch = { route: undefined, allowed: [], malformed: true };

const AsyncFunction = (async () => {}).constructor;
const AsyncGeneratorFunction = async function* () {}.constructor;

/** Declared `async` (or `async *`): its code continues after an `await`. */
function isAsyncFunction(fn: unknown): boolean {
  return fn instanceof AsyncFunction || fn instanceof AsyncGeneratorFunction;
}

/** A route's `status` must be a final status, or the app does not start. */
function assertRouteStatus(status: number | undefined, label: string): void {
  if (status === undefined) return;
  try {
    assertStatus(status);
  } catch (error) {
    throw new RouteDefinitionError(`Invalid status of ${label}: ${(error as Error).message}`);
  }
}

/**
 * The app's routes, compiled from every `@Controller` class bound in the container, matched by
 * find-my-way. GET routes answer HEAD too (RFC 9110 §9.3.2), unless a HEAD route is declared.
 */
export class RouteTable {
  readonly #router = FindMyWay({
    // A path matches as declared; the other slash form is redirected to it (`redirectSlashes`).
    ignoreTrailingSlash: false,
    caseSensitive: true,
    // find-my-way's default of 100 guards regex parameters, which Herald routes do not have; past
    // it a long `/items/{name}` would be a 404. No parameter outgrows the request line, which
    // node bounds with the headers (16 KiB by default).
    maxParamLength: maxHeaderSize,
    // A path that does not decode comes back as a match without a store (see `match`).
    onBadUrl: () => {},
  });
  readonly #methods = new Set<HttpMethod>();
  readonly #descriptions: RouteDescription[] = [];

  /**
   * `dependencies`: the app's, resolved for every route before the controller's and the route's own.
   * `appHeaders`: headers plugins set on every response (a request id), declared for every route.
   */
  constructor(
    container: HeraldContainer,
    validators: Validators,
    dependencies: readonly ServiceIdentifier[] = [],
    appHeaders: readonly RouteHeader[] = [],
  ) {
    const seen = new Set<unknown>();
    const heads: Array<[string, CompiledRoute]> = [];
    for (const { serviceIdentifier, implementationType } of container.services()) {
      const definition = implementationType && controllerDefinition(implementationType);
      if (!definition || seen.has(implementationType)) continue;
      seen.add(implementationType);
      for (const route of definition.routes) {
        // FastAPI writes `/items/{id}`, find-my-way `/items/:id`; both are accepted.
        const path = `${definition.prefix}${route.path}`.replace(/\{(\w+)\}/g, ':$1') || '/';
        const label = `${route.method} ${path}`;
        assertRouteStatus(route.options.status, label);
        const routeDependencies = [...dependencies, ...definition.dependencies, ...(route.options.dependencies ?? [])];
        const handlerSources = definition.parameters.get(route.handler) ?? [];
        const handler = implementationType.prototype[route.handler] as (...args: unknown[]) => unknown;
        const parameters = [...path.matchAll(/:(\w+)/g)].map((match) => match[1] as string);
        const plan = compileRoutePlan(container, validators, {
          label,
          controller: serviceIdentifier,
          dependencies: routeDependencies,
          handler: handlerSources,
          arity: handler.length,
          pathParameters: parameters,
        });
        const compiled: CompiledRoute = {
          label,
          path,
          handler: route.handler,
          parameters,
          plan,
          status: route.options.status,
          serialize: route.options.responseModel
            ? compileResponseModel(route.options.responseModel, validators, label)
            : serializeAnyValue,
          asyncContext: !plan.synchronous || isAsyncFunction(handler),
        };
        // What tools (OpenAPI, CORS, the strict header check) read of the route; start-up only.
        this.#descriptions.push(
          describeRoute(container, {
            method: route.method,
            path,
            label,
            controller: serviceIdentifier,
            controllerClass: implementationType as RouteDescription['controller'],
            handler: route.handler,
            options: route.options,
            dependencies: routeDependencies,
            handlerSources,
            appHeaders,
          }),
        );
        this.#add(route.method, path, compiled);
        if (route.method === 'GET') heads.push([path, compiled]);
      }
    }
    for (const [path, route] of heads) if (!this.#router.hasRoute('HEAD', path)) this.#add('HEAD', path, route);
  }

  /** Every declared route, in declaration order (the HEAD a GET route answers is not listed). */
  descriptions(): readonly RouteDescription[] {
    return this.#descriptions;
  }

  /** Matches a method and raw path (no query string). */
  match(method: string, path: string): RouteMatch {
    const found = this.#find(method, path);
    if (found?.store) return { route: found.store as CompiledRoute, params: found.params };
    const others = [...this.#methods]
      .filter((other) => other !== method)
      .map((other) => ({ method: other, found: this.#find(other, path) }));
    // find-my-way decodes a path only for a method that has routes; one that does not decode
    // comes back as a match without a store (`onBadUrl`), for whichever method tried it.
    if (found?.store === null || others.some((other) => other.found?.store === null)) return MALFORMED;
    return { route: undefined, allowed: others.filter((other) => other.found !== null).map((other) => other.method) };
  }

  /**
   * The path the request should have asked for when it names no route only by its trailing
   * slash (see `otherSlashForm`): a route answers the other form, with any method.
   */
  slashRedirect(path: string): string | undefined {
    const other = otherSlashForm(path);
    if (other === undefined) return undefined;
    for (const method of this.#methods) if (this.#find(method, other)?.store) return other;
    return undefined;
  }

  /**
   * find-my-way's match, unless it gives a path parameter an empty segment: Starlette's match
   * `[^/]+`, so `/items/` is not `/items/{id}` with an empty id (FastAPI redirects it to `/items`
   * when that route exists, else answers 404), and `//x` is not `/{a}/{b}`.
   */
  #find(method: string, path: string): Found {
    const found = this.#router.find(method as HTTPMethod, path);
    const route = found?.store as CompiledRoute | null | undefined;
    if (route) for (const name of route.parameters) if (found?.params[name] === '') return null;
    return found;
  }

  #add(method: HttpMethod, path: string, route: CompiledRoute): void {
    try {
      this.#router.on(method, path, () => {}, route);
    } catch (error) {
      throw new RouteDefinitionError(`Cannot register ${method} ${path}: ${(error as Error).message}`);
    }
    this.#methods.add(method);
  }
}
