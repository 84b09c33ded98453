import type { ErrorObject } from 'ajv';
import type { ValidationIssue } from '../errors.js';

type Described = Pick<ValidationIssue, 'type' | 'msg'> & { ctx?: Record<string, unknown> };

/** The most issues a 422 lists: a client fixes the first ones first, and a list stays small. */
const MAX_ISSUES = 100;

/**
 * The last entry of a list that was cut short (pydantic has no word for it: its lists are never
 * cut). `loc` is the location only.
 *
 * @example
 * ```ts
 * moreIssues(['body'], 'Only the first 100 issues are listed');
 * // { type: 'too_many_errors', loc: ['body'], msg: 'Only the first 100 issues are listed', input: null }
 * ```
 */
export function moreIssues(location: string[], msg: string): ValidationIssue {
  return { type: 'too_many_errors', loc: [...location], msg, input: null };
}

/** A decimal with a fraction: pydantic's `int_from_float` rather than `int_parsing` (`42.5`). */
const FRACTION = /^[+-]?\d+\.\d+$/;

/**
 * Turns ajv's errors into FastAPI's `detail` entries, in pydantic v2's words: `type` and `msg` are
 * what FastAPI sends for the same failure (`int_parsing`, `greater_than_equal`, `missing`, …),
 * `input` is the value that failed and `ctx` the limit it broke. `loc` starts with `location`,
 * then the path into the value. A keyword pydantic has no word for keeps ajv's keyword and message.
 * `input` needs ajv's `verbose` errors, which carry the failing value; the response model's
 * ajv has none, so a response's own values never reach a log line through it.
 *
 * @example
 * ```ts
 * if (!validate(values)) issues.push(...toIssues(validate.errors, ['query']));
 * // [{ type: 'int_parsing', loc: ['query', 'limit'], msg: 'Input should be a valid integer, …', input: 'ten' }]
 * ```
 */
export function toIssues(
  errors: readonly ErrorObject[] | null | undefined,
  location: string[],
  /** The value as the client sent it, where ajv saw it read (a parameter's string, not its number). */
  sent?: (path: (string | number)[]) => unknown,
): ValidationIssue[] {
  const all = errors ?? [];
  if (all.length > MAX_ISSUES) {
    const listed = toIssues(all.slice(0, MAX_ISSUES), location, sent);
    return [...listed, moreIssues(location, `Only the first ${MAX_ISSUES} issues are listed`)];
  }
  // A union of literals is one pydantic `literal_error`; ajv also reports each member's miss.
  const literalUnions = all.filter((error) => error.keyword === 'anyOf' && literalsOf(error.schema) !== undefined);
  const issues: ValidationIssue[] = [];
  for (const error of all) {
    if (literalUnions.some((union) => error !== union && error.schemaPath.startsWith(`${union.schemaPath}/`))) continue;
    const path = pathOf(error.instancePath);
    const loc = [...location, ...path];
    if (error.keyword === 'required') {
      // FastAPI gives the object the field is missing from; a parameter has none, so `null`.
      const input = location[0] === 'body' ? error.data : null;
      issues.push({ type: 'missing', loc: [...loc, error.params.missingProperty], msg: 'Field required', input });
    } else if (error.keyword === 'additionalProperties') {
      const name = error.params.additionalProperty as string;
      const input = (error.data as Record<string, unknown> | undefined)?.[name];
      issues.push({ type: 'extra_forbidden', loc: [...loc, name], msg: 'Extra inputs are not permitted', input });
    } else {
      const input = sent?.(path) ?? error.data;
      const { type, msg, ctx } = describe(error, input);
      issues.push(ctx ? { type, loc, msg, input, ctx } : { type, loc, msg, input });
    }
  }
  return issues;
}

function describe(error: ErrorObject, input: unknown): Described {
  const limit = error.schema as number;
  const plural = limit === 1 ? '' : 's';
  switch (error.keyword) {
    case 'type':
      // A number too large for a double (`1e400`) arrives as Infinity: pydantic's word when
      // `allow_inf_nan` is off, which is Herald's rule (see `createValidators`).
      if (typeof error.data === 'number' && !Number.isFinite(error.data))
        return { type: 'finite_number', msg: 'Input should be a finite number' };
      return describeType(String(error.params.type).split(',')[0] as string, input, error.parentSchema);
    case 'minLength':
      return bound('string_too_short', `String should have at least ${limit} character${plural}`, 'min_length', limit);
    case 'maxLength':
      return bound('string_too_long', `String should have at most ${limit} character${plural}`, 'max_length', limit);
    case 'minimum':
      return bound('greater_than_equal', `Input should be greater than or equal to ${limit}`, 'ge', limit);
    case 'exclusiveMinimum':
      return bound('greater_than', `Input should be greater than ${limit}`, 'gt', limit);
    case 'maximum':
      return bound('less_than_equal', `Input should be less than or equal to ${limit}`, 'le', limit);
    case 'exclusiveMaximum':
      return bound('less_than', `Input should be less than ${limit}`, 'lt', limit);
    case 'multipleOf':
      return bound('multiple_of', `Input should be a multiple of ${limit}`, 'multiple_of', limit);
    case 'pattern':
      return bound('string_pattern_mismatch', `String should match pattern '${error.schema}'`, 'pattern', error.schema);
    case 'minItems':
    case 'maxItems': {
      const [type, most, key] =
        error.keyword === 'minItems' ? ['too_short', 'least', 'min_length'] : ['too_long', 'most', 'max_length'];
      const actual = Array.isArray(error.data) ? error.data.length : undefined;
      const msg = `List should have at ${most} ${limit} item${plural} after validation, not ${actual}`;
      return { type, msg, ctx: { field_type: 'List', [key]: limit, actual_length: actual } };
    }
    case 'const':
      return literal([error.schema]);
    case 'enum':
      return literal(error.schema as unknown[]);
    case 'anyOf': {
      const literals = literalsOf(error.schema);
      if (literals) return literal(literals);
      break;
    }
  }
  return { type: error.keyword, msg: error.message ?? 'Invalid value' };
}

function describeType(expected: string, input: unknown, schema: unknown): Described {
  const text = typeof input === 'string';
  switch (expected) {
    case 'integer':
      if (typeof input === 'number' || (text && FRACTION.test(input.trim())))
        return { type: 'int_from_float', msg: 'Input should be a valid integer, got a number with a fractional part' };
      return text
        ? { type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' }
        : { type: 'int_type', msg: 'Input should be a valid integer' };
    case 'number':
      return text
        ? { type: 'float_parsing', msg: 'Input should be a valid number, unable to parse string as a number' }
        : { type: 'float_type', msg: 'Input should be a valid number' };
    case 'boolean':
      return text
        ? { type: 'bool_parsing', msg: 'Input should be a valid boolean, unable to interpret input' }
        : { type: 'bool_type', msg: 'Input should be a valid boolean' };
    case 'string':
      return { type: 'string_type', msg: 'Input should be a valid string' };
    case 'array':
      return { type: 'list_type', msg: 'Input should be a valid list' };
    case 'null':
      return { type: 'none_required', msg: 'Input should be None' };
    default:
      // An object with declared fields is a pydantic model; one without is a dict.
      return (schema as { properties?: unknown } | undefined)?.properties
        ? { type: 'model_attributes_type', msg: 'Input should be a valid dictionary or object to extract fields from' }
        : { type: 'dict_type', msg: 'Input should be a valid dictionary' };
  }
}

function bound(type: string, msg: string, key: string, value: unknown): Described {
  return { type, msg, ctx: { [key]: value } };
}

/** pydantic's wording for a value outside a set of literals: `Input should be 'a', 'b' or 'c'`. */
function literal(values: readonly unknown[]): Described {
  const shown = values.map((value) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value)));
  const expected = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}` : (shown[0] ?? '');
  return { type: 'literal_error', msg: `Input should be ${expected}`, ctx: { expected } };
}

/** The values of an `anyOf` whose every member is a `const` (TypeBox's union of literals). */
function literalsOf(members: unknown): unknown[] | undefined {
  if (!Array.isArray(members) || members.length === 0) return undefined;
  if (!members.every((member) => typeof member === 'object' && member !== null && 'const' in member)) return undefined;
  return members.map((member) => (member as { const: unknown }).const);
}

/** ajv's JSON Pointer into the value, as `loc` steps: array indexes are numbers. */
function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
}
