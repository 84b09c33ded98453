import { inject } from 'inversify';
import { defineDependencyParameter, parameterToken } from '../dependencies/dependency-parameters.js';
import { defineParameter, type ParameterSource, type Schema } from '../routing/route-metadata.js';

/**
 * One decorator for both places: on a handler method it records where the argument comes from;
 * on a constructor (a dependency's, or a controller's) it is an inversify `@inject` of the token
 * standing for that input, and the route's plan learns at start-up that the class reads it.
 */
function parameter(source: ParameterSource): ParameterDecorator {
  return (target, handler, index) => {
    if (handler !== undefined) return defineParameter(target.constructor, handler, index, source);
    if (source.kind !== 'response' && source.kind !== 'inject') defineDependencyParameter(target, index, source);
    inject(parameterToken(source) as never)(target, undefined, index);
  };
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
export const Res = (): ParameterDecorator => parameter({ kind: 'response' });

/**
 * Injects a service from the container, resolved in the request's scope. On a handler parameter
 * it is resolved per request; on a constructor parameter it is inversify's own `@inject`, so one
 * decorator serves both places.
 *
 * @example
 * ```ts
 * constructor(@Inject(ItemStore) store: ItemStore) {}
 * @Get('/:id') read(@Inject(RateLimiter) limiter: RateLimiter) { ... }
 * ```
 */
export const Inject = (token: unknown): ParameterDecorator => parameter({ kind: 'inject', token });

/**
 * A path parameter (`/items/:id` or `/items/{id}`), coerced and validated by `schema` if given.
 *
 * @example
 * ```ts
 * @Get('/:id') read(@Param('id', Type.Integer()) id: number) { ... }
 * ```
 */
export const Param = (name: string, schema?: Schema): ParameterDecorator => parameter({ kind: 'path', name, schema });

/**
 * A query-string parameter. Without a schema it is the raw string or `undefined`; with one it is
 * required unless the schema has a `default` or is `Type.Optional(…)`. Like every parameter
 * decorator it works on a handler and on the constructor of a request-scoped or transient
 * dependency; the route's one 422 lists the failures of both.
 *
 * @example
 * ```ts
 * @Get('') list(@Query('limit', Type.Integer({ minimum: 1, default: 10 })) limit: number) { ... }
 * class Paginator { constructor(@Query('offset', Type.Integer({ default: 0 })) readonly offset: number) {} }
 * ```
 */
export const Query = (name: string, schema?: Schema): ParameterDecorator => parameter({ kind: 'query', name, schema });

/**
 * A request header, by its (case-insensitive) name.
 *
 * @example
 * ```ts
 * @Get('') list(@Header('x-request-id') requestId: string | undefined) { ... }
 * class CurrentUser { constructor(@Header('authorization', Type.Optional(Type.String())) auth?: string) {} }
 * ```
 */
export const Header = (name: string, schema?: Schema): ParameterDecorator =>
  parameter({ kind: 'header', name: name.toLowerCase(), schema });

/**
 * A request cookie, decoded.
 *
 * @example
 * ```ts
 * @Get('/me') me(@Cookie('session') session: string | undefined) { ... }
 * ```
 */
export const Cookie = (name: string, schema?: Schema): ParameterDecorator =>
  parameter({ kind: 'cookie', name, schema });

/**
 * The JSON request body, validated by `schema` if given (then required).
 *
 * @example
 * ```ts
 * @Post('') create(@Body(NewItem) item: Static<typeof NewItem>) { ... }
 * ```
 */
export const Body = (schema?: Schema): ParameterDecorator => parameter({ kind: 'body', schema });
