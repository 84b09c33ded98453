import type { Response } from '@herald/core';
import { inject, type ServiceIdentifier } from 'inversify';
import { defineDependencyParameter, parameterToken } from '../dependencies/dependency-parameters.js';
import { defineParameter, type ParameterSource, type Schema } from '../routing/route-metadata.js';
import type { SchemaValue, TypedParameterDecorator, Unchecked } from './TypedParameterDecorator.js';

/**
 * One decorator for both places: on a handler method it records where the argument comes from;
 * on a constructor (a dependency's, or a controller's) it is an inversify `@inject` of the token
 * standing for that input, and the route's plan learns at start-up that the class reads it.
 */
function parameter<Value>(source: ParameterSource): TypedParameterDecorator<Value> {
  const decorator: ParameterDecorator = (target, handler, index) => {
    if (handler !== undefined) return defineParameter(target.constructor, handler, index, source);
    if (source.kind !== 'response' && source.kind !== 'inject') defineDependencyParameter(target, index, source);
    inject(parameterToken(source) as never)(target, undefined, index);
  };
  // The typed signature only adds a compile-time check of the decorated parameter's type; at run
  // time it is this very decorator, and it returns nothing.
  return decorator as TypedParameterDecorator<Value>;
}

/**
 * Injects the request's temporal `Response`: set headers, cookies and the status on it and
 * still return plain data. On a constructor it is `@inject(Response)`.
 *
 * @example
 * ```ts
 * @Get('/') read(@Res() response: Response) { response.headers.set('X-Cat-Dog', 'alone in the world'); return {}; }
 * ```
 */
export const Res = (): TypedParameterDecorator<Response> => parameter<Response>({ kind: 'response' });

/**
 * Injects a service from the container, resolved in the request's scope. On a handler parameter
 * it is resolved per request; on a constructor parameter it is inversify's own `@inject`, so one
 * decorator serves both places. A class token types the parameter: `@Inject(CurrentUser) user:
 * Paginator` does not compile. A string or symbol token says nothing of its service's type: give
 * it (`@Inject<Config>('config')`) to have the parameter checked.
 *
 * @example
 * ```ts
 * constructor(@Inject(ItemStore) store: ItemStore) {}
 * @Get('/:id') read(@Inject(RateLimiter) limiter: RateLimiter) { ... }
 * @Get('/settings') settings(@Inject<Config>(ConfigToken) config: Config) { ... }
 * ```
 */
export function Inject<Service = Unchecked>(token: ServiceIdentifier<Service>): TypedParameterDecorator<Service> {
  return parameter({ kind: 'inject', token });
}

/**
 * A path parameter (`/items/:id` or `/items/{id}`), coerced and validated by `schema` if given.
 * The parameter's type must hold the schema's static type (a `string` without one).
 *
 * @example
 * ```ts
 * @Get('/:id') read(@Param('id', Type.Integer()) id: number) { ... }
 * ```
 */
export function Param<Model extends Schema | undefined = undefined>(
  name: string,
  schema?: Model,
): TypedParameterDecorator<SchemaValue<Model, string>> {
  return parameter({ kind: 'path', name, schema });
}

/**
 * A query-string parameter. Without a schema it is the raw string or `undefined`; with one it is
 * required unless the schema has a `default` or is `Type.Optional(…)`. Like every parameter
 * decorator it works on a handler and on the constructor of a request-scoped or transient
 * dependency; the route's one 422 lists the failures of both. The parameter's type must hold
 * the schema's static type (`string | undefined` without one).
 *
 * @example
 * ```ts
 * @Get('') list(@Query('limit', Type.Integer({ minimum: 1, default: 10 })) limit: number) { ... }
 * class Paginator { constructor(@Query('offset', Type.Integer({ default: 0 })) readonly offset: number) {} }
 * ```
 */
export function Query<Model extends Schema | undefined = undefined>(
  name: string,
  schema?: Model,
): TypedParameterDecorator<SchemaValue<Model, string | undefined>> {
  return parameter({ kind: 'query', name, schema });
}

/**
 * A request header, by its (case-insensitive) name. The parameter's type must hold the schema's
 * static type (`string | undefined` without one).
 *
 * @example
 * ```ts
 * @Get('') list(@Header('x-request-id') requestId: string | undefined) { ... }
 * class CurrentUser { constructor(@Header('authorization', Type.Optional(Type.String())) auth?: string) {} }
 * ```
 */
export function Header<Model extends Schema | undefined = undefined>(
  name: string,
  schema?: Model,
): TypedParameterDecorator<SchemaValue<Model, string | undefined>> {
  return parameter({ kind: 'header', name: name.toLowerCase(), schema });
}

/**
 * A request cookie, decoded. The parameter's type must hold the schema's static type
 * (`string | undefined` without one).
 *
 * @example
 * ```ts
 * @Get('/me') me(@Cookie('session') session: string | undefined) { ... }
 * ```
 */
export function Cookie<Model extends Schema | undefined = undefined>(
  name: string,
  schema?: Model,
): TypedParameterDecorator<SchemaValue<Model, string | undefined>> {
  return parameter({ kind: 'cookie', name, schema });
}

/**
 * The JSON request body, validated by `schema` if given (then required). The parameter's type
 * must hold the schema's static type; without a schema the body is any JSON, so `unknown`.
 *
 * @example
 * ```ts
 * @Post('') create(@Body(NewItem) item: Static<typeof NewItem>) { ... }
 * ```
 */
export function Body<Model extends Schema | undefined = undefined>(
  schema?: Model,
): TypedParameterDecorator<SchemaValue<Model, unknown>> {
  return parameter({ kind: 'body', schema });
}
