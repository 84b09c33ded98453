import fastJson from 'fast-json-stringify';
import { ResponseValidationError } from '../errors.js';
import type { Schema } from '../routing/route-metadata.js';
import { toIssues } from './to-issues.js';
import { compileSchema, type Validators } from './validators.js';

/** Serializes a handler's plain return value to JSON text. */
export type Serializer = (value: unknown) => string;

/** Without a model, FastAPI sends any value as JSON; `undefined` becomes `null`. */
export const serializeAnyValue: Serializer = (value) => JSON.stringify(value ?? null);

/**
 * Compiles a route's response model once: ajv checks the value (without touching it), then
 * fast-json-stringify writes only the declared properties — the returned object is never mutated
 * and an internal field never leaks. A value that does not match is the server's bug: a
 * `ResponseValidationError`, answered as 500.
 */
export function compileResponseModel(schema: Schema, validators: Validators, route: string): Serializer {
  const validate = compileSchema(validators.response, schema, `the response model of ${route}`);
  const stringify = fastJson(schema as unknown as Parameters<typeof fastJson>[0]);
  return (value) => {
    if (!validate(value)) throw new ResponseValidationError(route, toIssues(validate.errors, ['response']));
    return stringify(value);
  };
}
