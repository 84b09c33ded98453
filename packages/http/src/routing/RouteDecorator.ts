import type { Static, TSchema } from '@sinclair/typebox';
import type { HttpResponse } from '../responses/HttpResponse.js';

/** The statuses sent without a body (RFC 9110 §6.4.1): what a handler returns is never seen. */
type BodylessStatus = 204 | 205 | 304;

/**
 * What a handler of a route declared with these options may return, or resolve to:
 * - with a bodyless `status` (204, 205, 304): nothing (`void`, `undefined`, `null`), since a
 *   returned value would be silently dropped;
 * - with a TypeBox `responseModel`: the model's static type — extra properties are fine, the
 *   model filters them out — so returning `{ wrong: true }` does not compile;
 * - otherwise (no model, or a plain JSON Schema TypeScript cannot read): anything.
 *
 * An `HttpResponse` is always allowed: it skips the response model.
 *
 * @example
 * ```ts
 * type Result = HandlerResult<{ responseModel: typeof Item }>; // Static<typeof Item> | HttpResponse
 * ```
 */
export type HandlerResult<Options> = Options extends { status: BodylessStatus }
  ? // biome-ignore lint/suspicious/noConfusingVoidType: a method without a `return` is typed `void`, not `undefined`.
    undefined | null | void | HttpResponse
  : Options extends { responseModel: infer Model extends TSchema }
    ? Static<Model> | HttpResponse
    : unknown;

/**
 * A route decorator (`@Get(…)`, `@Post(…)`, …) that checks the method it decorates: with
 * `experimentalDecorators` a method decorator receives the method's `TypedPropertyDescriptor`, so
 * a generic one infers the handler's whole type and constrains its return — sync or async — to
 * `Result`. A mismatch is reported on the decorator (TS1241, "Unable to resolve signature of
 * method decorator…"), followed by the return type TypeScript expected.
 *
 * @example
 * ```ts
 * const read: RouteDecorator<Static<typeof Item> | HttpResponse> = Get('/:id', { responseModel: Item });
 * ```
 */
// `never[]`: any parameter list is accepted here; the parameter decorators check each one.
export type RouteDecorator<Result> = <Handler extends (...args: never[]) => Result | Promise<Result>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<Handler>,
) => void;
