import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { RouteDefinitionError } from '../errors.js';
import type { Schema } from '../routing/route-metadata.js';

/**
 * The three ajv configurations an app needs, created once per app at start-up:
 * - `parameters`: path, query, header and cookie values, already read from their strings the way
 *   FastAPI reads them (`compileCoercion`): ajv's own `coerceTypes` would take `0x10` or `1e3` as
 *   an integer and refuse `yes` as a boolean;
 * - `body`: JSON already has types, so nothing is coerced; `bodyFirstError` is the same but
 *   stops at the first error, which bounds the work a large invalid body can cause (every error
 *   is an object: a megabyte of `[{},{},…]` was 666,000 of them, 115 MB and 2.5 s);
 * - `response`: checks what a handler returns, without changing it.
 * `strict: false` lets schemas carry documentation keywords (`example`, TypeBox's own); it would
 * also let `NaN` and `±Infinity` pass as numbers, so `strictNumbers` is turned back on: JSON has
 * neither (RFC 8259 §6), a body's `1e400` parses as `Infinity`, and `JSON.stringify` writes it
 * back as `null`, where the model promised a number.
 */
export interface Validators {
  parameters: Ajv;
  body: Ajv;
  /** `body`, stopping at the first error: every body is checked with it first. */
  bodyFirstError: Ajv;
  response: Ajv;
}

/** `verbose`: a request's errors carry the value that failed, FastAPI's `input`. */
const REQUEST_INPUTS = { useDefaults: true, verbose: true } as const;

/** Builds the app's ajv instances, with the standard formats (`email`, `uuid`, `date-time`, …). */
export function createValidators(): Validators {
  return {
    // Alike, but two instances: a parameter's schema and a body's never share an `$id` namespace.
    parameters: createParametersValidator(),
    body: build(REQUEST_INPUTS),
    bodyFirstError: build({ ...REQUEST_INPUTS, allErrors: false }),
    response: build({ allErrors: false }),
  };
}

/**
 * `Validators.parameters` alone, for a check of strings read as parameters that needs no other
 * instance (the declared response headers of `strictHeaders`).
 *
 * @example
 * ```ts
 * const validate = compileSchema(createParametersValidator(), schema, 'the header X-Page');
 * ```
 */
export function createParametersValidator(): Ajv {
  return build(REQUEST_INPUTS);
}

function build(options: ConstructorParameters<typeof Ajv>[0]): Ajv {
  const ajv = new Ajv({ strict: false, strictNumbers: true, allErrors: true, ...options });
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  return ajv;
}

/** Compiles `schema`, naming the route in the error if the schema itself is invalid. */
export function compileSchema(ajv: Ajv, schema: Schema, where: string): ValidateFunction {
  try {
    return ajv.compile(schema);
  } catch (error) {
    throw new RouteDefinitionError(`Invalid schema for ${where}: ${(error as Error).message}`);
  }
}
