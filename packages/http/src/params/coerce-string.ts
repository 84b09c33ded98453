/**
 * Reads one raw string input (a path segment, a query value, a header) as the type its schema
 * asks for. What does not parse comes back unchanged, a string, for the schema to refuse.
 */
export type Coercion = (raw: string) => unknown;

// The strings FastAPI (pydantic's lax mode) reads as booleans, compared without case.
const TRUE: ReadonlySet<string> = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE: ReadonlySet<string> = new Set(['0', 'off', 'f', 'false', 'n', 'no']);
// Decimal only, as pydantic: no `0x10`, `0b1` or `1e3` for an integer (JavaScript's `Number`
// takes all three), no `Infinity`. An integer may end in `.0…`, as in pydantic.
// Each written so that a string has one way to match: `\d+\.?\d*` splits a run of digits every
// way it can before it fails, quadratic (0.28 s for 16,000 digits and an `x`).
const INTEGER = /^[+-]?\d+(?:\.0*)?$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function toBoolean(raw: string): unknown {
  const lower = raw.toLowerCase();
  return TRUE.has(lower) ? true : FALSE.has(lower) ? false : raw;
}

function toInteger(raw: string): unknown {
  const digits = plainDigits(raw);
  if (digits !== undefined) return digits;
  const trimmed = raw.trim();
  if (!INTEGER.test(trimmed)) return raw;
  const value = Number.parseInt(trimmed, 10);
  // Beyond 2^53 a number is no longer the integer that was sent: refuse rather than round.
  return Number.isSafeInteger(value) ? value : raw;
}

/**
 * The value of 1–15 decimal digits and nothing else — what almost every integer parameter is —
 * read without the regular expression, the trim and `parseInt` (~350 instructions an integer
 * parameter); 15 digits stay below 2^53. `undefined` for anything else, which the full rule reads.
 */
function plainDigits(raw: string): number | undefined {
  const length = raw.length;
  if (length === 0 || length > 15) return undefined;
  let value = 0;
  for (let index = 0; index < length; index++) {
    const digit = raw.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

function toNumber(raw: string): unknown {
  const trimmed = raw.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : raw;
}

// A Map, not an object literal: a schema's `type` is data, and `toString` must find nothing.
const SCALARS: ReadonlyMap<unknown, Coercion> = new Map<string, Coercion>([
  ['boolean', toBoolean],
  ['integer', toInteger],
  ['number', toNumber],
]);

/** Any string is taken as it is (a string schema): nothing is coerced. */
const AS_IS = Symbol('as is');
/** No string is ever read as this (`null`): a union skips it. */
const NEVER = Symbol('never');
/** The strings a string `const` or `enum` takes as they are. */
type Exact = ReadonlySet<unknown>;
type Compiled = Coercion | Exact | typeof AS_IS | typeof NEVER;

/**
 * Compiles, once per parameter, how its raw strings become values — the rules FastAPI applies
 * (pydantic, lax mode), which are stricter than ajv's `coerceTypes`:
 * - `boolean`: `1`, `true`, `on`, `yes`, `t`, `y` and `0`, `false`, `off`, `no`, `f`, `n`, any case;
 * - `integer`: decimal digits with an optional sign and surrounding spaces (`1.0` counts), within
 *   2^53; `1e3`, `0x10` and `1.5` are refused;
 * - `number`: a decimal, exponent allowed; not `Infinity` or `NaN`, which JSON cannot carry;
 * - a union (`anyOf`, `oneOf`, a list of types) keeps a string that a string member takes as it
 *   is (any string, or one of its `const`/`enum`), else takes the first member that parses it;
 *   `allOf` parses as its first part that parses.
 * `undefined` when there is nothing to coerce (a string, or a schema without a type).
 *
 * @example
 * ```ts
 * const coerce = compileCoercion(Type.Boolean());
 * coerce?.('yes'); // true
 * coerce?.('maybe'); // 'maybe': the schema refuses it, 422
 * ```
 */
export function compileCoercion(schema: object | undefined): Coercion | undefined {
  const compiled = compile(schema);
  return typeof compiled === 'function' ? compiled : undefined;
}

function compile(schema: unknown): Compiled {
  if (typeof schema !== 'object' || schema === null) return AS_IS;
  const { type, anyOf, oneOf, allOf, const: constant, enum: values } = schema as Record<string, unknown>;
  if (Array.isArray(allOf)) {
    // Every part must hold, so the parts that know a type read the string.
    const parts = allOf.map(compile).filter((part): part is Coercion => typeof part === 'function');
    if (parts.length > 0) return firstParsing(parts);
  }
  if (type === 'string' && (constant !== undefined || Array.isArray(values)))
    return new Set(constant !== undefined ? [constant] : (values as unknown[]));
  const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type : [];
  const options: Compiled[] = [
    // `null` is never read from a string: `"null"` is the text, as in FastAPI.
    ...types.map((name) => (name === 'null' ? NEVER : (SCALARS.get(name) ?? AS_IS))),
    ...[anyOf, oneOf].flatMap((members) => (Array.isArray(members) ? members.map(compile) : [])),
  ];
  return union(options);
}

/**
 * pydantic's smart union: a member that takes the string exactly wins (a plain string member
 * always does), else the first member that parses it.
 */
function union(options: readonly Compiled[]): Compiled {
  if (options.length === 0 || options.includes(AS_IS)) return AS_IS;
  const coercions = options.filter((option): option is Coercion => typeof option === 'function');
  const exact = new Set(options.flatMap((option) => (option instanceof Set ? [...option] : [])));
  if (coercions.length === 0) return exact.size > 0 ? exact : NEVER;
  const parse = firstParsing(coercions);
  return exact.size === 0 ? parse : (raw) => (exact.has(raw) ? raw : parse(raw));
}

function firstParsing(options: readonly Coercion[]): Coercion {
  if (options.length === 1) return options[0] as Coercion;
  return (raw) => {
    for (const option of options) {
      const value = option(raw);
      if (value !== raw) return value;
    }
    return raw;
  };
}
