import { type RequestScope, Response } from '@herald/core';
import type { ServiceIdentifier } from 'inversify';
import { RouteDefinitionError } from '../errors.js';
import type { ParameterSource } from '../routing/route-metadata.js';
import { compileValueReader } from './compile-value-reader.js';

/**
 * The validated inputs of one request, by location: what a route's plan read, coerced and
 * defaulted for its whole dependency graph. Provided to the request scope once per request.
 */
export type ParameterValues = Partial<Record<'path' | 'query' | 'header' | 'cookie', Record<string, unknown>>> & {
  body?: unknown;
};

/**
 * The scoped value holding a request's `ParameterValues`. Design: a dependency's `@Query('limit')`
 * constructor parameter is an ordinary inversify `@inject` of a token standing for "query
 * parameter `limit`", bound once at start-up to read its field of this one value. Per request the
 * route's plan validates every location once and provides the result with a single
 * `scope.provide`; inversify then builds services as usual and each token reads a property. The
 * alternative — binding or providing one value per parameter per request — does more work for
 * the same result, and resolving services by hand would lose inversify's activations and scopes.
 */
export const ParameterValuesToken: ServiceIdentifier<ParameterValues> = Symbol('RequestParameters');

const tokens = new Map<string, ServiceIdentifier>();
const readers = new Map<ServiceIdentifier, (scope: RequestScope) => unknown>();
// Constructor parameters by class; decorators run once, at class definition.
const byClass = new WeakMap<object, ParameterSource[]>();

/**
 * The token a constructor parameter with this source is injected with: one per location and
 * name, so two services asking for the same parameter get the same validated value.
 */
export function parameterToken(source: ParameterSource): ServiceIdentifier {
  switch (source.kind) {
    case 'response':
      return Response;
    case 'inject':
      return source.token as ServiceIdentifier;
    case 'body':
      return tokenFor('body', (values) => values.body);
    default: {
      const { kind, name } = source;
      return tokenFor(`${kind} ${name}`, compileValueReader(kind, name));
    }
  }
}

function tokenFor(key: string, read: (values: ParameterValues) => unknown): ServiceIdentifier {
  let token = tokens.get(key);
  if (token === undefined) {
    token = Symbol(`request ${key}`);
    tokens.set(key, token);
    readers.set(token, (scope) => read(scope.valueOf(ParameterValuesToken)));
  }
  return token;
}

/** How a request-parameter token reads its value from the scope, or `undefined` for other tokens. */
export function parameterReader(token: unknown): ((scope: RequestScope) => unknown) | undefined {
  return readers.get(token as ServiceIdentifier);
}

/** @internal Records a request parameter declared on a constructor. */
export function defineDependencyParameter(target: object, index: number, source: ParameterSource): void {
  const list = byClass.get(target) ?? [];
  if (list[index])
    throw new RouteDefinitionError(`Constructor parameter ${index} of ${describe(target)} has two decorators`);
  list[index] = source;
  byClass.set(target, list);
}

/** The request parameters a class's constructor declares (sparse, by index). */
export function dependencyParameters(target: object): readonly ParameterSource[] {
  return byClass.get(target) ?? [];
}

function describe(target: object): string {
  return (target as { name?: string }).name || 'anonymous class';
}
