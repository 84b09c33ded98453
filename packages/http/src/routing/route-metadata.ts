import type { FinalStatus } from '@herald/core';
import type { TSchema } from '@sinclair/typebox';
import type { ServiceIdentifier } from 'inversify';
import type { DeclaredResponses } from '../description/DeclaredResponses.js';
import { RouteDefinitionError } from '../errors.js';

/**
 * A JSON Schema; TypeBox schemas qualify and also give handlers their static types.
 *
 * @example
 * ```ts
 * const Limit: Schema = Type.Integer({ minimum: 1, default: 10 });
 * ```
 */
export type Schema = TSchema | Record<string, unknown>;

/**
 * HTTP methods a route can be declared for.
 *
 * @example
 * ```ts
 * const method: HttpMethod = 'GET';
 * ```
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'HEAD';

/**
 * Options of a route decorator.
 *
 * @example
 * ```ts
 * @Post('', { status: 201, responseModel: Item }) create(@Body(NewItem) item: NewItem) { ... }
 * ```
 */
export interface RouteOptions {
  /**
   * The status of a successful plain return (default 200); the temporal `Response` can override
   * it. With 204, 205 or 304 nothing is sent, so the handler must return nothing (or a response).
   */
  status?: FinalStatus;
  /** Only what this schema declares is sent; a value that does not match it is a 500. */
  responseModel?: Schema;
  /**
   * Services resolved for every request of this route, for their side effects (auth, rate
   * limits), after the app's and the controller's and before the handler.
   */
  dependencies?: readonly ServiceIdentifier[];
  /** Other responses it may answer with (`{ 404: { description, model, headers } }`), for the docs and header checks. */
  responses?: DeclaredResponses;
}

/**
 * Options of `@Controller`.
 *
 * @example
 * ```ts
 * @Controller('/admin', { dependencies: [RequireAdmin] }) class AdminController {}
 * ```
 */
export interface ControllerOptions {
  /** Services resolved for every request to this controller's routes, after the app's dependencies. */
  dependencies?: readonly ServiceIdentifier[];
}

/** Where a handler parameter's value comes from. */
export type ParameterSource =
  | { kind: 'response' }
  | { kind: 'inject'; token: unknown }
  | { kind: 'path' | 'query' | 'header' | 'cookie'; name: string; schema: Schema | undefined }
  | { kind: 'body'; schema: Schema | undefined };

/** What decorators record about one handler method. */
export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  handler: string | symbol;
  options: RouteOptions;
}

interface ControllerDefinition {
  prefix: string | undefined;
  dependencies: readonly ServiceIdentifier[];
  routes: RouteDefinition[];
  parameters: Map<string | symbol, ParameterSource[]>;
}

// Decorators run once, at class definition; a WeakMap keyed by class keeps the metadata off the
// class and out of reflect-metadata.
const controllers = new WeakMap<object, ControllerDefinition>();

function definitionOf(target: object): ControllerDefinition {
  let definition = controllers.get(target);
  if (!definition) {
    definition = { prefix: undefined, dependencies: [], routes: [], parameters: new Map() };
    controllers.set(target, definition);
  }
  return definition;
}

/** @internal Records the controller prefix and options. */
export function defineController(target: object, prefix: string, options: ControllerOptions): void {
  const definition = definitionOf(target);
  definition.prefix = prefix;
  definition.dependencies = options.dependencies ?? [];
}

/** @internal Records a route on a controller class. */
export function defineRoute(target: object, route: RouteDefinition): void {
  definitionOf(target).routes.push(route);
}

/** @internal Records where one handler parameter comes from. */
export function defineParameter(
  target: object,
  handler: string | symbol,
  index: number,
  source: ParameterSource,
): void {
  const parameters = definitionOf(target).parameters;
  const list = parameters.get(handler) ?? [];
  if (list[index]) throw new RouteDefinitionError(`Parameter ${index} of ${String(handler)} has two decorators`);
  list[index] = source;
  parameters.set(handler, list);
}

/** @internal The controller's definition, or `undefined` if the class is not a `@Controller`. */
export function controllerDefinition(target: object): Readonly<ControllerDefinition> | undefined {
  const definition = controllers.get(target);
  return definition?.prefix === undefined ? undefined : definition;
}
