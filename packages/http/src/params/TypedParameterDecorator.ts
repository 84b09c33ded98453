import type { Static, TOptional, TSchema } from '@sinclair/typebox';

/**
 * Why parameter decorators can check the parameter's type at all: with `experimentalDecorators`,
 * TypeScript (5.x) types a parameter decorator's call `(target, key, index)` with the class (its
 * prototype for a method, the class itself for a constructor), the method's name as a literal
 * type and the parameter's position as a number literal. A generic decorator therefore infers all
 * three and can look up the declared type of exactly the parameter it decorates; its return type
 * is `void` when that type accepts the value and a `ParameterTypeMismatch` otherwise, which
 * TypeScript reports (TS1271, "Decorator function return type is …") on the decorator itself.
 */

declare const unchecked: unique symbol;

/**
 * The value of an input whose type is not known statically: a plain JSON Schema (not TypeBox), or
 * a string or symbol token given to `@Inject` without a type argument. Any parameter type passes.
 */
export interface Unchecked {
  readonly [unchecked]: true;
}

declare const unseen: unique symbol;

/** The parameters a decorator cannot see: those of a private method or a private constructor. */
interface Unseen {
  readonly [unseen]: true;
}

/** The parameter list of the method `Key` of `Target`, or of the constructor `Target` when `Key` is `undefined`. */
type ParametersOf<Target, Key> = Key extends undefined
  ? Target extends abstract new (
      ...args: infer Arguments
    ) => unknown
    ? Arguments
    : Unseen
  : Key extends keyof Target
    ? Target[Key] extends (...args: infer Arguments) => unknown
      ? Arguments
      : Unseen
    : Unseen;

/**
 * What a parameter decorator returns when the parameter's declared type cannot hold the value the
 * decorator supplies; TypeScript's error names it: `ParameterTypeMismatch<number, string>` reads
 * "the decorator supplies a `number`, the parameter is declared `string`".
 *
 * @example
 * ```ts
 * // error TS1271: Decorator function return type is 'ParameterTypeMismatch<number, string>' …
 * read(@Param('id', Type.Integer()) id: string) {}
 * ```
 */
export interface ParameterTypeMismatch<Supplied, Declared> {
  readonly 'the decorator supplies': Supplied;
  readonly 'but the parameter is declared': Declared;
}

/**
 * `undefined` (a decorator may return it, like `void`) when the parameter at `Index` of
 * `Parameters` accepts `Value`; the mismatch otherwise.
 */
type CheckParameter<Value, Parameters, Index extends number> = [Value] extends [Unchecked]
  ? undefined
  : [Parameters] extends [Unseen]
    ? undefined
    : Parameters extends readonly unknown[]
      ? [Value] extends [Parameters[Index]]
        ? undefined
        : ParameterTypeMismatch<Value, Parameters[Index]>
      : undefined;

/**
 * A parameter decorator that knows the type of the value it supplies, and fails to compile on a
 * parameter whose declared type cannot hold it. Every Herald parameter decorator is one; it is
 * still a `ParameterDecorator`, on handlers and on constructors alike.
 *
 * @example
 * ```ts
 * const id: TypedParameterDecorator<number> = Param('id', Type.Integer());
 * read(@Param('id', Type.Integer()) id: number) {}     // compiles
 * read(@Param('id', Type.Integer()) id: string) {}     // TS1271: ParameterTypeMismatch<number, string>
 * ```
 */
export type TypedParameterDecorator<Value> = <
  Target extends object,
  Key extends string | symbol | undefined,
  Index extends number,
>(
  target: Target,
  key: Key,
  index: Index,
) => CheckParameter<Value, ParametersOf<Target, Key>, Index>;

/**
 * The value an input validated by `Model` has: its TypeBox static type (`| undefined` for
 * `Type.Optional(…)`), `Missing` without a schema, `Unchecked` for a plain JSON Schema.
 *
 * @example
 * ```ts
 * type Limit = SchemaValue<typeof Limit, string | undefined>; // number, for Type.Integer({ default: 10 })
 * ```
 */
export type SchemaValue<Model, Missing> = [Model] extends [undefined]
  ? Missing
  : [Model] extends [infer Optional extends TOptional<TSchema>]
    ? Static<Optional> | undefined
    : [Model] extends [infer Typed extends TSchema]
      ? Static<Typed>
      : Unchecked;
